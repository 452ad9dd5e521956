package dev.resumescreening.http;

import dev.resumescreening.json.Json;
import java.util.Map;

/** A JSON response. */
public record ApiResponse(int statusCode, String body) {
    public static final Map<String, String> HEADERS = Map.of("content-type", "application/json",
            "cache-control", "no-store", "x-content-type-options", "nosniff");

    public static ApiResponse json(int statusCode, Object body) {
        return new ApiResponse(statusCode, Json.write(body));
    }

    public static ApiResponse ok(Object body) {
        return json(200, body);
    }

    public static ApiResponse created(Object body) {
        return json(201, body);
    }

    public static ApiResponse accepted(Object body) {
        return json(202, body);
    }
}
