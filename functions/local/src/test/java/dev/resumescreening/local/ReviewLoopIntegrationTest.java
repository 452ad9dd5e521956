package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.export.ExportFilter;
import dev.resumescreening.export.TrainingDataExporter;
import dev.resumescreening.json.Json;
import dev.resumescreening.review.ReviewQueue;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Feedback, exact counters, training status, the review queue and the export, through the real handlers. */
class ReviewLoopIntegrationTest {
    private TestStack stack;
    private String jobId;

    @BeforeEach
    void start() throws Exception {
        stack = TestStack.start(Map.of("TRAINING_THRESHOLD", "10"));
        jobId = stack.createJob("Backend Java Engineer", "Java 17, AWS Lambda, DynamoDB, REST APIs, Terraform, SQL");
    }

    @AfterEach
    void stop() {
        stack.close();
    }

    private List<String> upload(int count) throws Exception {
        List<String> ids = new ArrayList<>();
        String[] texts = {
            "Java engineer with AWS Lambda and DynamoDB",
            "Barista and shift lead, latte art",
            "Accountant: ledger, audits",
            "Java, Spring, REST APIs and SQL developer",
            "Retail cashier"
        };
        for (int i = 0; i < count; i++) {
            HttpResponse<String> response = stack.uploadFile(
                    jobId, "cv" + i + ".txt", (texts[i % texts.length] + " " + i).getBytes(StandardCharsets.UTF_8));
            assertEquals(201, response.statusCode(), response.body());
            ids.add(Json.read(response.body()).get("screening_result_id").asText());
        }
        return ids;
    }

