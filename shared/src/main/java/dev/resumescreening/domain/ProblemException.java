package dev.resumescreening.domain;

/** A failure the caller can act on: a stable machine-readable code and a message safe to show. */
public class ProblemException extends RuntimeException {
    private final ProblemKind kind;
    private final String code;

    public ProblemException(ProblemKind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public ProblemException(ProblemKind kind, String code, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = code;
    }

    public static ProblemException invalid(String code, String message) {
        return new ProblemException(ProblemKind.INVALID_INPUT, code, message);
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(
                ProblemKind.NOT_FOUND,
                what + "_not_found",
                what.replace('_', ' ') + " '" + echo(id) + "' does not exist");
    }

    /** Most characters of client input an error message repeats. */
    public static final int MAX_ECHOED_CHARS = 100;

    /** The start of client input for an error message: at most {@value #MAX_ECHOED_CHARS} characters. */
    public static String echo(String input) {
        if (input == null) {
            return "";
        }
        return input.length() <= MAX_ECHOED_CHARS ? input : input.substring(0, MAX_ECHOED_CHARS) + "...";
    }

    public ProblemKind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
