package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.json.Json;
import dev.resumescreening.model.TrainingDataCsv;
import dev.resumescreening.model.TrainingSample;
import dev.resumescreening.model.TrainingSet;
import dev.resumescreening.model.UnreviewedResume;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Training draws on the unreviewed resumes of the jobs it has reviews of both kinds for: they are written to the run's
 * training data beside the reviewed pairs, and the clear ones join the job feedback the candidate serves with.
 */
class UnreviewedResumesIntegrationTest {

    @Test
    void theRunsTrainingDataHoldsTheUnreviewedResumesOfEachJobWithBothKindsOfReview() throws Exception {
        try (TestStack stack = TestStack.start(Map.of("MODEL_CACHE_SECONDS", "0"))) {
            List<String> jobs = RealisticReviews.createJobs(stack);
            List<RealisticReviews.Uploaded> uploaded = RealisticReviews.upload(stack, jobs, 30, 3);
            List<RealisticReviews.Uploaded> reviewed = new ArrayList<>();
            Set<String> expectedUnreviewed = new HashSet<>();
            for (int i = 0; i < uploaded.size(); i++) {
                RealisticReviews.Uploaded result = uploaded.get(i);
                int job = i % jobs.size();
                boolean early = i < 20 * jobs.size();
                // the third job's reviewers shortlist and never reject: it has nothing to judge its unreviewed by
                if (early && (job < 2 || result.match())) {
                    reviewed.add(result);
                } else if (job < 2) {
                    expectedUnreviewed.add(id(result));
                }
            }
            RealisticReviews.review(stack, reviewed, 0.0, 3);

            HttpResponse<String> triggered =
                    stack.postJson("/api/v1/feedback/trigger-training", Map.of("force", true, "min_samples", 10));
            assertEquals(202, triggered.statusCode(), triggered.body());
            String runId = Json.read(triggered.body()).get("run_id").asText();
            stack.environment.trainingLauncher().awaitIdle(5, TimeUnit.MINUTES);
            JsonNode run = Json.read(stack.get("/api/v1/training/runs/" + runId).body());
            assertEquals("SUCCEEDED", run.get("state").asText(), run.toString());

            TrainingSet written = TrainingDataCsv.readSet(
                    new StringReader(text(stack, "training-data/" + runId + "/train.csv")), "train.csv");
            assertEquals(
                    ids(reviewed.stream()
                            .map(UnreviewedResumesIntegrationTest::id)
                            .toList()),
                    ids(written.reviewed().stream().map(TrainingSample::id).toList()));
            assertEquals(
                    expectedUnreviewed,
                    ids(written.unreviewed().stream().map(UnreviewedResume::id).toList()),
                    "the unreviewed results of the first two jobs, none of the third's");
            String log = text(stack, "logs/training/" + runId + ".log");
            assertTrue(log.contains(" and " + expectedUnreviewed.size() + " unreviewed resumes of their jobs"), log);
            assertTrue(
                    log.matches("(?s).*job feedback: [1-9]\\d* of " + expectedUnreviewed.size()
                            + " unreviewed resumes clear enough to join the prototypes.*"),
                    log);
        }
    }

    private static String id(RealisticReviews.Uploaded result) {
        return result.result().get("screening_result_id").asText();
    }

    private static Set<String> ids(List<String> ids) {
        Set<String> set = new HashSet<>(ids);
        assertEquals(ids.size(), set.size(), "no row twice");
        return set;
    }

    private static String text(TestStack stack, String key) {
        return new String(stack.environment.app().documents().get(key).orElseThrow(), StandardCharsets.UTF_8);
    }
}
