package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.api.ComplianceApi;
import dev.resumescreening.compliance.SelfIdentification;
import dev.resumescreening.config.Contract;
import dev.resumescreening.config.Contract.RouteSpec;
import dev.resumescreening.config.Settings;
import dev.resumescreening.domain.Decision;
import dev.resumescreening.domain.ScreeningResult;
import dev.resumescreening.export.ExportFilter;
import dev.resumescreening.http.ApiRequest;
import dev.resumescreening.http.ApiResponse;
import dev.resumescreening.json.Json;
import dev.resumescreening.ports.ResultRepository;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;

/**
 * Issue #11 parts 2-5 through the local server and the real handlers: self-identification kept apart, erasure with
 * exact counters, the retention sweep, the adverse-impact report and the audit export (admin only).
 */
class ComplianceIntegrationTest {
    private static final String JAVA_RESUME = "Java 17 engineer: AWS Lambda, DynamoDB, REST APIs, Terraform, SQL.";
    private static TestStack stack;
    private static String jobId;

    @BeforeAll
    static void start() throws Exception {
        stack = TestStack.start(Map.of("RETENTION_DAYS", "30"));
        jobId = stack.createJob("Backend Java Engineer", "Java 17, AWS Lambda, DynamoDB, REST APIs, Terraform, SQL");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static HttpResponse<String> uploadJson(String name, String text, String sex, String race) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("job_id", jobId);
        body.put("candidate_name", name);
        body.put("file_name", "cv.txt");
        // a reference of its own: the same file twice for a job is one result (a duplicate), not two
        String application = text + "\nReference " + UUID.randomUUID();
        body.put("content_base64", Base64.getEncoder().encodeToString(application.getBytes(StandardCharsets.UTF_8)));
        if (sex != null) {
            body.put("self_identified_sex", sex);
        }
        if (race != null) {
            body.put("self_identified_race_ethnicity", race);
        }
        return stack.postJson("/api/v1/screening/upload-resume", body);
    }

    private static String upload(String sex, String race) throws Exception {
        HttpResponse<String> response = uploadJson("Candidate", JAVA_RESUME, sex, race);
        assertEquals(201, response.statusCode(), response.body());
        return Json.read(response.body()).get("screening_result_id").asText();
    }

    private static Map<String, AttributeValue> selfIdentification(String resultId) {
        return stack.environment
                .app()
                .dynamoDb()
                .getItem(b -> b.tableName(stack.environment.settings().tableName("self_identification"))
                        .key(Map.of("result_id", AttributeValue.fromS(resultId)))
                        .consistentRead(true))
                .item();
    }