    private HttpResponse<String> review(String id, String decision, String notes) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("screening_result_id", id);
        body.put("human_decision", decision);
        body.put("notes", notes);
        return stack.postJson("/api/v1/feedback/submit", body);
    }

    private JsonNode jobQueue(int limit) throws Exception {
        return Json.read(stack.get("/api/v1/feedback/review-queue?job_id=" + jobId + "&limit=" + limit)
                .body());
    }

    private JsonNode status() throws Exception {
        return Json.read(stack.get("/api/v1/feedback/training-status").body());
    }

    /** The counters must always equal a recount of the results table. */
    private void assertCountersMatchRecount() throws Exception {
        long total = 0;
        long positive = 0;
        long retrain = 0;
        for (Map<String, AttributeValue> item : stack.environment
                .app()
                .dynamoDb()
                .scanPaginator(b -> b.tableName(stack.environment.settings().tableName("screening_results")))
                .items()) {
            if (Boolean.TRUE.equals(item.get("human_reviewed").bool())) {
                total++;
                positive += "SHORTLIST".equals(item.get("human_decision").s()) ? 1 : 0;
                retrain += Boolean.TRUE.equals(item.get("needs_retraining").bool()) ? 1 : 0;
            }
        }
        JsonNode status = status();
        assertEquals(total, status.get("total_samples").asLong());
        assertEquals(positive, status.get("positive_samples").asLong());
        assertEquals(total - positive, status.get("negative_samples").asLong());
        assertEquals(retrain, status.get("needs_retraining").asLong());
    }

    @Test
    void aReviewMarksTheResultAndMovesTheCounters() throws Exception {
        String id = upload(1).get(0);
        JsonNode before = Json.read(stack.get("/api/v1/screening/result/" + id).body());
        String aiDecision = before.get("decision").asText();
        String disagree = aiDecision.equals("SHORTLIST") ? "reject" : "shortlist";

        HttpResponse<String> response = review(id, disagree, "Missing the key skill");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode result = Json.read(stack.get("/api/v1/screening/result/" + id).body());
        assertTrue(result.get("human_reviewed").asBoolean());
        assertEquals(disagree, result.get("human_decision").asText());
        assertEquals("anonymous", result.get("reviewed_by").asText());
        assertEquals("Missing the key skill", result.get("notes").asText());
        assertTrue(result.get("needs_retraining").asBoolean());
        Instant reviewedAt = Instant.parse(result.get("reviewed_at").asText());
        assertTrue(Duration.between(reviewedAt, Instant.now()).abs().toMinutes() < 5, "reviewed_at " + reviewedAt);

        JsonNode status = status();
        assertEquals(1, status.get("total_samples").asLong());
        assertEquals(1, status.get("needs_retraining").asLong());
        assertEquals(1, status.get("new_samples_since_last_training").asLong());
        assertFalse(status.get("ready_for_training").asBoolean());
        assertEquals(9, status.get("samples_needed").asLong());
        assertEquals(10, status.get("threshold").asLong());
        assertEquals("0", status.get("active_model_version").asText());
        assertFalse(status.get("class_balance_warning").isNull());
    }

    @Test
    void reReviewsMoveTheSampleAndRepeatsChangeNothing() throws Exception {
        String id = upload(1).get(0);
        review(id, "shortlist", "");
        review(id, "shortlist", "");
        assertEquals(1, status().get("positive_samples").asLong());
        review(id, "reject", "changed my mind");
        JsonNode status = status();
        assertEquals(1, status.get("total_samples").asLong());
        assertEquals(0, status.get("positive_samples").asLong());
        assertEquals(1, status.get("negative_samples").asLong());
        assertEquals(
                2,
                stack.environment
                        .app()
                        .dynamoDb()
                        .query(b -> b.tableName(stack.environment.settings().tableName("review_history"))
                                .keyConditionExpression("result_id = :id")
                                .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(id))))
                        .count(),
                "two distinct reviews are in the history, the repeat is not");
        assertCountersMatchRecount();
    }

    @Test
    void refusesBadFeedback() throws Exception {
        String id = upload(1).get(0);
        HttpResponse<String> unknown = review("no-such-result", "shortlist", "");
        assertEquals(404, unknown.statusCode());
        assertEquals(
                "screening_result_not_found",
                Json.read(unknown.body()).get("error").get("code").asText());
        HttpResponse<String> invalid = review(id, "maybe", "");
        assertEquals(400, invalid.statusCode());
        assertTrue(
                Json.read(invalid.body()).get("error").get("message").asText().contains("shortlist, reject"));
        assertEquals(
                400,
                stack.post("/api/v1/feedback/submit", "application/json", new byte[0])
                        .statusCode());
        assertEquals(400, review(id, "reject", "x".repeat(2001)).statusCode());
        assertEquals(
                400,
                stack.postJson("/api/v1/feedback/submit", Map.of("human_decision", "reject"))
                        .statusCode());
        assertEquals(0, status().get("total_samples").asLong());
    }

    @Test
    void countersStayExactUnderConcurrentReviews() throws Exception {
        List<String> ids = upload(51);
        String contested = ids.remove(50);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> work = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                String decision = i % 3 == 0 ? "reject" : "shortlist";
                work.add(() -> review(id, decision, "").statusCode());
            }
            for (int i = 0; i < 20; i++) {
                String decision = i % 2 == 0 ? "reject" : "shortlist";
                String notes = "reviewer " + i;
                work.add(() -> review(contested, decision, notes).statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(work)) {
                assertEquals(200, status.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(51, status().get("total_samples").asLong());
        assertCountersMatchRecount();
    }

    @Test
    void everyFifthReviewOfAJobStartsWithAPickFromTheWholeRangeOfScores() throws Exception {
        List<String> ids = upload(12);
        for (int reviewed = 0; reviewed < 4; reviewed++) {
            JsonNode first = jobQueue(1).get("results").get(0);
            assertEquals("most_uncertain", first.get("pick").asText(), first.toString());
            review(first.get("screening_result_id").asText(), "reject", "");
        }
        JsonNode queue = jobQueue(10);
        JsonNode pick = queue.get("results").get(0);
        JsonNode one = jobQueue(1);
        assertEquals(
                pick.get("screening_result_id").asText(),
                one.get("results").get(0).get("screening_result_id").asText(),
                one.toString());
        assertEquals("exploration", pick.get("pick").asText(), queue.toString());
        double nearest =
                queue.get("results").get(1).get("distance_from_threshold").asDouble();
        assertTrue(pick.get("distance_from_threshold").asDouble() >= nearest, queue.toString());
        assertTrue(pick.get("distance_from_threshold").asDouble() >= ReviewQueue.explorationStart(4));
        assertEquals(8, queue.get("count").asInt());
        for (JsonNode entry : queue.get("results")) {
            assertTrue(ids.contains(entry.get("screening_result_id").asText()));
        }
        review(pick.get("screening_result_id").asText(), "reject", "");
        JsonNode after = jobQueue(1);
        assertNotEquals("exploration", after.get("results").get(0).get("pick").asText(), after.toString());
    }

    @Test
    void whileReviewsLackAClassEveryOtherReviewStartsWithAResultDecidedAsThatClass() throws Exception {
        List<String> ids = upload(30);
        for (int reviewed = 0; reviewed < 10; reviewed++) {
            JsonNode first = jobQueue(1).get("results").get(0);
            assertNotEquals("missing_class", first.get("pick").asText(), first.toString());
            review(first.get("screening_result_id").asText(), "reject", "");
        }
        assertTrue(status().get("class_balance_warning").asText().contains("review more shortlist"));
        JsonNode queue = jobQueue(30);
        JsonNode pick = queue.get("results").get(0);
        assertEquals("missing_class", pick.get("pick").asText(), pick.toString());
        assertEquals("SHORTLIST", pick.get("decision").asText(), pick.toString());
        assertEquals("REJECT", queue.get("results").get(1).get("decision").asText(), "the most uncertain comes next");
        double from = ReviewQueue.missingClassStart(10);
        assertTrue(pick.get("distance_from_threshold").asDouble() >= from, pick.toString());
        for (JsonNode entry : queue.get("results")) {
            double distance = entry.get("distance_from_threshold").asDouble();
            if (entry.get("decision").asText().equals("SHORTLIST") && distance >= from) {
                assertTrue(distance >= pick.get("distance_from_threshold").asDouble(), entry.toString());
            }
        }
        assertTrue(ids.contains(pick.get("screening_result_id").asText()));
        review(pick.get("screening_result_id").asText(), "reject", "");
        JsonNode odd = jobQueue(1);
        assertEquals("most_uncertain", odd.get("results").get(0).get("pick").asText(), odd.toString());
    }

    @Test
    void theQueueAsksAboutTheMostUncertainFirst() throws Exception {
        List<String> ids = upload(6);
        review(ids.get(0), "shortlist", "");
        JsonNode queue = jobQueue(10);
        assertEquals(5, queue.get("count").asInt());
        double previous = -1;
        for (JsonNode entry : queue.get("results")) {
            double distance = entry.get("distance_from_threshold").asDouble();
            assertEquals(Math.abs(entry.get("score").asDouble() - 50), distance, 1e-3);
            assertTrue(distance >= previous);
            previous = distance;
            assertFalse(entry.get("screening_result_id").asText().equals(ids.get(0)));
        }
        assertEquals(
                2,
                Json.read(stack.get("/api/v1/feedback/review-queue?limit=2").body())
                        .get("count")
                        .asInt());
        assertEquals(400, stack.get("/api/v1/feedback/review-queue?limit=abc").statusCode());
        HttpResponse<String> unknownJob = stack.get("/api/v1/feedback/review-queue?job_id=nope");
        assertEquals(404, unknownJob.statusCode(), unknownJob.body());
        assertEquals(
                "job_not_found", Json.read(unknownJob.body()).at("/error/code").asText());
    }

    @Test
    void exportsReviewedSamplesAsCsvWithFilters() throws Exception {
        List<String> ids = upload(4);
        Set<String> agreedIds = new HashSet<>();
        Set<String> correctedIds = new HashSet<>();
        Map<String, Double> confidence = new HashMap<>();
        for (String id : ids) {
            JsonNode result =
                    Json.read(stack.get("/api/v1/screening/result/" + id).body());
            String ai = result.get("decision").asText().toLowerCase();
            confidence.put(id, result.get("confidence").asDouble());
            // two confirm the AI, two correct it: both filters have rows to keep and rows to drop
            boolean agree = ids.indexOf(id) < 2;
            review(id, agree ? ai : ai.equals("shortlist") ? "reject" : "shortlist", "");
            (agree ? agreedIds : correctedIds).add(id);
        }
        List<CSVRecord> all = export(ExportFilter.ALL);
        assertEquals(new HashSet<>(ids), ids(all));
        CSVRecord first = all.get(0);
        assertEquals(jobId, first.get("job_id"));
        assertTrue(first.get("job_description").contains("AWS Lambda"));
        assertFalse(first.get("resume_text").isBlank());
        for (CSVRecord row : all) {
            String expected = correctedIds.contains(row.get("result_id"))
                            != row.get("ai_decision").equalsIgnoreCase("shortlist")
                    ? "1"
                    : "0";
            assertEquals(expected, row.get("label"), row.toString());
        }
        assertEquals(correctedIds, ids(export(ExportFilter.of(null, null, "corrected"))));
        assertEquals(agreedIds, ids(export(ExportFilter.of(null, 7, "agreed"))));
        // a confidence floor between the lowest and the highest keeps exactly the results at or above it
        double floor = confidence.values().stream().sorted().toList().get(2);
        Set<String> confident = new HashSet<>();
        confidence.forEach((id, c) -> {
            if (c >= floor) {
                confident.add(id);
            }
        });
        assertTrue(confident.size() < ids.size()
                || confidence.values().stream().distinct().count() == 1);
        assertEquals(confident, ids(export(ExportFilter.of(floor, null, null))));
    }

    private static Set<String> ids(List<CSVRecord> rows) {
        Set<String> ids = new HashSet<>();
        rows.forEach(r -> assertTrue(ids.add(r.get("result_id")), "exported twice: " + r.get("result_id")));
        return ids;
    }

    @Test
    void streamsTheExportIntoTheBucket() throws Exception {
        for (String id : upload(3)) {
            review(id, "reject", "");
        }
        TrainingDataExporter.ExportedFile file =
                stack.environment.app().exporter().exportToBucket(ExportFilter.ALL);
        assertEquals(3, file.rows());
        assertTrue(file.key().startsWith("exports/"), file.key());
        String csv = stack.environment
                .app()
                .s3()
                .getObjectAsBytes(
                        b -> b.bucket(stack.environment.settings().bucket()).key(file.key()))
                .asUtf8String();
        List<CSVRecord> rows = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
        assertEquals(3, rows.size());
        assertEquals("0", rows.get(0).get("label"));
    }

    private List<CSVRecord> export(ExportFilter filter) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        stack.environment.app().exporter().export(filter, out);
        return CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(out.toString(StandardCharsets.UTF_8)))
                .getRecords();
    }
}
