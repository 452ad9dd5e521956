package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.json.Json;
import dev.resumescreening.model.ClassificationMetrics;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The loop with the guide's default hyperparameters on realistic resumes (see {@link RealisticReviews}): reviews that
 * follow what each job wants put a better model live, one that ranks new resumes better than day one did; reviews
 * that carry no signal put none live.
 */
class LearningUnderDefaultsIntegrationTest {
    private static final Map<String, String> DEFAULTS = Map.of("MODEL_CACHE_SECONDS", "0");

    @Test
    void reviewsThatFollowEachJobPutABetterModelLive() throws Exception {
        try (TestStack stack = TestStack.start(DEFAULTS)) {
            List<String> jobs = RealisticReviews.createJobs(stack);
            List<RealisticReviews.Uploaded> heldOutByDayOne = RealisticReviews.upload(stack, jobs, 20, 99);
            RealisticReviews.review(stack, RealisticReviews.upload(stack, jobs, 40, 1), 0.0, 1);

            JsonNode run = trainNow(stack);
            assertEquals("SUCCEEDED", run.get("state").asText(), run.toString());
            assertTrue(run.get("activated").asBoolean(), run.toString());

            List<RealisticReviews.Uploaded> heldOutByTrained = RealisticReviews.upload(stack, jobs, 20, 99);
            assertEquals(
                    run.get("candidate_version").asText(),
                    heldOutByTrained.get(0).result().get("model_version").asText());
            double dayOne = auc(heldOutByDayOne);
            double trained = auc(heldOutByTrained);
            assertTrue(trained > dayOne + 0.01, "new resumes: trained " + trained + " vs day one " + dayOne);
        }
    }

    @Test
    void moreReviewsOfTheSameJobsRefreshTheLiveModel() throws Exception {
        try (TestStack stack = TestStack.start(DEFAULTS)) {
            List<String> jobs = RealisticReviews.createJobs(stack);
            RealisticReviews.review(stack, RealisticReviews.upload(stack, jobs, 40, 1), 0.0, 1);
            JsonNode first = trainNow(stack);
            assertTrue(first.get("activated").asBoolean(), first.toString());
            String live = first.get("candidate_version").asText();

            RealisticReviews.review(stack, RealisticReviews.upload(stack, jobs, 20, 2), 0.0, 2);
            JsonNode refresh = trainNow(stack);
            assertTrue(refresh.get("reason").asText().contains("a refresh of model " + live), refresh.toString());
            assertTrue(refresh.get("reason").asText().contains("and not below model 0"), refresh.toString());
            assertTrue(refresh.get("activated").asBoolean(), refresh.toString());
            JsonNode metrics = refresh.get("metrics");
            assertTrue(
                    metrics.get("candidate_weighted_roc_auc").asDouble()
                            >= metrics.get("similarity_weighted_roc_auc").asDouble(),
                    metrics.toString());
            assertEquals(
                    refresh.get("candidate_version").asText(),
                    Json.read(stack.get("/api/v1/models").body())
                            .get("active")
                            .get("champion_version")
                            .asText());
        }
    }

