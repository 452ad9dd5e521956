package dev.resumescreening.logging;

import dev.resumescreening.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Structured logs, one JSON object per line on standard output (CloudWatch keeps them as they are). Callers pass
 * identifiers and figures only: never resume text, names or other personal data. Lines written while a request is
 * handled ({@link #within}) carry that request's context: request id, function name, cold-start flag, and the model
 * version once the request knows it ({@link #annotate}).
 */
public final class JsonLog {
    private static final ThreadLocal<Map<String, Object>> CONTEXT = new ThreadLocal<>();

    private JsonLog() {}

    /** Runs {@code work} with {@code context} added to every line it logs on this thread. */
    public static <T> T within(Map<String, ?> context, Supplier<T> work) {
        Map<String, Object> previous = CONTEXT.get();
        Map<String, Object> merged = new LinkedHashMap<>(context());
        merged.putAll(context);
        CONTEXT.set(merged);
        try {
            return work.get();
        } finally {
            CONTEXT.set(previous);
        }
    }

    /**
     * Adds {@code key} to every line logged from here to the end of the innermost {@link #within} on this thread (e.g.
     * the model version, once a request has chosen its model). Outside {@link #within} it does nothing: a thread
     * that serves one request after another must not carry one request's context into the next.
     */
    public static void annotate(String key, Object value) {
        Map<String, Object> context = CONTEXT.get();
        if (context != null && value != null) {
            context.put(key, value);
        }
    }

    /** The context lines logged now on this thread carry. */
    static Map<String, Object> context() {
        Map<String, Object> context = CONTEXT.get();
        return context == null ? Map.of() : context;
    }

    /**
     * Where a failure happened, for the log: the exception classes (causes included) and their stack frames, never
     * their messages, which may quote input.
     */
    public static String stackTrace(Throwable failure) {
        StringBuilder trace = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            trace.append(trace.isEmpty() ? "" : "caused by ")
                    .append(t.getClass().getName())
                    .append('\n');
            for (StackTraceElement frame : t.getStackTrace()) {
                trace.append("  at ")
                        .append(frame.getClassName())
                        .append('.')
                        .append(frame.getMethodName())
                        .append(':')
                        .append(frame.getLineNumber())
                        .append('\n');
            }
        }
        return trace.toString();
    }

    public static void info(String event, Map<String, ?> fields) {
        write("INFO", event, fields);
    }

    public static void warn(String event, Map<String, ?> fields) {
        write("WARN", event, fields);
    }

    public static void error(String event, Map<String, ?> fields) {
        write("ERROR", event, fields);
    }

    private static void write(String level, String event, Map<String, ?> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level);
        line.put("event", event);
        line.putAll(context());
        line.putAll(fields);
        System.out.println(Json.write(line));
    }
}
