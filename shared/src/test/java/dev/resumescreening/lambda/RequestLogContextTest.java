package dev.resumescreening.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.http.ApiResponse;
import dev.resumescreening.json.Json;
import dev.resumescreening.logging.JsonLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every line logged while a request is handled carries the Lambda request id, the function and the cold-start flag;
 * an unexpected failure logs where it happened, but not its message (which may quote input), and answers without it.
 */
class RequestLogContextTest {
    private static final String PLANTED = "priya.nair@example.com";

    @Test
    void linesCarryTheRequestsContextAndFailuresTheirStackWithoutTheirMessage() throws Exception {
        HttpApiAdapter adapter = new HttpApiAdapter(
                "jobs",
                Map.of(
                        "GET /api/v1/jobs",
                                request -> {
                                    JsonLog.info("test.inside", Map.of("n", 1));
                                    return ApiResponse.ok(Map.of());
                                },
                        "POST /api/v1/jobs",
                                request -> {
                                    throw new IllegalStateException("cannot parse " + PLANTED);
                                }));
        List<JsonNode> lines = captured(() -> {
            adapter.handle(event("GET /api/v1/jobs"), "lambda-1");
            adapter.handle(event("GET /api/v1/jobs"), "lambda-2");
            String body = adapter.handle(event("POST /api/v1/jobs"), "lambda-3").getBody();
            assertFalse(body.contains(PLANTED) || body.contains("IllegalStateException"), body);
        });
        JsonNode inside = lines.stream()
                .filter(l -> l.get("event").asText().equals("test.inside"))
                .findFirst()
                .orElseThrow();
        assertEquals("lambda-1", inside.get("request_id").asText());
        assertEquals("jobs", inside.get("function").asText());
        assertTrue(
                lines.stream().allMatch(l -> l.has("request_id") && l.has("function") && l.has("cold_start")),
                lines.toString());
        List<JsonNode> requests = lines.stream()
                .filter(l -> l.get("event").asText().equals("http.request"))
                .toList();
        assertEquals(3, requests.size());
        assertFalse(requests.get(1).get("cold_start").asBoolean(), "the second request of a container is warm");
        JsonNode failure = lines.stream()
                .filter(l -> l.get("event").asText().equals("http.unexpected_error"))
                .findFirst()
                .orElseThrow();
        assertEquals("lambda-3", failure.get("request_id").asText());
        assertTrue(failure.get("stack_trace").asText().contains("RequestLogContextTest"), failure.toString());
        assertFalse(failure.toString().contains(PLANTED), failure.toString());
        JsonNode outside =
                captured(() -> JsonLog.info("test.outside", Map.of())).get(0);
        assertFalse(outside.has("request_id"), "a request's context ends with it: " + outside);
    }

    private static List<JsonNode> captured(Runnable work) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setOut(original);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : buffer.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(Json.read(line));
            }
        }
        return lines;
    }

    private static APIGatewayV2HTTPEvent event(String routeKey) {
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setRequestId("api-" + routeKey.hashCode());
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey(routeKey);
        event.setRequestContext(context);
        return event;
    }
}