    @Test
    void reviewsCrowdedAtTheTopAreJudgedWeighedByTheResumesTheyStandFor() throws Exception {
        try (TestStack stack = TestStack.start(DEFAULTS)) {
            List<RealisticReviews.Uploaded> uploaded =
                    RealisticReviews.upload(stack, RealisticReviews.createJobs(stack), 40, 1);
            // every resume of the top half of its job's scores reviewed, one in five of the rest: the reviewed pairs
            // of the top stand for fewer resumes each than those of the bottom
            Map<String, List<RealisticReviews.Uploaded>> byJob = uploaded.stream()
                    .collect(Collectors.groupingBy(u -> u.result().get("job_id").asText()));
            List<RealisticReviews.Uploaded> reviewed = new ArrayList<>();
            for (List<RealisticReviews.Uploaded> job : byJob.values()) {
                List<RealisticReviews.Uploaded> ranked = job.stream()
                        .sorted(Comparator.comparingDouble((RealisticReviews.Uploaded u) ->
                                -u.result().get("score").asDouble()))
                        .toList();
                for (int i = 0; i < ranked.size(); i++) {
                    if (i < ranked.size() / 2 || i % 5 == 0) {
                        reviewed.add(ranked.get(i));
                    }
                }
            }
            RealisticReviews.review(stack, reviewed, 0.0, 1);

            JsonNode run = trainNow(stack);
            JsonNode metrics = run.get("metrics");
            double candidate = metrics.get("candidate_weighted_roc_auc").asDouble();
            double active = metrics.get("active_weighted_roc_auc").asDouble();
            assertTrue(
                    Math.abs(candidate - metrics.get("candidate").get("roc_auc").asDouble()) > 1e-9
                            || Math.abs(active
                                            - metrics.get("active")
                                                    .get("roc_auc")
                                                    .asDouble())
                                    > 1e-9,
                    "uneven reviews weigh unevenly: " + metrics);
            assertTrue(
                    run.get("reason")
                            .asText()
                            .startsWith(String.format(
                                    Locale.ROOT, "candidate ROC AUC %.4f vs %.4f of model 0", candidate, active)),
                    run.toString());
        }
    }

    @Test
    void reviewsWithoutSignalPutNoModelLive() throws Exception {
        try (TestStack stack = TestStack.start(DEFAULTS)) {
            List<String> jobs = RealisticReviews.createJobs(stack);
            RealisticReviews.review(stack, RealisticReviews.upload(stack, jobs, 40, 1), 1.0, 1);
            JsonNode run = trainNow(stack);
            assertEquals("SUCCEEDED", run.get("state").asText(), run.toString());
            assertFalse(run.get("activated").asBoolean(), run.toString());
            assertEquals(
                    "0",
                    Json.read(stack.get("/api/v1/models").body())
                            .get("active")
                            .get("champion_version")
                            .asText());
        }
    }

    @Test
    void withApprovalRequiredAPassingCandidateWaitsForAnAdmin() throws Exception {
        try (TestStack stack = TestStack.start(Map.of("MODEL_CACHE_SECONDS", "0", "ACTIVATION_MODE", "approval"))) {
            List<String> jobs = RealisticReviews.createJobs(stack);
            RealisticReviews.review(stack, RealisticReviews.upload(stack, jobs, 40, 1), 0.0, 1);
            JsonNode run = trainNow(stack);
            assertFalse(run.get("activated").asBoolean(), run.toString());
            assertTrue(run.get("reason").asText().contains("awaits an admin's approval"), run.toString());
            String candidate = run.get("candidate_version").asText();
            JsonNode models = Json.read(stack.get("/api/v1/models").body());
            assertEquals("0", models.get("active").get("champion_version").asText());
            assertTrue(
                    models.get("models")
                            .toString()
                            .contains("\"version\":\"" + candidate
                                    + "\",\"framework\":\"djl-pytorch\",\"status\":\"PENDING_APPROVAL\""),
                    models.toString());
            HttpResponse<String> approved = stack.postJson("/api/v1/models/activate", Map.of("champion", candidate));
            assertEquals(200, approved.statusCode(), approved.body());
            assertEquals(
                    candidate,
                    Json.read(stack.get("/api/v1/models").body())
                            .get("active")
                            .get("champion_version")
                            .asText());
        }
    }

    private static double auc(List<RealisticReviews.Uploaded> uploaded) {
        double[] scores = uploaded.stream()
                .mapToDouble(u -> u.result().get("score").asDouble())
                .toArray();
        int[] labels = uploaded.stream().mapToInt(u -> u.match() ? 1 : 0).toArray();
        return ClassificationMetrics.rocAuc(scores, labels);
    }

    private static JsonNode trainNow(TestStack stack) throws Exception {
        HttpResponse<String> triggered =
                stack.postJson("/api/v1/feedback/trigger-training", Map.of("force", true, "min_samples", 10));
        assertEquals(202, triggered.statusCode(), triggered.body());
        stack.environment.trainingLauncher().awaitIdle(5, TimeUnit.MINUTES);
        return Json.read(stack.get("/api/v1/training/runs/"
                        + Json.read(triggered.body()).get("run_id").asText())
                .body());
    }
}
