package dev.resumescreening.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The web app's static files, from the classpath: {@code webapp/} (the app, {@code /openapi.json}, {@code /docs})
 * and Swagger UI's WebJar under {@code /webjars/swagger-ui/}. Only GET and HEAD; no directory listings; a path with
 * a dot segment, a backslash or an encoded character is not found.
 */
final class StaticFiles {
    static final String SWAGGER_UI_VERSION = "5.34.1";
    private static final String APP_ROOT = "webapp";
    private static final String SWAGGER_PREFIX = "/webjars/swagger-ui/";
    private static final String SWAGGER_ROOT = "META-INF/resources/webjars/swagger-ui/" + SWAGGER_UI_VERSION + "/";
    private static final Map<String, String> ALIASES = Map.of("/", "/index.html", "/docs", "/docs.html");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "txt", "text/plain; charset=utf-8",
            "map", "application/json");
    /**
     * Scripts and styles only from this origin, no inline script anywhere (an injected handler cannot run), frames
     * only of this origin (the review screen shows the original PDF), requests to this origin and the object store
     * (large files are put to presigned URLs there). Swagger UI sets inline styles, so /docs allows them.
     */
    private static final String APP_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; frame-src 'self' blob:; object-src 'self'; connect-src 'self'%s; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'self'";

    private final String appPolicy;
    private final String docsPolicy;

    /** @param objectStore the S3 endpoint presigned URLs point at, when it is not AWS's */
    StaticFiles(Optional<URI> objectStore) {
        this.appPolicy = APP_POLICY.formatted(objectStore
                .map(uri -> " " + uri.getScheme() + "://" + uri.getRawAuthority()).orElse(""));
        this.docsPolicy = appPolicy.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
    }

    record StaticFile(byte[] content, String contentType, String policy) {
    }

    Optional<StaticFile> find(String rawPath) {
        String path = ALIASES.getOrDefault(rawPath, rawPath);
        if (!path.startsWith("/") || path.contains("..") || path.contains("\\") || path.contains("%")
                || path.contains("//") || path.endsWith("/")) {
            return Optional.empty();
        }
        String resource = path.startsWith(SWAGGER_PREFIX)
                ? SWAGGER_ROOT + path.substring(SWAGGER_PREFIX.length())
                : APP_ROOT + path;
        String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.get(extension);
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            boolean docs = path.equals("/docs.html") || path.startsWith(SWAGGER_PREFIX);
            return Optional.of(new StaticFile(in.readAllBytes(), type, docs ? docsPolicy : appPolicy));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
