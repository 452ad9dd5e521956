package dev.resumescreening.local;

import dev.resumescreening.adapters.dynamodb.DynamoJobRepository;
import dev.resumescreening.domain.Decision;
import dev.resumescreening.domain.Job;
import dev.resumescreening.domain.ScreeningResult;
import dev.resumescreening.embedding.TermVector;
import dev.resumescreening.model.TrainingSample;
import dev.resumescreening.ports.JobRepository.StoredJob;
import dev.resumescreening.trainer.SyntheticPairs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reviewed results for training tests, stored through the real repositories and reviewed through the real review
 * service (so the counters move as in production). The pairs are separable, but with the labels of the cosine
 * flipped: the similarity model ranks them backwards and any trained model beats it, so the gate's outcome is known.
 */
final class ReviewedPairs {
    private ReviewedPairs() {}

    static void store(TestStack stack, int count, long seed) {
        var app = stack.environment.app();
        var settings = stack.environment.settings();
        var jobs = new DynamoJobRepository(app.dynamoDb(), settings.tableName("jobs"));
        var results = app.results();
        List<TrainingSample> pairs = SyntheticPairs.separable(count, 256, 0.5, seed);
        Map<TermVector, String> jobIds = new HashMap<>();
        for (TrainingSample pair : pairs) {
            String jobId = jobIds.computeIfAbsent(pair.job(), vector -> {
                String id = "job-" + UUID.randomUUID();
                jobs.create(new StoredJob(
                        new Job(id, "Synthetic job", "synthetic", 50, "2026-11-26T00:00:00.000Z", true), vector));
                return id;
            });
            String resultId = UUID.randomUUID().toString();
            ScreeningResult result = new ScreeningResult(
                    resultId,
                    jobId,
                    "",
                    40.0,
                    Decision.REJECT,
                    0.6,
                    "0",
                    "2026-11-26T00:00:00.000Z",
                    new ScreeningResult.Document(
                            "r.txt",
                            "text/plain",
                            "resumes/" + jobId + "/" + resultId + ".txt",
                            "text/" + jobId + "/" + resultId + ".txt",
                            true,
                            1,
                            1,
                            10),
                    null);
            results.create(result, 50, pair.resume());
            app.reviews().submit(resultId, pair.label() == 1 ? "reject" : "shortlist", "synthetic", "tester");
        }
    }
}
