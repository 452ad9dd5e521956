package dev.resumescreening.local;

import dev.resumescreening.config.Contract;
import dev.resumescreening.json.Json;
import dev.resumescreening.model.CrossValidation;
import dev.resumescreening.trainer.TrainingBenchmark;
import dev.resumescreening.training.TrainingRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Training figures: time and peak resident memory of training 1,000 samples of 1024-dim embeddings for 50 epochs
 * (a fresh JVM that sees the training function's memory, as the training function runs), and the upload latency once
 * a trained model is live.
 */
final class TrainingBench {
    private static final int REVIEWS = 200;
    private static final String TRAINING_FUNCTION = "scheduled-training";

    private TrainingBench() {}

    /**
     * Runs the trainer's benchmark in a child JVM and returns its summary line. The JVM sizes its heap from the memory
     * it sees: in Lambda, the function's; here it would see the whole machine and grow its heap lazily to a quarter of
     * it, so its peak resident memory (1.0-1.7 GB from one run to the next on a 24 GB machine) would say more about the
     * machine than about training. It is told the function's memory instead.
     */
    static String trainingTimeAndMemory(Path localJar) throws Exception {
        int functionMemory = Contract.get().functionMemoryMb(TRAINING_FUNCTION);
        ProcessBuilder process = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:MaxRAM=" + functionMemory + "m",
                "-cp",
                localJar.toString(),
                TrainingBenchmark.class.getName(),
                "1000",
                "50");
        process.redirectErrorStream(true);
        Process child = process.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (child.waitFor() != 0) {
            throw new IllegalStateException("the training benchmark failed:\n" + output);
        }
        String time = value(output, "training_time_s=");
        String rss = value(output, "peak_rss=");
        String withFolds = value(output, "training_with_cross_validation_s=");
        return "training 1,000 samples x 1024 dims, 50 epochs (fresh JVM seeing the " + TRAINING_FUNCTION
                + " function's " + functionMemory + " MB): " + time + " s; with the gate's "
                + CrossValidation.FOLDS + "-fold cross-validation, as the training function runs: " + withFolds
                + " s; peak resident " + rss;
    }

    private static String value(String output, String key) {
        for (String line : output.split("\n")) {
            int at = line.indexOf(key);
            if (at >= 0) {
                String rest = line.substring(at + key.length());
                return rest.split(" (?=[a-z_]+=)|\\s\\(")[0].trim();
            }
        }
        throw new IllegalStateException("no " + key + " in the training benchmark's output:\n" + output);
    }

    /**
     * Reviews {@code jobId}'s first results (shortlisting the better-scored half), trains, makes the candidate live
     * whatever the gate says (only its serving cost is measured here), then times every file uploaded to
     * {@code measuredJobId} (a file's second upload to the same job would be a duplicate, not screened).
     */
    static String latencyWithTrainedModel(
            LocalEnvironment environment, LocalApi api, String jobId, String measuredJobId, List<Path> files)
            throws Exception {
        List<Map<String, Object>> results = new ArrayList<>();
        String next = null;
        do {
            String page = api.get("/api/v1/screening/results/" + jobId + "?limit=100"
                            + (next == null ? "" : "&next_token=" + next))
                    .body();
            var node = Json.read(page);
            node.get("results")
                    .forEach(r -> results.add(Map.of(
                            "id",
                            r.get("screening_result_id").asText(),
                            "score",
                            r.get("score").isNull() ? -1.0 : r.get("score").asDouble())));
            next = node.get("next_token").isNull()
                    ? null
                    : node.get("next_token").asText();
        } while (next != null && results.size() < REVIEWS);
        List<Map<String, Object>> scored = results.stream()
                .filter(r -> (double) r.get("score") >= 0)
                .limit(REVIEWS)
                .toList();
        List<Double> scores = new ArrayList<>(
                scored.stream().map(r -> (double) r.get("score")).toList());
        Collections.sort(scores);
        double median = scores.get(scores.size() / 2);
        for (Map<String, Object> result : scored) {
            api.review((String) result.get("id"), (double) result.get("score") >= median ? "shortlist" : "reject");
        }
        Map<String, Object> run = environment
                .scheduledTraining()
                .handle(new TrainingRequest(false, true, 10, null, TrainingRequest.DIRECT));
        Object candidate = run.get("candidate_version");
        if (candidate == null) {
            throw new IllegalStateException("training produced no model: " + Json.write(run));
        }
        // forced: the bench measures serving a trained model, whatever the gate thought of it
        environment
                .app()
                .modelRegistry()
                .activate(candidate.toString(), null, null, "bench", "latency measurement", true);
        // the upload path re-reads the live pointer once per MODEL_CACHE_SECONDS; wait for the change to arrive
        Thread.sleep((environment.settings().longValue("MODEL_CACHE_SECONDS") + 1) * 1000);
        List<Double> latencies = new ArrayList<>();
        for (Path file : files) {
            long start = System.nanoTime();
            HttpResponse<String> response = api.upload(measuredJobId, file);
            latencies.add((System.nanoTime() - start) / 1e6);
            Bench.requireScreened(response, file);
            if (!Json.read(response.body()).get("model_version").asText().equals(candidate.toString())
                    && !Json.read(response.body()).get("score").isNull()) {
                throw new IllegalStateException("upload not scored by the trained model: " + response.body());
            }
        }
        Collections.sort(latencies);
        return String.format(
                Locale.ROOT,
                "warm upload latency with trained model %s live: p50 %.1f ms, p99 %.1f ms",
                candidate,
                Bench.percentile(latencies, 50),
                Bench.percentile(latencies, 99));
    }
}
