package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.adapters.dynamodb.DynamoIndexKeyStore;
import dev.resumescreening.adapters.dynamodb.ResultItems;
import dev.resumescreening.domain.Decision;
import dev.resumescreening.domain.ScreeningResult;
import dev.resumescreening.json.Json;
import dev.resumescreening.maintenance.IndexKeyStore.Backfilled;
import dev.resumescreening.maintenance.IndexKeyStore.ScoredResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Results and training runs written before their index keys existed (stored here through the emulator's client,
 * as the older release wrote them) join the score sort and the runs list after the daily compliance run's backfill;
 * a second backfill changes nothing, and once recorded the daily run skips it.
 */
class IndexKeyBackfillIntegrationTest {
    private static TestStack stack;
    private static String jobId;

    @BeforeAll
    static void start() throws Exception {
        stack = TestStack.start(Map.of());
        jobId = stack.createJob("Backend Java Engineer", "Java 17, AWS Lambda, DynamoDB, REST APIs, Terraform, SQL");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void oldRecordsJoinTheScoreSortAndTheRunsListOnceAndOnlyOnce() throws Exception {
        String uploaded = upload();
        String high = storeOldResult(100.0);
        String low = storeOldResult(0.0);
        String unscored = storeOldResult(null);
        String oldRun = storeOldRun();
        Map<String, AttributeValue> highBefore = item("screening_results", "result_id", high);
        assertEquals(List.of(uploaded), resultsByScore());
        assertFalse(runIds().contains(oldRun));

        Map<String, Object> daily = stack.environment.compliance().scheduledRun();

        assertEquals(new Backfilled(2, 1), daily.get("index_keys_backfilled"), daily.toString());
        assertEquals(List.of(high, uploaded, low), resultsByScore());
        assertTrue(runIds().contains(oldRun));
        Map<String, AttributeValue> highAfter = new HashMap<>(item("screening_results", "result_id", high));
        assertTrue(highAfter.remove("score_key").s().endsWith("#" + high));
        assertEquals(highBefore, highAfter, "nothing but the key changes");
        assertFalse(item("screening_results", "result_id", unscored).containsKey("score_key"));

        assertEquals(
                new Backfilled(0, 0), stack.environment.app().indexKeyBackfill().backfill());

        String afterRecorded = storeOldResult(75.0);
        Map<String, Object> nextDay = stack.environment.compliance().scheduledRun();
        assertTrue(
                nextDay.containsKey("index_keys_backfilled") && nextDay.get("index_keys_backfilled") == null,
                nextDay.toString());
        assertFalse(item("screening_results", "result_id", afterRecorded).containsKey("score_key"));
    }

    @Test
    void aKeyIsNeverWrittenToARecordThatIsGone() {
        DynamoIndexKeyStore store = new DynamoIndexKeyStore(
                dynamo(), table("screening_results"), table("training_runs"), table("training_counters"));
        String gone = UUID.randomUUID().toString();
        assertFalse(store.addScoreKey(new ScoredResult(gone, 60.0)));
        assertFalse(store.addRunPartition(gone));
        assertTrue(item("screening_results", "result_id", gone).isEmpty());
        assertTrue(item("training_runs", "run_id", gone).isEmpty());
    }

    private static String upload() throws Exception {
        // a partial match: scored strictly between the old results' 0 and 100
        String text = "Barista; some Java and SQL at evening classes.\nReference " + UUID.randomUUID();
        var response = stack.postJson(
                "/api/v1/screening/upload-resume",
                Map.of(
                        "job_id",
                        jobId,
                        "candidate_name",
                        "New Candidate",
                        "file_name",
                        "cv.txt",
                        "content_base64",
                        Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))));
        assertEquals(201, response.statusCode(), response.body());
        return Json.read(response.body()).get("screening_result_id").asText();
    }

    /** A result as the release before the score sort stored it: without score_key. */
    private static String storeOldResult(Double score) {
        String id = UUID.randomUUID().toString();
        ScreeningResult result = new ScreeningResult(
                id,
                jobId,
                "Old Candidate",
                score,
                score == null || score < 50 ? Decision.REJECT : Decision.SHORTLIST,
                score == null ? null : 0.7,
                score == null ? null : "0",
                "2025-01-01T00:00:00.000Z",
                new ScreeningResult.Document(
                        "cv.txt",
                        "text/plain",
                        "resumes/" + jobId + "/" + id + ".txt",
                        "text/" + jobId + "/" + id + ".txt",
                        true,
                        1,
                        1,
                        100),
                null);
        Map<String, AttributeValue> item = new HashMap<>(ResultItems.toItem(result, 50, null));
        item.remove("score_key");
        dynamo().putItem(b -> b.tableName(table("screening_results")).item(item));
        return id;
    }

    /** A training run as the release before the runs list stored it: without run_partition. */
    private static String storeOldRun() {
        String id = "run-" + UUID.randomUUID();
        dynamo().putItem(b -> b.tableName(table("training_runs"))
                .item(Map.of(
                        "run_id", AttributeValue.fromS(id),
                        "state", AttributeValue.fromS("SKIPPED"),
                        "reason", AttributeValue.fromS("not enough new reviews"),
                        "trigger", AttributeValue.fromS("schedule"),
                        "created_at", AttributeValue.fromS("2025-01-01T00:00:00.000Z"),
                        "sample_count", AttributeValue.fromN("0"),
                        "metrics", AttributeValue.fromS("{}"))));
        return id;
    }

    private static List<String> resultsByScore() throws Exception {
        var response = stack.get("/api/v1/screening/results/" + jobId + "?sort=score&limit=50");
        assertEquals(200, response.statusCode(), response.body());
        List<String> ids = new ArrayList<>();
        Json.read(response.body())
                .get("results")
                .forEach(r -> ids.add(r.get("screening_result_id").asText()));
        return ids;
    }

    private static List<String> runIds() throws Exception {
        var response = stack.get("/api/v1/training/runs?limit=50");
        assertEquals(200, response.statusCode(), response.body());
        List<String> ids = new ArrayList<>();
        for (JsonNode run : Json.read(response.body()).get("runs")) {
            ids.add(run.get("run_id").asText());
        }
        return ids;
    }

    private static Map<String, AttributeValue> item(String table, String keyName, String key) {
        return dynamo().getItem(b ->
                        b.tableName(table(table)).consistentRead(true).key(Map.of(keyName, AttributeValue.fromS(key))))
                .item();
    }

    private static DynamoDbClient dynamo() {
        return stack.environment.app().dynamoDb();
    }

    private static String table(String name) {
        return stack.environment.settings().tableName(name);
    }
}
