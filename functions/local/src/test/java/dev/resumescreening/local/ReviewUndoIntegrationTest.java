package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.json.Json;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * POST /api/v1/feedback/undo through the real handlers: the result and every counter a review moved go back to how
 * they were before it, the history keeps both, and stale, repeated or foreign undos are refused.
 */
class ReviewUndoIntegrationTest {
    private static final String SUBMIT = "POST /api/v1/feedback/submit";
    private static final String UNDO = "POST /api/v1/feedback/undo";

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

    private String upload(String text) throws Exception {
        HttpResponse<String> response = stack.uploadFile(jobId, "cv.txt", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, response.statusCode(), response.body());
        return Json.read(response.body()).get("screening_result_id").asText();
    }

    private JsonNode review(String id, String decision) throws Exception {
        HttpResponse<String> response = stack.postJson(
                "/api/v1/feedback/submit",
                Map.of("screening_result_id", id, "human_decision", decision, "notes", "checked the skills"));
        assertEquals(200, response.statusCode(), response.body());
        return Json.read(response.body()).get("result");
    }

    private HttpResponse<String> undo(String id, long reviewVersion) throws Exception {
        return stack.postJson(
                "/api/v1/feedback/undo", Map.of("screening_result_id", id, "review_version", reviewVersion));
    }

    private static String errorCode(String body) throws Exception {
        return Json.read(body).at("/error/code").asText();
    }

