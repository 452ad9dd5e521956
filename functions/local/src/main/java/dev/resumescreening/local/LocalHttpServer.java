package dev.resumescreening.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.http.ApiResponse;
import dev.resumescreening.http.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server standing in for API Gateway: each request becomes the payload 2.0 event the function gets in AWS.
 *
 * <p>Requests are read on a bounded pool of connection threads (a request that does not arrive whole within the JVM's
 * {@value #MAX_REQUEST_SECONDS} seconds is cut off, see {@link LocalEnvironment}) and the functions run on a bounded
 * pool of workers with a bounded queue; when the workers and their queue are full, or every connection thread is
 * busy, the answer is 503 {@code server_busy} with Retry-After. {@code GET /health} is answered on the connection
 * thread, never queued behind the functions.
 */
final class LocalHttpServer implements AutoCloseable {
    /** API Gateway refuses bodies over 10 MB; base64 inflation is the caller's problem there as here. */
    private static final int MAX_BODY_BYTES = 20 * 1024 * 1024;

    static final String MAX_REQUEST_SECONDS = "sun.net.httpserver.maxReqTime";
    static final String MAX_RESPONSE_SECONDS = "sun.net.httpserver.maxRspTime";
    static final String HEALTH_PATH = "/health";
    static final String API_PREFIX = "/api/";
    private static final int OVERFLOW_THREADS = 16;

    /** Thread and queue sizes. */
    record Limits(int connectionThreads, int workers, int queuedRequests) {
        static final Limits DEFAULT = new Limits(32, 8, 32);
    }

    private final HttpServer server;
    private final ThreadPoolExecutor connections;
    private final ThreadPoolExecutor overflow;
    private final ThreadPoolExecutor workers;
    private final LocalEnvironment environment;
    private final RouteTable routes = RouteTable.fromContract();
    private final StaticFiles staticFiles;

    private LocalHttpServer(LocalEnvironment environment, int port, Limits limits) throws IOException {
        this.environment = environment;
        this.staticFiles = new StaticFiles(environment.settings().endpoint("s3"));
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        // a connection no connection thread can take is handed to the overflow threads, which only answer health
        // checks and 503; past them, the connection is dropped
        // (a 503 drains what the client sent, so a stalled client holds its overflow thread until the read timeout)
        this.overflow = new ThreadPoolExecutor(
                OVERFLOW_THREADS,
                OVERFLOW_THREADS,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(OVERFLOW_THREADS),
                named("local-http-overflow"),
                new ThreadPoolExecutor.DiscardPolicy());
        this.connections = new ThreadPoolExecutor(
                limits.connectionThreads(),
                limits.connectionThreads(),
                0,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                named("local-http"),
                (task, pool) -> overflow.execute(task));
        this.workers = new ThreadPoolExecutor(
                limits.workers(),
                limits.workers(),
                0,
                TimeUnit.SECONDS,
                limits.queuedRequests() == 0
                        ? new SynchronousQueue<>()
                        : new ArrayBlockingQueue<>(limits.queuedRequests()),
                named("local-function"),
                new ThreadPoolExecutor.AbortPolicy());
        server.setExecutor(connections);
        server.createContext("/", this::serve);
        server.start();
    }

    static LocalHttpServer start(LocalEnvironment environment, int port) throws IOException {
        return start(environment, port, Limits.DEFAULT);
    }

    static LocalHttpServer start(LocalEnvironment environment, int port, Limits limits) throws IOException {
        return new LocalHttpServer(environment, port, limits);
    }

    int port() {
        return server.getAddress().getPort();
    }

    RouteTable routes() {
        return routes;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> headers = new LinkedHashMap<>();
            ApiResponse reply;
            if (HEALTH_PATH.equals(path)) {
                reply = ApiResponse.ok(Map.of("status", "ok"));
            } else if (!path.startsWith(API_PREFIX)) {
                reply = staticFile(method, path, headers);
            } else if (Thread.currentThread().getName().startsWith("local-http-overflow")) {
                reply = busy(headers);
                headers.put("connection", "close");
            } else {
                reply = dispatch(exchange, method, path, headers);
            }
            byte[] bytes = reply.base64Encoded()
                    ? Base64.getDecoder().decode(reply.body())
                    : reply.body().getBytes(StandardCharsets.UTF_8);
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            boolean head = "HEAD".equalsIgnoreCase(method);
            exchange.sendResponseHeaders(reply.statusCode(), bytes.length == 0 || head ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (!head) {
                    out.write(bytes);
                }
            }
        }
    }

    /** The web app, /openapi.json and /docs: every path outside /api/ is a static file or 404. */
    private ApiResponse staticFile(String method, String path, Map<String, String> headers) throws IOException {
        if (!"GET".equalsIgnoreCase(method) && !"HEAD".equalsIgnoreCase(method)) {
            headers.put("allow", "GET, HEAD");
            return Problems.error(405, "method_not_allowed", "use GET or HEAD on this path");
        }
        Optional<StaticFiles.StaticFile> file = staticFiles.find(path);
        if (file.isEmpty()) {
            return Problems.error(404, "not_found", "no file " + ProblemException.echo(path));
        }
        Map<String, String> fileHeaders = new LinkedHashMap<>();
        fileHeaders.put("content-type", file.get().contentType());
        fileHeaders.put("cache-control", "no-cache");
        fileHeaders.put("x-content-type-options", "nosniff");
        fileHeaders.put("content-security-policy", file.get().policy());
        fileHeaders.put("referrer-policy", "no-referrer");
        return new ApiResponse(
                200, Base64.getEncoder().encodeToString(file.get().content()), fileHeaders, true);
    }

    private ApiResponse dispatch(HttpExchange exchange, String method, String path, Map<String, String> headers)
            throws IOException {
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            return Problems.error(413, "payload_too_large", "the request body is over " + MAX_BODY_BYTES + " bytes");
        }
        Optional<RouteTable.Match> match = routes.match(method, path);
        if (match.isEmpty()) {
            List<String> allowed = routes.methodsFor(path);
            if (!allowed.isEmpty()) {
                headers.put("allow", String.join(", ", allowed));
                return Problems.error(
                        405, "method_not_allowed", "use " + String.join(" or ", allowed) + " on this path");
            }
            return Problems.error(404, "route_not_found", "no route " + ProblemException.echo(method + " " + path));
        }
        APIGatewayV2HTTPEvent event = ApiGatewayEvents.from(match.get(), exchange, body);
        Future<APIGatewayV2HTTPResponse> call;
        try {
            call = workers.submit(
                    () -> environment.function(match.get().route().function()).handleRequest(event, null));
        } catch (RejectedExecutionException saturated) {
            return busy(headers);
        }
        try {
            APIGatewayV2HTTPResponse response = call.get();
            Map<String, String> responseHeaders =
                    response.getHeaders() == null ? ApiResponse.HEADERS : response.getHeaders();
            return new ApiResponse(
                    response.getStatusCode(),
                    response.getBody() == null ? "" : response.getBody(),
                    responseHeaders,
                    response.getIsBase64Encoded());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            return busy(headers);
        } catch (ExecutionException e) {
            return Problems.error(500, "internal_error", "the request failed unexpectedly; it is safe to retry");
        }
    }

    private static ApiResponse busy(Map<String, String> headers) {
        headers.put("retry-after", "1");
        return Problems.error(503, "server_busy", "the local server is busy; retry in a moment");
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        return bytes.length > MAX_BODY_BYTES ? null : bytes;
    }

    static boolean isText(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("application/json") || type.startsWith("text/");
    }

    static String encodeBody(byte[] body, String contentType) {
        return isText(contentType)
                ? new String(body, StandardCharsets.UTF_8)
                : Base64.getEncoder().encodeToString(body);
    }

    @Override
    public void close() {
        server.stop(0);
        connections.shutdownNow();
        overflow.shutdownNow();
        workers.shutdownNow();
    }
}
