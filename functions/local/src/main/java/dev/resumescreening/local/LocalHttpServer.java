package dev.resumescreening.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.resumescreening.http.ApiResponse;
import dev.resumescreening.http.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** An HTTP server standing in for API Gateway: each request becomes the payload 2.0 event the function gets in AWS. */
final class LocalHttpServer implements AutoCloseable {
    /** API Gateway refuses bodies over 10 MB; base64 inflation is the caller's problem there as here. */
    private static final int MAX_BODY_BYTES = 20 * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final LocalEnvironment environment;
    private final RouteTable routes = RouteTable.fromContract();

    private LocalHttpServer(LocalEnvironment environment, int port) throws IOException {
        this.environment = environment;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        this.executor = Executors.newFixedThreadPool(8);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    static LocalHttpServer start(LocalEnvironment environment, int port) throws IOException {
        return new LocalHttpServer(environment, port);
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
            byte[] body = readBody(exchange.getRequestBody());
            ApiResponse reply;
            if (body == null) {
                reply = Problems.error(413, "payload_too_large", "the request body is over " + MAX_BODY_BYTES + " bytes");
            } else {
                Optional<RouteTable.Match> match = routes.match(method, path);
                if (match.isEmpty()) {
                    reply = Problems.error(404, "route_not_found", "no route " + method + " " + path);
                } else {
                    APIGatewayV2HTTPEvent event = ApiGatewayEvents.from(match.get(), exchange, body);
                    APIGatewayV2HTTPResponse response = environment.function(match.get().route().function())
                            .handleRequest(event, null);
                    reply = new ApiResponse(response.getStatusCode(), response.getBody());
                }
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            ApiResponse.HEADERS.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(reply.statusCode(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
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
        return isText(contentType) ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
