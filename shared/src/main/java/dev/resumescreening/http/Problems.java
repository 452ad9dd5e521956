package dev.resumescreening.http;

import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.domain.ProblemKind;
import java.util.LinkedHashMap;
import java.util.Map;

/** The error body every route uses: {"error":{"code","message"}}. */
public final class Problems {
    private Problems() {}

    public static ApiResponse of(ProblemException problem) {
        return error(status(problem.kind()), problem.code(), problem.getMessage());
    }

    public static ApiResponse error(int status, String code, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return ApiResponse.json(status, Map.of("error", error));
    }

    static int status(ProblemKind kind) {
        return switch (kind) {
            case INVALID_INPUT -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case GONE -> 410;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case UNPROCESSABLE -> 422;
            case UNAVAILABLE -> 503;
        };
    }
}
