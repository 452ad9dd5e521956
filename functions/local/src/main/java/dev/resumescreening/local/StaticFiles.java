package dev.resumescreening.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The web app's static files, from the classpath: {@code webapp/} (the app, {@code /openapi.json}, the API docs page
 * under {@code /docs/}) and, beside the docs page, the files of Swagger UI's WebJar it loads: the same paths the
 * build's {@code target/docs/} has for the web bucket in AWS. Only GET and HEAD; no directory listings; a path with
 * a dot segment, a backslash or an encoded character is not found.
 */
final class StaticFiles {
    static final String SWAGGER_UI_VERSION = "5.34.1";
    private static final String APP_ROOT = "webapp";
    private static final String DOCS_PREFIX = "/docs/";
    private static final String SWAGGER_ROOT = "META-INF/resources/webjars/swagger-ui/" + SWAGGER_UI_VERSION + "/";
    /** The WebJar's files the docs page loads (functions/local/pom.xml unpacks the same ones for AWS). */
    private static final Set<String> SWAGGER_FILES =
            Set.of(DOCS_PREFIX + "swagger-ui.css", DOCS_PREFIX + "swagger-ui-bundle.js");

    private static final Map<String, String> ALIASES = Map.of("/", "/index.html", "/docs", "/docs/index.html");
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
                .map(uri -> " " + uri.getScheme() + "://" + uri.getRawAuthority())
                .orElse(""));
        this.docsPolicy = appPolicy.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
    }

    record StaticFile(byte[] content, String contentType, String policy) {}

    Optional<StaticFile> find(String rawPath) {
        String path = ALIASES.getOrDefault(rawPath, rawPath);
        if (!path.startsWith("/")
                || path.contains("..")
                || path.contains("\\")
                || path.contains("%")
                || path.contains("//")
                || path.endsWith("/")) {
            return Optional.empty();
        }
        String resource =
                SWAGGER_FILES.contains(path) ? SWAGGER_ROOT + path.substring(DOCS_PREFIX.length()) : APP_ROOT + path;
        String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.get(extension);
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(
                    new StaticFile(in.readAllBytes(), type, path.startsWith(DOCS_PREFIX) ? docsPolicy : appPolicy));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