    /** The feedback function as a signed-in caller calls it (the local server signs everyone in as an admin). */
    private APIGatewayV2HTTPResponse asCaller(String routeKey, Map<String, Object> body, String user, String groups) {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withRouteKey(routeKey)
                .withRawPath(routeKey.substring(routeKey.indexOf(' ') + 1))
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(Json.write(body))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                                        .builder()
                                        .withClaims(Map.of("cognito:username", user, "cognito:groups", groups))
                                        .build())
                                .build())
                        .build())
                .build();
        return stack.environment.function("feedback").handleRequest(event, null);
    }

    private Map<String, AttributeValue> resultItem(String id) {
        Map<String, AttributeValue> item = new HashMap<>(stack.environment
                .app()
                .dynamoDb()
                .getItem(b -> b.tableName(stack.environment.settings().tableName("screening_results"))
                        .key(Map.of("result_id", AttributeValue.fromS(id)))
                        .consistentRead(true))
                .item());
        item.remove("review_version");
        return item;
    }

    /**
     * Every counters item (training, agreement by model version, each job's) by its non-zero numbers: a counter
     * that a review created and its undo moved back to zero counts as the counter that was not there before.
     */
    private Map<String, Map<String, String>> counters() {
        Map<String, Map<String, String>> items = new TreeMap<>();
        stack.environment
                .app()
                .dynamoDb()
                .scanPaginator(b -> b.tableName(stack.environment.settings().tableName("training_counters")))
                .items()
                .forEach(item -> {
                    Map<String, String> numbers = new TreeMap<>();
                    item.forEach((name, value) -> {
                        if (value.n() != null && !value.n().equals("0")) {
                            numbers.put(name, value.n());
                        }
                    });
                    if (!numbers.isEmpty()) {
                        items.put(item.get("counter_id").s(), numbers);
                    }
                });
        return items;
    }

    private List<Map<String, AttributeValue>> history(String id) {
        return stack.environment
                .app()
                .dynamoDb()
                .query(b -> b.tableName(stack.environment.settings().tableName("review_history"))
                        .keyConditionExpression("result_id = :id")
                        .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(id))))
                .items();
    }

    private JsonNode jobCounts() throws Exception {
        for (JsonNode job :
                Json.read(stack.get("/api/v1/jobs?limit=100").body()).get("jobs")) {
            if (job.get("job_id").asText().equals(jobId)) {
                return job.get("counts");
            }
        }
        throw new AssertionError("job " + jobId + " not listed");
    }

    private boolean queued(String id) throws Exception {
        for (JsonNode entry : Json.read(stack.get("/api/v1/feedback/review-queue?job_id=" + jobId + "&limit=50")
                        .body())
                .get("results")) {
            if (entry.get("screening_result_id").asText().equals(id)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void undoingAReviewRestoresTheResultAndEveryCounterItMoved() throws Exception {
        String kept = upload("Java engineer with AWS Lambda and DynamoDB");
        review(kept, "shortlist");
        String id = upload("Barista and shift lead, latte art");
        Map<String, AttributeValue> resultBefore = resultItem(id);
        Map<String, Map<String, String>> countersBefore = counters();
        JsonNode jobBefore = jobCounts();
        JsonNode statusBefore =
                Json.read(stack.get("/api/v1/feedback/training-status").body());
        assertTrue(queued(id));

        JsonNode reviewed = review(id, "shortlist");
        assertEquals(1, reviewed.get("review_version").asLong());
        assertNotEquals(countersBefore, counters(), "the review moved the counters");
        assertNotEquals(jobBefore, jobCounts());
        assertFalse(queued(id));

        HttpResponse<String> undone = undo(id, 1);
        assertEquals(200, undone.statusCode(), undone.body());
        JsonNode answer = Json.read(undone.body()).get("result");
        assertFalse(answer.get("human_reviewed").asBoolean(), answer.toString());
        assertEquals(2, answer.get("review_version").asLong());

        assertEquals(resultBefore, resultItem(id), "the result is as the upload left it, back in the review queue");
        assertEquals(countersBefore, counters(), "training, agreement and job counters are as before the review");
        assertEquals(jobBefore, jobCounts());
        assertEquals(
                statusBefore,
                Json.read(stack.get("/api/v1/feedback/training-status").body()));
        assertTrue(queued(id));
        JsonNode shown = Json.read(stack.get("/api/v1/screening/result/" + id).body());
        assertFalse(shown.get("human_reviewed").asBoolean());
        assertTrue(
                shown.get("human_decision").isNull()
                        && shown.get("reviewed_by").isNull()
                        && shown.get("reviewed_at").isNull()
                        && shown.get("notes").isNull(),
                shown.toString());
        assertEquals(2, shown.get("review_version").asLong());

        List<String> actions = new ArrayList<>();
        history(id).forEach(entry -> actions.add(entry.get("action").s()));
        assertEquals(List.of("review", "review_undo"), actions, "the history keeps the review and its undo");
        StringWriter audit = new StringWriter();
        stack.environment.app().auditExporter().export(null, null, audit);
        JsonNode undoLine = audit.toString()
                .lines()
                .map(line -> {
                    try {
                        return Json.read(line);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(line -> line.get("type").asText().equals("review_undo"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no review_undo in the audit export: " + audit));
        assertEquals(id, undoLine.get("result_id").asText());
        assertEquals("shortlist", undoLine.get("before").asText());
        assertTrue(undoLine.get("after").isNull(), undoLine.toString());

        JsonNode again = review(id, "reject");
        assertEquals(3, again.get("review_version").asLong(), "a review after the undo builds on its version");
        assertEquals(
                2,
                Json.read(stack.get("/api/v1/feedback/training-status").body())
                        .get("total_samples")
                        .asLong());
    }

    @Test
    void undoingARelabelledResultTakesOutItsWholeReview() throws Exception {
        String id = upload("Java, Spring, REST APIs and SQL developer");
        Map<String, Map<String, String>> countersBefore = counters();
        review(id, "shortlist");
        assertEquals(2, review(id, "reject").get("review_version").asLong());

        HttpResponse<String> stale = undo(id, 1);
        assertEquals(409, stale.statusCode(), stale.body());
        assertEquals("review_changed", errorCode(stale.body()));

        assertEquals(200, undo(id, 2).statusCode());
        assertEquals(countersBefore, counters());

        HttpResponse<String> second = undo(id, 2);
        assertEquals(409, second.statusCode(), second.body());
        assertEquals("not_reviewed", errorCode(second.body()));
        HttpResponse<String> stillStale = undo(id, 3);
        assertEquals(409, stillStale.statusCode());
        assertEquals("not_reviewed", errorCode(stillStale.body()));
        assertEquals(countersBefore, counters(), "refused undos change nothing");
    }

    @Test
    void refusesUndosOfNothingAndBadRequests() throws Exception {
        String id = upload("Accountant: ledger, audits");
        HttpResponse<String> never = undo(id, 1);
        assertEquals(409, never.statusCode(), never.body());
        assertEquals("not_reviewed", errorCode(never.body()));
        HttpResponse<String> unknown = undo("no-such-result", 1);
        assertEquals(404, unknown.statusCode());
        assertEquals("screening_result_not_found", errorCode(unknown.body()));
        review(id, "reject");
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("screening_result_id", id),
                Map.of("screening_result_id", id, "review_version", 0),
                Map.of("screening_result_id", id, "review_version", 1.5),
                Map.of("screening_result_id", id, "review_version", "1"),
                Map.of("review_version", 1))) {
            HttpResponse<String> response = stack.postJson("/api/v1/feedback/undo", bad);
            assertEquals(400, response.statusCode(), bad + " " + response.body());
        }
        assertTrue(Json.read(stack.get("/api/v1/screening/result/" + id).body())
                .get("human_reviewed")
                .asBoolean());
    }

    @Test
    void onlyTheReviewerWhoMadeTheReviewOrAnAdminMayUndoIt() throws Exception {
        String id = upload("Java engineer with AWS Lambda and DynamoDB");
        Map<String, Map<String, String>> countersBefore = counters();
        APIGatewayV2HTTPResponse reviewed = asCaller(
                SUBMIT, Map.of("screening_result_id", id, "human_decision", "shortlist"), "rita", "[reviewer]");
        assertEquals(200, reviewed.getStatusCode(), reviewed.getBody());
        assertEquals(
                "rita", Json.read(reviewed.getBody()).at("/result/reviewed_by").asText());

        APIGatewayV2HTTPResponse foreign =
                asCaller(UNDO, Map.of("screening_result_id", id, "review_version", 1), "sam", "[reviewer]");
        assertEquals(403, foreign.getStatusCode(), foreign.getBody());
        assertEquals("undo_forbidden", errorCode(foreign.getBody()));
        assertTrue(Json.read(stack.get("/api/v1/screening/result/" + id).body())
                .get("human_reviewed")
                .asBoolean());

        APIGatewayV2HTTPResponse own =
                asCaller(UNDO, Map.of("screening_result_id", id, "review_version", 1), "rita", "[reviewer]");
        assertEquals(200, own.getStatusCode(), own.getBody());
        assertEquals(countersBefore, counters());

        assertEquals(
                200,
                asCaller(SUBMIT, Map.of("screening_result_id", id, "human_decision", "reject"), "rita", "[reviewer]")
                        .getStatusCode());
        APIGatewayV2HTTPResponse admin =
                asCaller(UNDO, Map.of("screening_result_id", id, "review_version", 3), "ada", "[admin]");
        assertEquals(200, admin.getStatusCode(), admin.getBody());
        assertEquals(countersBefore, counters());
        Map<String, AttributeValue> undoEntry = history(id).stream()
                .filter(entry -> entry.get("action").s().equals("review_undo")
                        && entry.get("undone_review_version").n().equals("3"))
                .findFirst()
                .orElseThrow();
        assertEquals("ada", undoEntry.get("reviewer").s(), "the history names who undid the review");
    }
}
