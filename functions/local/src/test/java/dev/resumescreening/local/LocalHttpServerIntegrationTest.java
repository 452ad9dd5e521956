package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resumescreening.json.Json;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Clients that send headers and half a body cannot freeze the local server: the health route and, once they are
 * cut off by the read timeout (5 s in the tests, see the pom), the API keep answering; while every thread is held,
 * the API answers 503 instead of hanging.
 */
class LocalHttpServerIntegrationTest {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void stalledClientsGetCutOffAndNeverBlockTheHealthRouteOrFreezeTheApi() throws Exception {
        try (TestStack stack = TestStack.start(Map.of());
                LocalHttpServer server =
                        LocalHttpServer.start(stack.environment, 0, new LocalHttpServer.Limits(4, 2, 2))) {
            String base = "http://127.0.0.1:" + server.port();
            assertEquals(200, get(base + "/api/v1/feedback/training-status").statusCode());

            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket socket = new Socket("127.0.0.1", server.port());
                    socket.getOutputStream()
                            .write(("POST /api/v1/jobs HTTP/1.1\r\nHost: x\r\n"
                                            + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"title\":\"half")
                                    .getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    stalled.add(socket);
                }
                Thread.sleep(300);
                long started = System.nanoTime();
                HttpResponse<String> health = get(base + "/health");
                assertEquals(200, health.statusCode(), health.body());
                assertEquals("ok", Json.read(health.body()).get("status").asText());
                HttpResponse<String> busy = get(base + "/api/v1/feedback/training-status");
                assertEquals(503, busy.statusCode(), busy.body());
                assertEquals(
                        "server_busy", Json.read(busy.body()).at("/error/code").asText());
                assertEquals("1", busy.headers().firstValue("retry-after").orElse(null));
                assertTrue(System.nanoTime() - started < 3_000_000_000L, "answers must not wait for the stalled");

                // the read timeout closes the stalled connections and frees their threads
                for (Socket socket : stalled) {
                    socket.setSoTimeout(15_000);
                    InputStream in = socket.getInputStream();
                    long waited = System.nanoTime();
                    while (in.read() >= 0) {
                        // a 503 or nothing; then the server closes the connection
                    }
                    assertTrue(System.nanoTime() - waited < 15_000_000_000L);
                }
                // the server frees a worker just after it closes the connection: recovery may take a moment
                HttpResponse<String> after = get(base + "/api/v1/feedback/training-status");
                for (int attempt = 0; after.statusCode() == 503 && attempt < 50; attempt++) {
                    Thread.sleep(200);
                    after = get(base + "/api/v1/feedback/training-status");
                }
                assertEquals(200, after.statusCode(), after.body());
            } finally {
                for (Socket socket : stalled) {
                    socket.close();
                }
            }
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
