package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resumescreening.adapters.dynamodb.DynamoJobRepository;
import dev.resumescreening.adapters.dynamodb.DynamoTrainingRunStore;
import dev.resumescreening.config.Contract;
import dev.resumescreening.config.Contract.RouteSpec;
import dev.resumescreening.domain.Decision;
import dev.resumescreening.domain.Job;
import dev.resumescreening.domain.ScreeningResult;
import dev.resumescreening.embedding.LexicalEmbedder;
import dev.resumescreening.json.Json;
import dev.resumescreening.model.ModelArtifact;
import dev.resumescreening.ports.JobRepository.StoredJob;
import dev.resumescreening.training.RunState;
import dev.resumescreening.training.TrainingRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every sample in events/ is a valid event that the function it is named for handles, and every route has one. */
class SampleEventsTest {
    private static final ObjectMapper LAMBDA_JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String RESULT_ID = "00000000-0000-4000-8000-000000000001";
    private static final String MODEL_VERSION = "auto-20261126-020000-3f9a1c";
    private static final String RUN_ID = "run-20261126-020000-3f9a1c";
    private static TestStack stack;
    /** The key of an expected whole (decoded) body, for routes that answer a file rather than JSON. */
    private static final String RAW_BODY = "raw";

    @BeforeAll
    static void start() throws Exception {
        stack = TestStack.start(Map.of());
        LexicalEmbedder embedder = new LexicalEmbedder();
        var app = stack.environment.app();
        new DynamoJobRepository(app.dynamoDb(), stack.environment.settings().tableName("jobs"))
                .create(new StoredJob(
                        new Job(
                                "job-sample",
                                "Sample job",
                                "Java engineer on AWS",
                                50,
                                "2026-11-26T00:00:00.000Z",
                                false),
                        embedder.embed("Java engineer on AWS")));
        // the result results-get.json reads and feedback-submit.json reviews, one that stays unreviewed, and the one
        // compliance-erase.json erases (it runs before the results and review-queue samples)
        for (String id :
                List.of(RESULT_ID, "00000000-0000-4000-8000-000000000002", "00000000-0000-4000-8000-000000000003")) {
            String text = "Java engineer, AWS Lambda and DynamoDB";
            String textKey = "text/job-sample/" + id + ".txt";
            app.documents().put(textKey, text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
            app.documents()
                    .put("resumes/job-sample/" + id + ".txt", text.getBytes(StandardCharsets.UTF_8), "text/plain");
            app.results()
                    .create(
                            new ScreeningResult(
                                    id,
                                    "job-sample",
                                    "Alex Example",
                                    72.5,
                                    Decision.SHORTLIST,
                                    0.725,
                                    "0",
                                    "2026-11-26T00:00:0" + id.charAt(id.length() - 1) + ".000Z",
                                    new ScreeningResult.Document(
                                            "alex.txt",
                                            "text/plain",
                                            "resumes/job-sample/" + id + ".txt",
                                            textKey,
                                            true,
                                            1,
                                            1,
                                            text.length()),
                                    null),
                            50,
                            embedder.embed(text));
        }
        // the review feedback-undo.json takes back (review version 1), by the reviewer it names, on a job of its own
        // so that the job-sample answers stay as they are
        String undoneId = "00000000-0000-4000-8000-000000000004";
        String undoneText = "Barista and shift lead";
        app.documents()
                .put(
                        "text/job-undo/" + undoneId + ".txt",
                        undoneText.getBytes(StandardCharsets.UTF_8),
                        "text/plain; charset=utf-8");
        app.results()
                .create(
                        new ScreeningResult(
                                undoneId,
                                "job-undo",
                                "Sam Example",
                                20.0,
                                Decision.REJECT,
                                0.8,
                                "0",
                                "2026-11-26T00:00:04.000Z",
                                new ScreeningResult.Document(
                                        "sam.txt",
                                        "text/plain",
                                        "resumes/job-undo/" + undoneId + ".txt",
                                        "text/job-undo/" + undoneId + ".txt",
                                        true,
                                        1,
                                        1,
                                        undoneText.length()),
                                null),
                        50,
                        embedder.embed(undoneText));
        app.reviews().submit(undoneId, "reject", "", "reviewer1");
        // ten reviews on another job, so trigger-trigger-training.json (force, min_samples 10) is due
        ReviewedPairs.store(stack, 10, 3);
        // the model registry-register.json registers
        ModelArtifact model = TrainingLoopIntegrationTest.randomModel(MODEL_VERSION);
        app.documents().put(ModelArtifact.weightsKey(MODEL_VERSION), model.weightsBytes(), "application/octet-stream");
        app.documents().put(ModelArtifact.metadataKey(MODEL_VERSION), model.metadataJson(), "application/json");
        // the run trigger-run.json reads
        new DynamoTrainingRunStore(app.dynamoDb(), stack.environment.settings().tableName("training_runs"))
                .save(TrainingRun.queued(RUN_ID, "api", "2026-11-26T02:00:00.000Z")
                        .running("2026-11-26T02:00:01.000Z")
                        .finished(RunState.SKIPPED, "not enough new reviews", "2026-11-26T02:00:02.000Z"));
    }

    @AfterAll
    static void stop() throws Exception {
        stack.environment.trainingLauncher().awaitIdle(5, java.util.concurrent.TimeUnit.MINUTES);
        stack.close();
    }

    static List<Path> apiEvents() throws Exception {
        Path events = TestStack.samples().resolveSibling("events");
        try (Stream<Path> files = Files.list(events)) {
            return files.filter(p -> p.toString().endsWith(".json"))
                    .sorted()
                    .filter(p -> readTree(p).has("routeKey"))
                    .toList();
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(Path file) {
        try {
            return LAMBDA_JSON.readTree(file.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * What each sample answers on the data set up above, in file order (registry-register.json activates the model
     * that registry-rollback.json then rolls back): its status and the body fields that show it did its job.
     */
    private static final Map<String, Expected> EXPECTED = Map.ofEntries(
            Map.entry(
                    "compliance-adverse-impact.json",
                    new Expected(
                            200,
                            Map.of(
                                    "/job_id",
                                    "job-sample",
                                    "/results",
                                    "3",
                                    "/ai/decided",
                                    "3",
                                    "/ai/sex/excluded_unknown",
                                    "3"))),
            // JSON lines: the first line is a screening decision of the sample minute (no review was made in it)
            Map.entry("compliance-audit.json", new Expected(200, Map.of("/type", "screening_decision"))),
            Map.entry(
                    "compliance-erase.json",
                    new Expected(
                            200,
                            Map.of("/erased", "true", "/screening_result_id", "00000000-0000-4000-8000-000000000003"))),
            Map.entry(
                    "feedback-submit.json",
                    new Expected(
                            200,
                            Map.of(
                                    "/success",
                                    "true",
                                    "/result/screening_result_id",
                                    RESULT_ID,
                                    "/result/human_decision",
                                    "shortlist",
                                    "/result/human_reviewed",
                                    "true"))),
            Map.entry(
                    "feedback-undo.json",
                    new Expected(
                            200,
                            Map.of(
                                    "/success",
                                    "true",
                                    "/result/screening_result_id",
                                    "00000000-0000-4000-8000-000000000004",
                                    "/result/human_reviewed",
                                    "false",
                                    "/result/review_version",
                                    "2"))),
            Map.entry("jobs-create.json", new Expected(201, Map.of("/title", "Backend Java Engineer"))),
            Map.entry("jobs-list.json", new Expected(200, Map.of("/next_token", "null"))),
            Map.entry("jobs-get.json", new Expected(200, Map.of("/job_id", "job-sample", "/title", "Sample job"))),
            Map.entry("jobs-update.json", new Expected(200, Map.of("/job_id", "job-sample", "/threshold", "50.0"))),
            Map.entry("registry-activate.json", new Expected(200, Map.of("/active/champion_version", "0"))),
            Map.entry("registry-list.json", new Expected(200, Map.of("/active/champion_version", "0"))),
            Map.entry(
                    "registry-register.json",
                    new Expected(
                            201,
                            Map.of(
                                    "/model/version",
                                    MODEL_VERSION,
                                    "/model/status",
                                    "ACTIVE",
                                    "/active/champion_version",
                                    MODEL_VERSION))),
            Map.entry("registry-rollback.json", new Expected(200, Map.of("/active/champion_version", "0"))),
            Map.entry(
                    "results-get.json",
                    new Expected(
                            200,
                            Map.of(
                                    "/screening_result_id",
                                    RESULT_ID,
                                    "/human_reviewed",
                                    "true",
                                    "/human_decision",
                                    "shortlist"))),
            Map.entry(
                    "results-original.json",
                    new Expected(200, Map.of(RAW_BODY, "Java engineer, AWS Lambda and DynamoDB"))),
            Map.entry(
                    "results-list.json",
                    new Expected(
                            200,
                            Map.of(
                                    "/count",
                                    "1",
                                    "/results/0/screening_result_id",
                                    "00000000-0000-4000-8000-000000000002"))),
            Map.entry(
                    "status-review-queue.json",
                    new Expected(
                            200,
                            Map.of(
                                    "/count",
                                    "1",
                                    "/results/0/screening_result_id",
                                    "00000000-0000-4000-8000-000000000002"))),
            Map.entry(
                    "status-training-status.json",
                    new Expected(200, Map.of("/total_samples", "11", "/new_samples_since_last_training", "11"))),
            Map.entry("trigger-run.json", new Expected(200, Map.of("/run_id", RUN_ID, "/state", "SKIPPED"))),
            Map.entry("trigger-runs-list.json", new Expected(200, Map.of("/count", "1", "/runs/0/run_id", RUN_ID))),
            Map.entry(
                    "trigger-trigger-training.json",
                    new Expected(202, Map.of("/success", "true", "/message", "Training started!"))),
            Map.entry(
                    "upload-issue.json",
                    new Expected(
                            201,
                            Map.of(
                                    "/method",
                                    "PUT",
                                    "/headers/content-type",
                                    "application/pdf",
                                    "/headers/content-length",
                                    "5242880"))),
            Map.entry(
                    "upload-resume-json.json",
                    new Expected(201, Map.of("/job_id", "job-sample", "/candidate_name", "Alex Example"))),
            Map.entry(
                    "upload-resume-multipart.json",
                    new Expected(201, Map.of("/job_id", "job-sample", "/candidate_name", "Alex Example"))));

    private record Expected(int status, Map<String, String> fields) {}

    @Test
    void everyApiEventSucceedsOnItsFunctionWithTheExpectedAnswer() throws Exception {
        Set<String> covered = new HashSet<>();
        Set<String> files = new HashSet<>();
        List<String> failures = new ArrayList<>();
        String bucket = stack.environment.settings().bucket();
        for (Path file : apiEvents()) {
            String name = file.getFileName().toString();
            files.add(name);
            APIGatewayV2HTTPEvent event = LAMBDA_JSON.readValue(
                    Files.readString(file).replace("resume-screening-data", bucket), APIGatewayV2HTTPEvent.class);
            RouteSpec route = Contract.get().routes().stream()
                    .filter(r -> r.routeKey().equals(event.getRouteKey()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(file + " names no contract route"));
            assertTrue(
                    name.startsWith(route.function() + "-"),
                    file + " should be named after its function " + route.function());
            Expected expected = EXPECTED.get(name);
            assertNotNull(expected, "no expected answer for " + name);
            APIGatewayV2HTTPResponse response =
                    stack.environment.function(route.function()).handleRequest(event, null);
            if (expected.status() != response.getStatusCode()) {
                failures.add(name + ": status " + response.getStatusCode() + " " + response.getBody());
            }
            if (expected.fields().containsKey(RAW_BODY)) {
                String raw = response.getIsBase64Encoded()
                        ? new String(java.util.Base64.getDecoder().decode(response.getBody()), StandardCharsets.UTF_8)
                        : response.getBody();
                if (!expected.fields().get(RAW_BODY).equals(raw)) {
                    failures.add(name + " answered '" + raw + "'");
                }
                covered.add(route.routeKey());
                continue;
            }
            JsonNode body = Json.read(response.getBody());
            expected.fields().forEach((pointer, value) -> {
                if (!value.equals(body.at(pointer).asText())) {
                    failures.add(
                            name + " " + pointer + " is '" + body.at(pointer).asText() + "' in " + response.getBody());
                }
            });
            covered.add(route.routeKey());
        }
        assertEquals(List.of(), failures);
        assertEquals(EXPECTED.keySet(), files, "sample events and expected answers differ");
        Set<String> all = new HashSet<>();
        Contract.get().routes().forEach(r -> all.add(r.routeKey()));
        assertEquals(all, covered, "routes without a sample event");
    }

    @Test
    void theCreateAndUploadSamplesSucceed() throws Exception {
        for (String name : List.of("jobs-create.json", "upload-resume-json.json", "upload-resume-multipart.json")) {
            Path file = TestStack.samples().resolveSibling("events").resolve(name);
            APIGatewayV2HTTPEvent event = LAMBDA_JSON.readValue(file.toFile(), APIGatewayV2HTTPEvent.class);
            String function = name.substring(0, name.indexOf('-'));
            APIGatewayV2HTTPResponse response =
                    stack.environment.function(function).handleRequest(event, null);
            // an upload sample's file the other test screened for job-sample already is answered as its duplicate
            boolean duplicate = response.getStatusCode() == 200
                    && Json.read(response.getBody()).has("duplicate_of");
            assertTrue(response.getStatusCode() == 201 || duplicate, name + ": " + response.getBody());
        }
    }
}
