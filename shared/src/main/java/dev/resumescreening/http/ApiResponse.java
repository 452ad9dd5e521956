package dev.resumescreening.http;

import dev.resumescreening.json.Json;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response: JSON by default; a file ({@link #file}) has its own headers and a base64 body, as API Gateway
 * expects binary bodies from a function.
 */
public record ApiResponse(int statusCode, String body, Map<String, String> headers, boolean base64Encoded) {
    public static final Map<String, String> HEADERS = Map.of(
            "content-type", "application/json", "cache-control", "no-store", "x-content-type-options", "nosniff");

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public ApiResponse(int statusCode, String body) {
        this(statusCode, body, HEADERS, false);
    }

    public static ApiResponse json(int statusCode, Object body) {
        return new ApiResponse(statusCode, Json.write(body));
    }

    public static ApiResponse ok(Object body) {
        return json(200, body);
    }

    /** A 200 with a text body already in {@code contentType} (CSV reports, JSON-lines audit exports). */
    public static ApiResponse text(String contentType, String body) {
        Map<String, String> headers = new LinkedHashMap<>(HEADERS);
        headers.put("content-type", contentType);
        return new ApiResponse(200, body, headers, false);
    }

    public static ApiResponse created(Object body) {
        return json(201, body);
    }

    public static ApiResponse accepted(Object body) {
        return json(202, body);
    }

    /**
     * A stored file, shown inline: its own content type, never sniffed as another, never cached, and sandboxed
     * (no script of a file runs with the API's origin) except for PDFs, which browsers cannot show sandboxed.
     */
    public static ApiResponse file(byte[] content, String contentType, String fileName) {
        Map<String, String> headers = new LinkedHashMap<>(HEADERS);
        headers.put("content-type", contentType);
        headers.put("content-disposition", "inline; filename*=UTF-8''" + encodeFileName(fileName));
        if (!contentType.startsWith("application/pdf")) {
            headers.put("content-security-policy", "sandbox; default-src 'none'");
        }
        return new ApiResponse(200, Base64.getEncoder().encodeToString(content), headers, true);
    }

    /** This response with one more header (or {@code name} replaced). */
    public ApiResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(statusCode, body, more, base64Encoded);
    }

    /** RFC 5987 encoding: unreserved characters as they are, every other byte as %XX. */
    private static String encodeFileName(String fileName) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : (fileName == null ? "resume" : fileName).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", (int) c));
            }
        }
        return encoded.toString();
    }
}
