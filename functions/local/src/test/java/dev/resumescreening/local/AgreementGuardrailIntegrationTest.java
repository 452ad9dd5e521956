package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.json.Json;
import dev.resumescreening.model.MlpWeights;
import dev.resumescreening.model.ModelArtifact;
import dev.resumescreening.model.PairFeatures;
import dev.resumescreening.registry.ModelArtifactStore;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Online agreement and the guardrail: every review counts for the model version that scored the result, and a newly
 * activated champion whose decisions reviewers reject significantly more often than its predecessor's is rolled back
 * once GUARDRAIL_REVIEWS of its results are reviewed.
 */
class AgreementGuardrailIntegrationTest {
    private static final int WINDOW = 10;
    private static final Map<String, String> SETTINGS =
            Map.of("MODEL_CACHE_SECONDS", "0", "GUARDRAIL_REVIEWS", String.valueOf(WINDOW));

    @Test
    void aChampionReviewersDisagreeWithIsRolledBackAfterItsFirstReviews() throws Exception {
        try (TestStack stack = TestStack.start(SETTINGS)) {
            String job = agreedWithDayOneThenActivated(stack);
            for (int i = 0; i < WINDOW; i++) {
                JsonNode result = upload(stack, job, 100 + i);
                assertEquals("always-shortlist", result.get("model_version").asText());
                assertEquals("SHORTLIST", result.get("decision").asText());
                assertEquals("always-shortlist", champion(stack), "the guardrail waits for " + WINDOW + " reviews");
                review(stack, result, false);
            }
            assertEquals("0", champion(stack));
            JsonNode models = json(stack.get("/api/v1/models"));
            JsonNode latest = models.get("activations").get(0);
            assertEquals("guardrail", latest.get("actor").asText(), latest.toString());
            assertTrue(latest.get("reason").asText().contains("agreed with 0 of 10"), latest.toString());
            assertTrue(latest.get("reason").asText().contains("20 of 20 (100.0%) of model 0"), latest.toString());
            JsonNode agreement = model(models, "always-shortlist").get("agreement");
            assertEquals(10, agreement.get("reviewed").asLong());
            assertEquals(0, agreement.get("agreed").asLong());
            assertEquals(1.0, model(models, "0").get("agreement").get("rate").asDouble());

            JsonNode status = json(stack.get("/api/v1/feedback/training-status"));
            assertEquals(
                    "0",
                    status.get("live_agreement").get("champion").get("version").asText());
            assertEquals(
                    20,
                    status.get("live_agreement").get("champion").get("reviewed").asLong());
            JsonNode jobs = status.get("jobs");
            assertEquals(1, jobs.size());
            assertEquals(job, jobs.get(0).get("job_id").asText());
            assertEquals(
                    30,
                    jobs.get(0).get("positive_samples").asLong()
                            + jobs.get(0).get("negative_samples").asLong());
        }
    }

    @Test
    void aChampionReviewersAgreeWithStays() throws Exception {
        try (TestStack stack = TestStack.start(SETTINGS)) {
            String job = agreedWithDayOneThenActivated(stack);
            for (int i = 0; i < WINDOW + 2; i++) {
                review(stack, upload(stack, job, 100 + i), true);
            }
            assertEquals("always-shortlist", champion(stack));
        }
    }

    /** A job whose 20 results day one scored were all reviewed in agreement, then "always-shortlist" made live. */
    private static String agreedWithDayOneThenActivated(TestStack stack) throws Exception {
        String job = stack.createJob("Backend Java Engineer", "Java, Spring Boot, AWS Lambda, DynamoDB, SQL");
        for (int i = 0; i < 20; i++) {
            review(stack, upload(stack, job, i), true);
        }
        activate(stack, "always-shortlist");
        return job;
    }

    /** A registered, activated model that shortlists every resume (output bias +10, no weights). */
    private static void activate(TestStack stack, String version) throws Exception {
        int hidden = 2;
        MlpWeights weights = MlpWeights.ofFlat(
                PairFeatures.DIMENSION,
                hidden,
                new float[PairFeatures.DIMENSION * hidden],
                new float[hidden],
                new float[hidden],
                10f);
        ModelArtifact artifact = HandMadeModels.of(version, weights);
        new ModelArtifactStore(stack.environment.app().documents()).save(ModelArtifact.keyPrefix(version), artifact);
        HttpResponse<String> registered = stack.postJson(
                "/api/v1/models/register",
                Map.of("model_path", ModelArtifact.keyPrefix(version), "version", version, "activate", true));
        assertEquals(201, registered.statusCode(), registered.body());
    }

    private static JsonNode upload(TestStack stack, String job, int index) throws Exception {
        String resume = (index % 2 == 0
                        ? "Java engineer, Spring Boot and AWS Lambda services, SQL, resume "
                        : "Barista and shift lead, espresso and customer service, resume ")
                + index;
        HttpResponse<String> response = stack.postJson(
                "/api/v1/screening/upload-resume",
                Map.of(
                        "job_id",
                        job,
                        "file_name",
                        "cv-" + index + ".txt",
                        "content_base64",
                        Base64.getEncoder().encodeToString(resume.getBytes(StandardCharsets.UTF_8))));
        assertEquals(201, response.statusCode(), response.body());
        return json(response);
    }

    /** Reviews the result agreeing with its model's decision, or against it. */
    private static void review(TestStack stack, JsonNode result, boolean agree) throws Exception {
        boolean shortlisted = "SHORTLIST".equals(result.get("decision").asText());
        String decision = shortlisted == agree ? "shortlist" : "reject";
        HttpResponse<String> response = stack.postJson(
                "/api/v1/feedback/submit",
                Map.of("screening_result_id", result.get("screening_result_id").asText(), "human_decision", decision));
        assertEquals(200, response.statusCode(), response.body());
    }

    private static String champion(TestStack stack) throws Exception {
        return json(stack.get("/api/v1/models"))
                .get("active")
                .get("champion_version")
                .asText();
    }

    private static JsonNode model(JsonNode models, String version) {
        for (JsonNode model : models.get("models")) {
            if (version.equals(model.get("version").asText())) {
                return model;
            }
        }
        throw new AssertionError("no model " + version + " in " + models);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.read(response.body());
    }
}
