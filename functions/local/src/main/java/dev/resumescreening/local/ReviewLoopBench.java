package dev.resumescreening.local;

import dev.resumescreening.adapters.dynamodb.DynamoReviewStore;
import dev.resumescreening.adapters.dynamodb.ResultItems;
import dev.resumescreening.config.Contract;
import dev.resumescreening.domain.Decision;
import dev.resumescreening.domain.ScreeningResult;
import dev.resumescreening.domain.ScreeningResult.Document;
import dev.resumescreening.screening.Timestamps;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Review-loop figures: training-status latency at 10 and 10,000 reviewed results (it must not grow with the table),
 * and the export's throughput and peak heap at 100,000 reviewed results, measured in a child JVM capped at 256 MB.
 */
final class ReviewLoopBench {
    private static final int STATUS_SAMPLES = 300;
    private static final String STATUS = "/api/v1/feedback/training-status";
    private static final String RESUME = "Experienced professional. Skills: Java, SQL, accounting, recruiting, "
            + "customer service, project management, AWS, Excel. ".repeat(12);

    private final LocalEnvironment environment;
    private final LocalApi api;
    private final String jobId;
    private int seeded;

    ReviewLoopBench(LocalEnvironment environment, LocalApi api, String jobId) {
        this.environment = environment;
        this.api = api;
        this.jobId = jobId;
    }

    List<String> run(Path dataDir, Path localJar) throws Exception {
        List<String> lines = new ArrayList<>();
        seedReviewed(10);
        double small = statusLatencyP50();
        seedReviewed(10_000);
        double large = statusLatencyP50();
        lines.add(String.format(
                Locale.ROOT,
                "training-status latency p50: %.2f ms at 10 reviewed, %.2f ms at 10,000 reviewed (ratio %.2f)",
                small,
                large,
                large / small));
        seedReviewed(100_000);
        lines.add(exportInChildJvm(dataDir, localJar));
        return lines;
    }

    /** Brings the reviewed count up to {@code target}, writing results, their texts and the counters directly. */
    private void seedReviewed(int target) throws Exception {
        DynamoDbClient dynamo = environment.app().dynamoDb();
        S3Client s3 = environment.app().s3();
        String table = environment.settings().tableName("screening_results");
        ExecutorService writers = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> batches = new ArrayList<>();
            for (int start = seeded; start < target; start += 25) {
                int from = start;
                int to = Math.min(target, start + 25);
                batches.add(writers.submit(() -> writeBatch(dynamo, s3, table, from, to)));
            }
            for (Future<?> batch : batches) {
                batch.get();
            }
        } finally {
            writers.shutdownNow();
        }
        int added = target - seeded;
        int positive = added / 2;
        dynamo.updateItem(b -> b.tableName(environment.settings().tableName("training_counters"))
                .key(Map.of("counter_id", AttributeValue.fromS(DynamoReviewStore.COUNTER_ID)))
                .updateExpression("ADD total_samples :t, positive_samples :p, negative_samples :n, "
                        + "new_samples_since_last_training :t")
                .expressionAttributeValues(Map.of(
                        ":t",
                        AttributeValue.fromN(String.valueOf(added)),
                        ":p",
                        AttributeValue.fromN(String.valueOf(positive)),
                        ":n",
                        AttributeValue.fromN(String.valueOf(added - positive)))));
        seeded = target;
    }

    private void writeBatch(DynamoDbClient dynamo, S3Client s3, String table, int from, int to) {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String id = String.format(Locale.ROOT, "bench-%07d", i);
            String textKey = Contract.get().prefix("text") + jobId + "/" + id + ".txt";
            s3.putObject(
                    b -> b.bucket(environment.settings().bucket()).key(textKey),
                    RequestBody.fromString(RESUME + i, StandardCharsets.UTF_8));
            double score = (i * 37) % 100;
            Decision human = i % 2 == 0 ? Decision.SHORTLIST : Decision.REJECT;
            ScreeningResult result = new ScreeningResult(
                    id,
                    jobId,
                    "Bench " + i,
                    score,
                    Decision.forScore(score, 50),
                    0.5 + Math.abs(score - 50) / 100,
                    "0",
                    Timestamps.format(Instant.now()),
                    new Document("cv.txt", "text/plain", textKey, textKey, true, 1, 1, RESUME.length()),
                    new ScreeningResult.Review(
                            human,
                            "bench",
                            Timestamps.format(Instant.now()),
                            "",
                            human != Decision.forScore(score, 50)));
            Map<String, AttributeValue> item = new HashMap<>(ResultItems.toItem(result, 50, null));
            item.remove("queue_partition");
            item.remove("queue_job_id");
            item.remove("uncertainty_key");
            item.put("human_reviewed", AttributeValue.fromBool(true));
            item.put("human_decision", AttributeValue.fromS(human.name()));
            item.put("reviewer", AttributeValue.fromS("bench"));
            item.put("reviewed_at", AttributeValue.fromS(result.review().reviewedAt()));
            item.put("notes", AttributeValue.fromS(""));
            item.put("needs_retraining", AttributeValue.fromBool(result.review().needsRetraining()));
            item.put("reviewed_partition", AttributeValue.fromS(ResultItems.REVIEWED));
            item.put("review_version", AttributeValue.fromN("1"));
            writes.add(WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(item).build())
                    .build());
        }
        Map<String, List<WriteRequest>> pending = Map.of(table, writes);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            pending = dynamo.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
        }
    }

    private double statusLatencyP50() throws Exception {
        for (int i = 0; i < 50; i++) {
            api.get(STATUS);
        }
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < STATUS_SAMPLES; i++) {
            long start = System.nanoTime();
            api.get(STATUS);
            latencies.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(latencies);
        return Bench.percentile(latencies, 50);
    }

    /** The real export command in a fresh JVM with a 256 MB heap, attached to this stack's emulators. */
    private String exportInChildJvm(Path dataDir, Path localJar) throws Exception {
        Path output = Files.createTempFile("bench-export", ".csv");
        ProcessBuilder process = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                localJar.toString(),
                "export",
                "--output",
                output.toString(),
                "--data-dir",
                dataDir.toString());
        process.environment().putAll(Bench.tableVariables(environment));
        process.redirectErrorStream(true);
        Process child = process.start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (child.waitFor() != 0) {
            throw new IllegalStateException("export failed:\n" + out);
        }
        Files.deleteIfExists(output);
        return "export of 100,000 reviewed results (child JVM, -Xmx256m): " + out.substring(out.lastIndexOf('\n') + 1);
    }
}
