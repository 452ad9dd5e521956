package dev.resumescreening.http;

import dev.resumescreening.json.Json;
import java.util.HashMap;
import java.util.Map;

/** A response: JSON unless a route answers another media type (CSV reports, JSON-lines audit exports). */
public record ApiResponse(int statusCode, String body, String contentType) {
    public static final String JSON = "application/json";
    public static final Map<String, String> HEADERS = Map.of("content-type", JSON,
            "cache-control", "no-store", "x-content-type-options", "nosniff");

    public ApiResponse(int statusCode, String body) {
        this(statusCode, body, JSON);
    }

    public static ApiResponse json(int statusCode, Object body) {
        return new ApiResponse(statusCode, Json.write(body));
    }

    public static ApiResponse ok(Object body) {
        return json(200, body);
    }

    /** A 200 with a body already in {@code contentType}. */
    public static ApiResponse text(String contentType, String body) {
        return new ApiResponse(200, body, contentType);
    }

    public static ApiResponse created(Object body) {
        return json(201, body);
    }

    public static ApiResponse accepted(Object body) {
        return json(202, body);
    }

    /** The headers of this response: the common ones with its content type. */
    public Map<String, String> headers() {
        if (JSON.equals(contentType)) {
            return HEADERS;
        }
        Map<String, String> headers = new HashMap<>(HEADERS);
        headers.put("content-type", contentType);
        return Map.copyOf(headers);
    }
}
