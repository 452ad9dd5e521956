package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.json.Json;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Inputs the screen has nothing to match on: clear answers, never a NaN or a made-up score. */
class ScreeningBadInputIntegrationTest {

    @Test
    void aJobWithoutAWordToMatchOnIsRefused() throws Exception {
        try (TestStack stack = TestStack.start(Map.of())) {
            HttpResponse<String> response =
                    stack.postJson("/api/v1/jobs", Map.of("title", "The", "description", "and of the ... !!! - 1 a"));
            assertEquals(400, response.statusCode(), response.body());
            assertEquals(
                    "description_without_terms",
                    Json.read(response.body()).get("error").get("code").asText());
        }
    }

    @Test
    void aResumeWithoutAUsableWordGoesToAPerson() throws Exception {
        try (TestStack stack = TestStack.start(Map.of())) {
            String job = stack.createJob("Backend Java Engineer", "Java, Spring Boot, AWS");
            HttpResponse<String> response = stack.postJson(
                    "/api/v1/screening/upload-resume",
                    Map.of(
                            "job_id",
                            job,
                            "file_name",
                            "cv.txt",
                            "content_base64",
                            Base64.getEncoder()
                                    .encodeToString("... the and of --- ***".getBytes(StandardCharsets.UTF_8))));
            assertEquals(201, response.statusCode(), response.body());
            JsonNode result = Json.read(response.body());
            assertEquals("MANUAL_REVIEW", result.get("decision").asText(), result.toString());
            assertTrue(result.get("score").isNull(), result.toString());
        }
    }
}