    private static HttpResponse<String> review(String resultId, String decision, String notes) throws Exception {
        HttpResponse<String> response = stack.postJson(
                "/api/v1/feedback/submit",
                Map.of("screening_result_id", resultId, "human_decision", decision, "notes", notes));
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    @Test
    void selfIdentificationIsStoredApartAndNeverAnswered() throws Exception {
        HttpResponse<String> response = uploadJson("Ada Example", JAVA_RESUME, "female", "asian");
        assertEquals(201, response.statusCode(), response.body());
        String resultId = Json.read(response.body()).get("screening_result_id").asText();
        Map<String, AttributeValue> stored = selfIdentification(resultId);
        assertEquals("female", stored.get("sex").s());
        assertEquals("asian", stored.get("race_ethnicity").s());
        assertEquals(jobId, stored.get("job_id").s());
        for (String body : List.of(
                response.body(),
                stack.get("/api/v1/screening/result/" + resultId).body(),
                stack.get("/api/v1/screening/results/" + jobId).body())) {
            assertFalse(body.contains("self_identified") || body.contains("asian") || body.contains("female"), body);
        }
        // not in the result item either: the model and the results routes never see it
        Map<String, AttributeValue> result = stack.environment
                .app()
                .dynamoDb()
                .getItem(b -> b.tableName(stack.environment.settings().tableName("screening_results"))
                        .key(Map.of("result_id", AttributeValue.fromS(resultId))))
                .item();
        assertFalse(result.toString().contains("asian"), result.toString());

        // multipart, as a browser form sends it
        String boundary = "b-" + UUID.randomUUID();
        HttpResponse<String> multipart = stack.post(
                "/api/v1/screening/upload-resume",
                "multipart/form-data; boundary=" + boundary,
                Multipart.body(
                        boundary,
                        Map.of(
                                "job_id",
                                jobId,
                                "self_identified_sex",
                                "declined",
                                "self_identified_race_ethnicity",
                                "two_or_more_races"),
                        "cv.txt",
                        JAVA_RESUME.getBytes(StandardCharsets.UTF_8)));
        assertEquals(201, multipart.statusCode(), multipart.body());
        Map<String, AttributeValue> fromForm = selfIdentification(
                Json.read(multipart.body()).get("screening_result_id").asText());
        assertEquals("declined", fromForm.get("sex").s());
        assertEquals("two_or_more_races", fromForm.get("race_ethnicity").s());

        // no answers, no item
        assertTrue(selfIdentification(upload(null, null)).isEmpty());
    }

    @Test
    void anAnswerOutsideTheCategoriesIs400AndStoresNothing() throws Exception {
        int results = stack.resultCount();
        int files = stack.objectCount("resumes/");
        HttpResponse<String> sex = uploadJson("A", JAVA_RESUME, "woman", null);
        assertEquals(400, sex.statusCode());
        assertEquals(
                "invalid_self_identified_sex",
                Json.read(sex.body()).at("/error/code").asText());
        String boundary = "b-" + UUID.randomUUID();
        HttpResponse<String> race = stack.post(
                "/api/v1/screening/upload-resume",
                "multipart/form-data; boundary=" + boundary,
                Multipart.body(
                        boundary,
                        Map.of("job_id", jobId, "self_identified_race_ethnicity", "other"),
                        "cv.txt",
                        JAVA_RESUME.getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, race.statusCode());
        assertEquals(
                "invalid_self_identified_race_ethnicity",
                Json.read(race.body()).at("/error/code").asText());
        assertEquals(results, stack.resultCount());
        assertEquals(files, stack.objectCount("resumes/"));
    }

    @Test
    void erasureRemovesEverythingPersonalAndKeepsTheCountersEqualToARecount() throws Exception {
        if (System.getenv(Settings.ENDPOINT) != null) {
            // as in AWS, where the bucket is versioned and a plain delete would keep the file as a noncurrent version
            stack.environment
                    .app()
                    .s3()
                    .putBucketVersioning(
                            b -> b.bucket(stack.environment.settings().bucket())
                                    .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        }
        String kept = upload("male", "white");
        String erased = upload("female", "white");
        String unreviewed = upload("female", "black_or_african_american");
        review(kept, "reject", "kept");
        review(erased, "shortlist", "Spoke with the candidate's referee");
        review(erased, "reject", "second thoughts");
        ScreeningResult before = stack.environment.app().results().find(erased).orElseThrow();
        assertNotNull(stack.environment
                .app()
                .documents()
                .get(before.document().originalKey())
                .orElse(null));

        HttpResponse<String> response = stack.delete("/api/v1/screening/result/" + erased);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(Json.read(response.body()).get("was_reviewed").asBoolean());

        assertTrue(stack.environment
                .app()
                .documents()
                .get(before.document().originalKey())
                .isEmpty());
        assertTrue(stack.environment
                .app()
                .documents()
                .get(before.document().textKey())
                .isEmpty());
        for (String key :
                List.of(before.document().originalKey(), before.document().textKey())) {
            ListObjectVersionsResponse versions = stack.environment
                    .app()
                    .s3()
                    .listObjectVersions(
                            b -> b.bucket(stack.environment.settings().bucket()).prefix(key));
            assertEquals(List.of(), versions.versions(), key);
            assertEquals(List.of(), versions.deleteMarkers(), key);
        }
        assertFalse(stack.environment
                .app()
                .s3()
                .listObjectVersions(
                        b -> b.bucket(stack.environment.settings().bucket()).prefix(keptOriginalKey(kept)))
                .versions()
                .isEmpty());
        assertEquals(404, stack.get("/api/v1/screening/result/" + erased).statusCode());
        assertTrue(selfIdentification(erased).isEmpty());
        assertFalse(selfIdentification(kept).isEmpty());
        List<Map<String, AttributeValue>> history = stack.environment
                .app()
                .dynamoDb()
                .query(b -> b.tableName(stack.environment.settings().tableName("review_history"))
                        .keyConditionExpression("result_id = :id")
                        .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(erased))))
                .items();
        assertEquals(2, history.size());
        for (Map<String, AttributeValue> entry : history) {
            assertNull(entry.get("reviewer"), entry.toString());
            assertNull(entry.get("notes"), entry.toString());
            assertNotNull(entry.get("erased_at"));
            assertNotNull(entry.get("human_decision"));
            assertEquals(before.modelVersion(), entry.get("model_version").s());
        }
        assertCountersEqualARecount();

        // erasing twice: the second time there is nothing to erase
        HttpResponse<String> again = stack.delete("/api/v1/screening/result/" + erased);
        assertEquals(404, again.statusCode());
        assertEquals(
                "screening_result_not_found",
                Json.read(again.body()).at("/error/code").asText());

        // erasing an unreviewed result leaves the counters alone (and equal to a recount)
        assertEquals(200, stack.delete("/api/v1/screening/result/" + unreviewed).statusCode());
        assertCountersEqualARecount();

        // the training export (and so every later training set) no longer has it
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        stack.environment.app().exporter().export(ExportFilter.ALL, csv);
        String exported = csv.toString(StandardCharsets.UTF_8);
        assertTrue(exported.contains(kept));
        assertFalse(exported.contains(erased));
        // and the training data a run gathers (whose ids become the model's training_pairs.txt) neither
        var training = new dev.resumescreening.training.TrainingData(
                        stack.environment.app().results(),
                        stack.environment.app().jobs(),
                        stack.environment.app().documents())
                .gather("run-after-erasure");
        String gathered = new String(
                stack.environment.app().documents().get(training.key()).orElseThrow(), StandardCharsets.UTF_8);
        java.nio.file.Files.deleteIfExists(training.file());
        assertTrue(gathered.contains(kept));
        assertFalse(gathered.contains(erased));
    }

    private static String keptOriginalKey(String resultId) {
        return stack.environment
                .app()
                .results()
                .find(resultId)
                .orElseThrow()
                .document()
                .originalKey();
    }

    /** The counters item and the job's against a scan of the reviewed results. */
    private static void assertCountersEqualARecount() throws Exception {
        long total = 0;
        long positive = 0;
        Map<String, long[]> byJob = new HashMap<>();
        for (Map<String, AttributeValue> item : stack.environment
                .app()
                .dynamoDb()
                .scanPaginator(b -> b.tableName(stack.environment.settings().tableName("screening_results")))
                .items()) {
            if (item.containsKey("human_decision")) {
                total++;
                boolean shortlisted =
                        "SHORTLIST".equals(item.get("human_decision").s());
                positive += shortlisted ? 1 : 0;
                byJob.computeIfAbsent(item.get("job_id").s(), j -> new long[2])[shortlisted ? 0 : 1]++;
            }
        }
        JsonNode status =
                Json.read(stack.get("/api/v1/feedback/training-status").body());
        assertEquals(total, status.get("total_samples").asLong(), status.toString());
        assertEquals(positive, status.get("positive_samples").asLong(), status.toString());
        assertEquals(total - positive, status.get("negative_samples").asLong(), status.toString());
        Map<String, AttributeValue> jobCounters = stack.environment
                .app()
                .dynamoDb()
                .getItem(b -> b.tableName(stack.environment.settings().tableName("training_counters"))
                        .key(Map.of("counter_id", AttributeValue.fromS("job#" + jobId)))
                        .consistentRead(true))
                .item();
        long[] recount = byJob.getOrDefault(jobId, new long[2]);
        assertEquals(
                recount[0], Long.parseLong(jobCounters.get("positive_samples").n()));
        assertEquals(
                recount[1], Long.parseLong(jobCounters.get("negative_samples").n()));
    }

    @Test
    void theRetentionSweepErasesResultsOlderThanRetentionDaysTheSameWay() throws Exception {
        String oldReviewed = storeOldResult("2025-01-01T00:00:00.000Z");
        String oldUnreviewed = storeOldResult("2025-01-02T00:00:00.000Z");
        String recent = upload("male", "asian");
        review(oldReviewed, "shortlist", "old notes");
        Map<String, Object> outcome = stack.environment.compliance().sweep();
        assertEquals(30L, outcome.get("retention_days"));
        assertTrue((Integer) outcome.get("erased") >= 2, outcome.toString());
        assertEquals(404, stack.get("/api/v1/screening/result/" + oldReviewed).statusCode());
        assertEquals(404, stack.get("/api/v1/screening/result/" + oldUnreviewed).statusCode());
        assertEquals(200, stack.get("/api/v1/screening/result/" + recent).statusCode());
        assertTrue(selfIdentification(oldReviewed).isEmpty());
        assertTrue(stack.environment
                .app()
                .documents()
                .get("resumes/" + jobId + "/" + oldReviewed + ".txt")
                .isEmpty());
        assertCountersEqualARecount();
        assertEquals(0, stack.environment.compliance().sweep().get("erased"));
    }

    private static String storeOldResult(String createdAt) {
        String id = UUID.randomUUID().toString();
        var app = stack.environment.app();
        String originalKey = "resumes/" + jobId + "/" + id + ".txt";
        String textKey = "text/" + jobId + "/" + id + ".txt";
        app.documents().put(originalKey, JAVA_RESUME.getBytes(StandardCharsets.UTF_8), "text/plain");
        app.documents().put(textKey, JAVA_RESUME.getBytes(StandardCharsets.UTF_8), "text/plain");
        app.results()
                .create(new ResultRepository.NewResult(
                        new ScreeningResult(
                                id,
                                jobId,
                                "Old Candidate",
                                70.0,
                                Decision.SHORTLIST,
                                0.7,
                                "0",
                                createdAt,
                                new ScreeningResult.Document(
                                        "cv.txt", "text/plain", originalKey, textKey, true, 1, 1, JAVA_RESUME.length()),
                                null),
                        50,
                        app.embedder().embed(JAVA_RESUME),
                        null,
                        new SelfIdentification(SelfIdentification.Sex.FEMALE, null),
                        List.of()));
        return id;
    }

    @Test
    void theAdverseImpactReportAnswersJsonAndCsv() throws Exception {
        String job = stack.createJob("Report job", "Java 17, AWS Lambda, DynamoDB, REST APIs, Terraform, SQL");
        String saved = jobId;
        jobId = job;
        try {
            upload("female", "white");
            upload("female", "white");
            upload("male", "white");
            upload(null, null);
            upload("declined", "declined");
        } finally {
            jobId = saved;
        }
        HttpResponse<String> json =
                stack.get("/api/v1/reports/adverse-impact?job_id=" + job + "&from=2020-01-01&to=2100-12-31");
        assertEquals(200, json.statusCode(), json.body());
        JsonNode report = Json.read(json.body());
        assertEquals(5, report.get("results").asInt());
        assertEquals(3, report.at("/ai/sex/known").asInt());
        assertEquals(1, report.at("/ai/sex/excluded_unknown").asInt());
        assertEquals(1, report.at("/ai/sex/excluded_declined").asInt());
        assertEquals("female", report.at("/ai/sex/categories/0/category").asText());
        assertEquals(2, report.at("/ai/sex/categories/0/applicants").asInt());
        assertEquals(0, report.at("/human/decided").asInt());
        assertEquals("2020-01-01T00:00:00.000Z", report.at("/date_range/from").asText());
        assertEquals("2101-01-01T00:00:00.000Z", report.at("/date_range/to").asText());
        assertEquals("0", report.at("/model_versions/0").asText());
        assertFalse(json.body().contains("NaN"));

        HttpResponse<String> csv = stack.get("/api/v1/reports/adverse-impact?job_id=" + job + "&format=csv");
        assertEquals(200, csv.statusCode());
        assertTrue(
                csv.headers().firstValue("content-type").orElse("").startsWith("text/csv"),
                csv.headers().toString());
        assertTrue(csv.body().contains("ai,sex,female,2,"), csv.body());
        String header = csv.body()
                .lines()
                .filter(line -> line.startsWith("decisions,"))
                .findFirst()
                .orElseThrow();
        String excluded = "ai,sex,excluded_unknown,1" + ",".repeat(header.split(",").length - 4);
        assertTrue(csv.body().lines().anyMatch(excluded::equals), excluded + " in\n" + csv.body());

        assertEquals(400, stack.get("/api/v1/reports/adverse-impact?format=xml").statusCode());
        assertEquals(
                400, stack.get("/api/v1/reports/adverse-impact?from=yesterday").statusCode());
        assertEquals(
                400,
                stack.get("/api/v1/reports/adverse-impact?from=2026-12-01&to=2026-11-01")
                        .statusCode());
        // an empty range is an answer, not an error; a job that does not exist is
        HttpResponse<String> empty = stack.get("/api/v1/reports/adverse-impact?job_id=" + job + "&to=2000-01-01");
        assertEquals(200, empty.statusCode());
        assertEquals(0, Json.read(empty.body()).get("results").asInt());
        for (String format : List.of("json", "csv")) {
            HttpResponse<String> unknown = stack.get("/api/v1/reports/adverse-impact?job_id=nope&format=" + format);
            assertEquals(404, unknown.statusCode(), unknown.body());
            assertEquals(
                    "job_not_found", Json.read(unknown.body()).at("/error/code").asText());
        }
    }

    @Test
    void anAuditExportTooLargeToAnswerIsStoredAndRedirectedTo() throws Exception {
        String resultId = upload("male", "white");
        review(resultId, "reject", "first");
        var app = stack.environment.app();
        ApiRequest everything =
                new ApiRequest("GET /api/v1/audit", Map.of(), Map.of(), Map.of(), new byte[0], Map.of());
        ApiResponse inline = new ComplianceApi(
                        app.erasure(), app.adverseImpact(), app.auditExporter(), app.documents(), Clock.systemUTC())
                .routes()
                .get("GET /api/v1/audit")
                .handle(everything);
        assertEquals(200, inline.statusCode());
        assertTrue(inline.body().contains(resultId));

        ApiResponse stored = new ComplianceApi(
                        app.erasure(),
                        app.adverseImpact(),
                        app.auditExporter(),
                        app.documents(),
                        Clock.systemUTC(),
                        100)
                .routes()
                .get("GET /api/v1/audit")
                .handle(everything);
        assertEquals(303, stored.statusCode(), stored.body());
        String location = stored.headers().get("location");
        assertEquals(location, Json.read(stored.body()).get("url").asText());
        assertEquals(
                inline.body().getBytes(StandardCharsets.UTF_8).length,
                Json.read(stored.body()).get("bytes").asLong());
        HttpResponse<String> download = stack.http.send(
                HttpRequest.newBuilder(URI.create(location)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, download.statusCode(), download.body());
        assertEquals(inline.body(), download.body());
    }

    @Test
    void theAuditExportStreamsEveryDecisionAndReviewAsJsonLines() throws Exception {
        String resultId = upload("male", "white");
        // the AI shortlists this resume (score 100): the first review corrects it, the second goes back to it
        review(resultId, "reject", "first");
        review(resultId, "shortlist", "second");
        HttpResponse<String> response = stack.get("/api/v1/audit?from=2020-01-01");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(
                "application/x-ndjson",
                response.headers().firstValue("content-type").orElse(""));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            lines.add(Json.read(line));
        }
        JsonNode decision = lines.stream()
                .filter(l -> l.get("type").asText().equals("screening_decision")
                        && l.get("result_id").asText().equals(resultId))
                .findFirst()
                .orElseThrow();
        assertEquals(jobId, decision.get("job_id").asText());
        assertEquals("0", decision.get("model_version").asText());
        assertTrue(decision.get("score").isNumber());
        assertEquals(1.0, decision.get("job_scale").asDouble(), "a job without earlier applicants is as written");
        // what the score was blended from, as the result says (the class's other tests add the job's earlier
        // applicants)
        JsonNode result =
                Json.read(stack.get("/api/v1/screening/result/" + resultId).body());
        for (String field :
                List.of("own_score", "similar_applicants", "similar_applicants_score", "similar_applicants_weight")) {
            assertTrue(decision.has(field), field);
            assertEquals(result.get("explanation").get(field), decision.get(field), field);
        }
        assertEquals(result.get("hidden_characters"), decision.get("hidden_characters"), "what the file hid");
        assertEquals(result.get("copied_characters"), decision.get("copied_characters"), "what it copied");
        assertEquals(result.get("repeated_characters"), decision.get("repeated_characters"), "what it repeated");
        double own = decision.get("own_score").asDouble();
        double weight = decision.get("similar_applicants_weight").asDouble();
        double blended = decision.get("similar_applicants").asInt() == 0
                ? own
                : (1 - weight) * own
                        + weight * decision.get("similar_applicants_score").asDouble();
        assertEquals(blended, decision.get("score").asDouble(), 0.006);
        assertNotNull(decision.get("decision").asText());
        assertNotNull(decision.get("at").asText());
        List<JsonNode> reviews = lines.stream()
                .filter(l -> l.get("type").asText().equals("review")
                        && l.get("result_id").asText().equals(resultId))
                .toList();
        assertEquals(2, reviews.size());
        assertEquals("shortlist", decision.get("decision").asText());
        JsonNode first = reviews.stream()
                .filter(r -> r.get("after").asText().equals("reject"))
                .findFirst()
                .orElseThrow();
        assertTrue(first.get("before").isNull(), first.toString());
        JsonNode second = reviews.stream()
                .filter(r -> r.get("after").asText().equals("shortlist"))
                .findFirst()
                .orElseThrow();
        assertEquals("reject", second.get("before").asText());
        assertEquals("shortlist", second.get("ai_decision").asText());
        assertEquals("anonymous", second.get("reviewer").asText());
        assertFalse(response.body().contains("\"notes\""));
        // a range with nothing in it
        assertEquals("", stack.get("/api/v1/audit?to=2000-01-01").body());
    }

    @Test
    void theHandlersLogNoPersonalData() throws Exception {
        String name = "Zelda Quarrington";
        String email = "zelda.quarrington@example.org";
        String phone = "+1 (555) 010-7788";
        String resume = name + "\n" + email + " | " + phone + "\n" + JAVA_RESUME;
        java.io.PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        String resultId;
        try {
            HttpResponse<String> json = uploadJson(name, resume, "female", "native_hawaiian_or_pacific_islander");
            assertEquals(201, json.statusCode(), json.body());
            resultId = Json.read(json.body()).get("screening_result_id").asText();
            String boundary = "b-" + UUID.randomUUID();
            assertEquals(
                    201,
                    stack.post(
                                    "/api/v1/screening/upload-resume",
                                    "multipart/form-data; boundary=" + boundary,
                                    Multipart.body(
                                            boundary,
                                            Map.of(
                                                    "job_id",
                                                    jobId,
                                                    "candidate_name",
                                                    name,
                                                    "self_identified_sex",
                                                    "female",
                                                    "self_identified_race_ethnicity",
                                                    "american_indian_or_alaska_native"),
                                            "cv.txt",
                                            resume.getBytes(StandardCharsets.UTF_8)))
                            .statusCode());
            assertEquals(400, uploadJson(name, resume, "female", "x-" + email).statusCode());
            review(resultId, "shortlist", "Called " + name + " on " + phone);
            assertEquals(
                    200,
                    stack.get("/api/v1/reports/adverse-impact?job_id=" + jobId).statusCode());
            assertEquals(200, stack.get("/api/v1/audit").statusCode());
            assertEquals(
                    200, stack.delete("/api/v1/screening/result/" + resultId).statusCode());
        } finally {
            System.out.flush();
            System.setOut(console);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        for (String event : List.of(
                "resume.screened",
                "review.recorded",
                "report.adverse_impact",
                "audit.exported",
                "result.erased",
                "http.request")) {
            assertTrue(logs.contains("\"event\":\"" + event + "\""), event + " was not logged: " + logs);
        }
        for (String planted : List.of(
                "Zelda",
                "Quarrington",
                email,
                "010-7788",
                "native_hawaiian",
                "american_indian",
                "self_identified",
                "female")) {
            assertFalse(
                    logs.toLowerCase(java.util.Locale.ROOT).contains(planted.toLowerCase(java.util.Locale.ROOT)),
                    "the logs contain '" + planted + "':\n" + logs);
        }
    }

    static Stream<RouteSpec> complianceRoutes() {
        return Contract.get().routesOf("compliance").stream();
    }

    @ParameterizedTest
    @MethodSource("complianceRoutes")
    void aReviewerWhoIsNotAnAdminGets403(RouteSpec route) throws Exception {
        String resultId = upload("female", "asian");
        assertTrue(route.admin(), route.routeKey() + " must be admin-only in contract.json");
        for (Map<String, String> claims :
                List.of(Map.of("cognito:username", "rita", "cognito:groups", "[reviewer]"), Map.<String, String>of())) {
            APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                    .withRouteKey(route.routeKey())
                    .withRawPath(route.path().replace("{result_id}", resultId))
                    .withPathParameters(route.path().contains("{result_id}") ? Map.of("result_id", resultId) : Map.of())
                    .withQueryStringParameters(Map.of())
                    .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                            .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                                            .builder()
                                            .withClaims(claims)
                                            .build())
                                    .build())
                            .build())
                    .build();
            var response = stack.environment.function("compliance").handleRequest(event, null);
            assertEquals(403, response.getStatusCode(), route.routeKey() + " " + response.getBody());
            assertEquals(
                    "forbidden", Json.read(response.getBody()).at("/error/code").asText());
        }
        assertEquals(200, stack.get("/api/v1/screening/result/" + resultId).statusCode(), "nothing was erased");
        assertFalse(selfIdentification(resultId).isEmpty());
    }
}
