package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.json.Json;
import dev.resumescreening.logging.Metrics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an upload and its review leave in the logs: the lines of each request carry the model version that scored the
 * resume, and the business metrics (uploads, decisions by outcome, reviews, agreement with the model) are written in
 * embedded metric format.
 */
class ObservabilityIntegrationTest {

    @Test
    void anUploadAndItsReviewLogTheModelVersionAndWriteTheirMetrics() throws Exception {
        List<JsonNode> lines;
        String decision;
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (TestStack stack = TestStack.start(Map.of())) {
            String jobId = stack.createJob("Backend Java Engineer", "Java, AWS Lambda, DynamoDB, REST APIs");
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            HttpResponse<String> upload = stack.uploadFile(
                    jobId,
                    "java.txt",
                    "Java engineer: AWS Lambda, DynamoDB, REST APIs".getBytes(StandardCharsets.UTF_8));
            assertEquals(201, upload.statusCode(), upload.body());
            JsonNode result = Json.read(upload.body());
            decision = result.get("decision").asText();
            String disagreeing = decision.equals("SHORTLIST") ? "reject" : "shortlist";
            HttpResponse<String> review = stack.postJson(
                    "/api/v1/feedback/submit",
                    Map.of(
                            "screening_result_id",
                            result.get("screening_result_id").asText(),
                            "human_decision",
                            disagreeing));
            assertEquals(200, review.statusCode(), review.body());
        } finally {
            System.setOut(original);
        }
        lines = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("{")) {
                lines.add(Json.read(line));
            }
        }

        JsonNode uploadRequest = only(lines, "event", "http.request", "function", "upload");
        assertEquals("0", uploadRequest.path("model_version").asText(), uploadRequest.toString());
        JsonNode reviewRequest = only(lines, "event", "http.request", "function", "feedback");
        assertEquals("0", reviewRequest.path("model_version").asText(), reviewRequest.toString());

        assertEquals(1.0, metric(lines, Metrics.UPLOADS).get(Metrics.UPLOADS).asDouble());
        JsonNode decided = metric(lines, Metrics.DECISIONS);
        assertEquals(decision, decided.get("Decision").asText());
        assertEquals(
                "[[\"Decision\"]]",
                decided.at("/_aws/CloudWatchMetrics/0/Dimensions").toString());
        assertEquals("0", decided.get("model_version").asText());
        assertEquals(1.0, metric(lines, Metrics.REVIEWS).get(Metrics.REVIEWS).asDouble());
        assertEquals(
                0.0,
                metric(lines, Metrics.MODEL_AGREEMENT)
                        .get(Metrics.MODEL_AGREEMENT)
                        .asDouble(),
                "the reviewer overturned the model");
    }

    private static JsonNode metric(List<JsonNode> lines, String name) {
        List<JsonNode> found = lines.stream()
                .filter(l -> name.equals(
                        l.at("/_aws/CloudWatchMetrics/0/Metrics/0/Name").asText()))
                .toList();
        assertEquals(1, found.size(), name + " in " + lines);
        assertEquals(
                "ResumeScreening",
                found.get(0).at("/_aws/CloudWatchMetrics/0/Namespace").asText());
        return found.get(0);
    }

    private static JsonNode only(List<JsonNode> lines, String key, String value, String key2, String value2) {
        List<JsonNode> found = lines.stream()
                .filter(l -> value.equals(l.path(key).asText())
                        && value2.equals(l.path(key2).asText()))
                .toList();
        assertEquals(1, found.size(), key + "=" + value + ", " + key2 + "=" + value2 + " in " + lines);
        assertTrue(found.get(0).has("request_id"));
        return found.get(0);
    }
}
