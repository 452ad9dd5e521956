package dev.resumescreening.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.http.ApiResponse;
import dev.resumescreening.json.Json;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Functions that also take other events answer an API Gateway request arriving on a stream as the proxy expects. */
class StreamRequestTest {
    private final HttpApiAdapter adapter = new HttpApiAdapter(
            "registry",
            Map.of(
                    "GET /api/v1/models", request -> ApiResponse.ok(Map.of("caller", request.caller())),
                    "POST /api/v1/models/rollback",
                            request -> ApiResponse.file(new byte[] {1, 2}, "application/pdf", "f")));

    @Test
    void aRequestIsAnsweredAsAProxyResponse() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        assertTrue(adapter.answerIfRequest(
                Json.read("{\"routeKey\":\"GET /api/v1/models\",\"requestContext\":"
                        + "{\"authorizer\":{\"jwt\":{\"claims\":{\"cognito:username\":\"sam\"}}}}}"),
                output,
                "req-1"));
        JsonNode answer = Json.read(output.toByteArray());
        assertEquals(200, answer.get("statusCode").asInt(), answer.toString());
        assertEquals("sam", Json.read(answer.get("body").asText()).get("caller").asText());
        assertFalse(answer.get("isBase64Encoded").asBoolean());
        assertEquals(
                "application/json", answer.get("headers").get("content-type").asText());
    }

    @Test
    void aBinaryAnswerSaysItIsBase64() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        adapter.answerIfRequest(
                Json.read("{\"routeKey\":\"POST /api/v1/models/rollback\",\"requestContext\":"
                        + "{\"authorizer\":{\"jwt\":{\"claims\":{\"cognito:groups\":\"[admin]\"}}}}}"),
                output,
                null);
        JsonNode answer = Json.read(output.toByteArray());
        assertTrue(answer.get("isBase64Encoded").asBoolean(), answer.toString());
        assertEquals("AQI=", answer.get("body").asText());
    }

    @Test
    void otherEventsAreLeftToTheFunction() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        assertFalse(adapter.answerIfRequest(Json.read("{\"source\":\"aws.events\"}"), output, null));
        assertEquals(0, output.size());
    }
}
