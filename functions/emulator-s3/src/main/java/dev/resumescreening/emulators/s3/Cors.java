package dev.resumescreening.emulators.s3;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Browsers on this machine may use the emulator as they use the bucket in AWS through its CORS rules (the web app puts
 * large files to presigned URLs): pages served from a loopback origin, and no other, get CORS answers for GET, HEAD
 * and PUT with Content-Type and x-amz-* headers. Preflights from any other origin are refused as S3 refuses them.
 */
final class Cors {
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "PUT");
    private static final String MAX_AGE_SECONDS = "600";

    private Cors() {}

    /**
     * Adds the CORS headers a loopback origin's request gets, and answers its preflight.
     *
     * @return true when the request was a preflight, now answered
     */
    static boolean handle(HttpExchange ex) throws IOException {
        String origin = ex.getRequestHeaders().getFirst("Origin");
        boolean allowed = isLoopback(origin);
        Headers response = ex.getResponseHeaders();
        response.add("Vary", "Origin");
        if (allowed) {
            response.set("Access-Control-Allow-Origin", origin);
            response.set("Access-Control-Expose-Headers", "ETag, x-amz-request-id");
        }
        if (!"OPTIONS".equalsIgnoreCase(ex.getRequestMethod())) {
            return false;
        }
        String method = ex.getRequestHeaders().getFirst("Access-Control-Request-Method");
        String headers = ex.getRequestHeaders().getFirst("Access-Control-Request-Headers");
        if (!allowed
                || method == null
                || !METHODS.contains(method.toUpperCase(Locale.ROOT))
                || !allowedHeaders(headers)) {
            throw new S3Exception(403, "AccessForbidden", "CORSResponse: This CORS request is not allowed.");
        }
        response.set("Access-Control-Allow-Methods", String.join(", ", METHODS));
        if (headers != null && !headers.isBlank()) {
            response.set("Access-Control-Allow-Headers", headers);
        }
        response.set("Access-Control-Max-Age", MAX_AGE_SECONDS);
        ex.sendResponseHeaders(200, -1);
        return true;
    }

    static boolean isLoopback(String origin) {
        if (origin == null) {
            return false;
        }
        try {
            URI uri = new URI(origin);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getRawPath() != null
                    && uri.getRawPath().isEmpty()
                    && uri.getRawQuery() == null
                    && uri.getRawUserInfo() == null
                    && uri.getHost() != null
                    && LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean allowedHeaders(String requested) {
        if (requested == null || requested.isBlank()) {
            return true;
        }
        for (String name : requested.split(",")) {
            String header = name.strip().toLowerCase(Locale.ROOT);
            if (!header.equals("content-type") && !header.startsWith("x-amz-")) {
                return false;
            }
        }
        return true;
    }
}
