package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.http.ApiRequest;
import dev.resumescreening.http.ApiResponse;
import dev.resumescreening.json.Json;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Blind review: on a job reviewed blind (the default), a reviewer who asks for the original gets the text the model
 * read, without the candidate's personal details; an admin gets the file as uploaded; a job created with
 * {@code blind_review: false} shows reviewers the original.
 */
class BlindReviewIntegrationTest {
    private static final String RESUME = """
            Priya Nair
            priya.nair@example.com | (415) 555-0132
            Senior Java engineer: Spring Boot services on AWS Lambda and DynamoDB.
            """;

    @Test
    void reviewersOfABlindJobSeeTheRedactedTextAndAdminsTheOriginal() throws Exception {
        try (TestStack stack = TestStack.start(Map.of())) {
            JsonNode job = Json.read(stack.postJson(
                            "/api/v1/jobs",
                            Map.of("title", "Backend Java Engineer", "description", "Java, Spring Boot, AWS"))
                    .body());
            assertTrue(job.get("blind_review").asBoolean(), "blind by default: " + job);
            String resultId = upload(stack, job.get("job_id").asText());

            ApiResponse reviewer = original(stack, resultId, "[reviewer]");
            assertEquals(200, reviewer.statusCode());
            assertEquals("true", reviewer.headers().get("x-blind-review"));
            String seen = new String(Base64.getDecoder().decode(reviewer.body()), StandardCharsets.UTF_8);
            assertTrue(seen.contains("Spring Boot services on AWS Lambda"), seen);
            for (String detail : new String[] {"Priya", "Nair", "priya.nair@example.com", "555-0132"}) {
                assertFalse(seen.contains(detail), detail + " shown to a reviewer: " + seen);
            }

            ApiResponse admin = original(stack, resultId, "[admin]");
            assertEquals(RESUME, new String(Base64.getDecoder().decode(admin.body()), StandardCharsets.UTF_8));
            assertFalse(admin.headers().containsKey("x-blind-review"));
        }
    }

    @Test
    void aJobCreatedOpenShowsReviewersTheOriginal() throws Exception {
        try (TestStack stack = TestStack.start(Map.of())) {
            JsonNode job = Json.read(stack.postJson(
                            "/api/v1/jobs",
                            Map.of(
                                    "title",
                                    "Backend Java Engineer",
                                    "description",
                                    "Java, Spring Boot, AWS",
                                    "blind_review",
                                    false))
                    .body());
            assertFalse(job.get("blind_review").asBoolean(), job.toString());
            ApiResponse reviewer =
                    original(stack, upload(stack, job.get("job_id").asText()), "[reviewer]");
            assertEquals(RESUME, new String(Base64.getDecoder().decode(reviewer.body()), StandardCharsets.UTF_8));
            HttpResponse<String> invalid =
                    stack.postJson("/api/v1/jobs", Map.of("title", "T", "description", "Java", "blind_review", "yes"));
            assertEquals(400, invalid.statusCode(), invalid.body());
        }
    }

    private static String upload(TestStack stack, String jobId) throws Exception {
        HttpResponse<String> response = stack.postJson(
                "/api/v1/screening/upload-resume",
                Map.of(
                        "job_id",
                        jobId,
                        "file_name",
                        "cv.txt",
                        "content_base64",
                        Base64.getEncoder().encodeToString(RESUME.getBytes(StandardCharsets.UTF_8))));
        assertEquals(201, response.statusCode(), response.body());
        return Json.read(response.body()).get("screening_result_id").asText();
    }

    /** The original route as a caller in {@code groups} calls it (the local server signs everyone in as admin). */
    private static ApiResponse original(TestStack stack, String resultId, String groups) {
        ApiRequest request = new ApiRequest(
                "GET /api/v1/screening/result/{result_id}/original",
                Map.of("result_id", resultId),
                Map.of(),
                Map.of(),
                new byte[0],
                Map.of("cognito:username", "sam", "cognito:groups", groups));
        return stack.environment
                .app()
                .resultsApi()
                .routes()
                .get(request.routeKey())
                .handle(request);
    }
}
