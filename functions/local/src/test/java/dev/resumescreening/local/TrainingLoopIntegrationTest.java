package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.adapters.dynamodb.DynamoJobRepository;
import dev.resumescreening.adapters.dynamodb.DynamoModelRegistryStore;
import dev.resumescreening.adapters.dynamodb.DynamoTrainingRunStore;
import dev.resumescreening.config.Contract;
import dev.resumescreening.di.AppComponent;
import dev.resumescreening.embedding.LexicalEmbedder;
import dev.resumescreening.embedding.TermVector;
import dev.resumescreening.json.Json;
import dev.resumescreening.model.MlpClassifier;
import dev.resumescreening.model.MlpWeights;
import dev.resumescreening.model.ModelArtifact;
import dev.resumescreening.model.PairFeatures;
import dev.resumescreening.ports.ScoringModel;
import dev.resumescreening.registry.ModelArtifactStore;
import dev.resumescreening.registry.RegistryModelSelector;
import dev.resumescreening.training.GateEvidence;
import dev.resumescreening.training.ModelTrainer;
import dev.resumescreening.training.RemoteTraining;
import dev.resumescreening.training.ScheduledTraining;
import dev.resumescreening.training.TrainingRequest;
import dev.resumescreening.training.TrainingRun;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The training loop end to end on the local stack: trigger, train, gate, register, serve, roll back; and faults. */
class TrainingLoopIntegrationTest {
    /**
     * Every upload reads the pointer, so activations show at once; the pairs rank backwards by cosine (see
     * {@link ReviewedPairs}), which the warm-started network turns around in 50 epochs at 1e-2, not at the guide's 1e-4.
     */
    private static final Map<String, String> SETTINGS =
            Map.of("MODEL_CACHE_SECONDS", "0", "TRAINING_HYPERPARAMETERS", "{\"learning_rate\":\"0.01\"}");

    private static final RemoteTraining NO_SAGEMAKER = (runId, version, data, output) -> {
        throw new AssertionError("small runs must train in the function");
    };

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.read(response.body());
    }

    @Test
    void theGateJudgesByCrossValidationAndScoresTheLiveModelWithoutEachPairItLearnedFrom() throws Exception {
        try (TestStack stack = TestStack.start(SETTINGS)) {
            ReviewedPairs.store(stack, 120, 7);
            JsonNode first = trainNow(stack);
            assertEquals("SUCCEEDED", first.get("state").asText(), first.toString());
            assertEquals(
                    GateEvidence.CROSS_VALIDATION,
                    first.get("metrics").get("evidence").asText());
            assertEquals(120, first.get("metrics").get("test_samples").asInt(), "every reviewed pair is judged");
            assertTrue(first.get("activated").asBoolean(), first.toString());
            String champion = first.get("candidate_version").asText();
            Set<String> learnedFrom = new ModelArtifactStore(
                            stack.environment.app().documents())
                    .trainingPairs(ModelArtifact.keyPrefix(champion))
                    .orElseThrow();
            assertEquals(120, learnedFrom.size(), "the job feedback it serves with holds every reviewed pair");

            JsonNode second = trainNow(stack);
            assertEquals("SUCCEEDED", second.get("state").asText(), second.toString());
            assertEquals(champion, second.get("active_version").asText());
            assertEquals(
                    GateEvidence.CROSS_VALIDATION + ", model " + champion + " scoring each pair it learned from"
                            + " with that pair left out of its job feedback",
                    second.get("metrics").get("evidence").asText());
            assertEquals(120, second.get("metrics").get("test_samples").asInt());
        }
    }

    @Test
    void aRunThatDiedHoldingTheLockIsClosedAsFailedByTheNextRun() throws Exception {
        try (TestStack stack = TestStack.start(SETTINGS)) {
            ReviewedPairs.store(stack, 40, 3);
            var runs = new DynamoTrainingRunStore(
                    stack.environment.app().dynamoDb(),
                    stack.environment.settings().tableName("training_runs"));
            String stuckId = "run-20261125-020000-dead01";
            runs.save(TrainingRun.queued(stuckId, TrainingRequest.SCHEDULE, "2026-11-25T02:00:00.000Z")
                    .running("2026-11-25T02:00:01.000Z"));
            long expired = Instant.now().minus(Duration.ofHours(1)).getEpochSecond();
            stack.environment
                    .app()
                    .dynamoDb()
                    .putItem(b -> b.tableName(stack.environment.settings().tableName("locks"))
                            .item(Map.of(
                                    "lock_id",
                                    AttributeValue.fromS("training"),
                                    "owner",
                                    AttributeValue.fromS(stuckId),
                                    "acquired_at",
                                    AttributeValue.fromN(Long.toString(expired - 900)),
                                    "expires_at",
                                    AttributeValue.fromN(Long.toString(expired)))));

            JsonNode next = trainNow(stack);
            assertEquals("SUCCEEDED", next.get("state").asText(), next.toString());
            JsonNode stuck = json(stack.get("/api/v1/training/runs/" + stuckId));
            assertEquals("FAILED", stuck.get("state").asText(), stuck.toString());
            assertTrue(
                    stuck.get("reason").asText().startsWith("abandoned: its training lock expired"), stuck.toString());
            assertTrue(lockItem(stack).isEmpty(), "the next run released the lock it took over");

            // the runs, newest first, a page at a time; each with the ROC curves of the gate's evidence
            JsonNode first = json(stack.get("/api/v1/training/runs?limit=1"));
            assertEquals(next.get("run_id").asText(), first.at("/runs/0/run_id").asText(), first.toString());
            assertTrue(first.at("/runs/0/log_file").isMissingNode(), "operators' paths stay out");
            JsonNode second = json(stack.get("/api/v1/training/runs?limit=1&next_token="
                    + first.get("next_token").asText()));
            assertEquals(stuckId, second.at("/runs/0/run_id").asText(), second.toString());
            assertTrue(second.get("next_token").isNull());
            assertEquals(
                    400,
                    stack.get("/api/v1/training/runs?next_token="
                                    + json(stack.get("/api/v1/jobs?limit=1"))
                                            .path("next_token")
                                            .asText("e30"))
                            .statusCode(),
                    "a token of another query is refused");
            for (String model : List.of("candidate", "active")) {
                JsonNode curve = first.at("/runs/0/metrics/roc_curves/" + model);
                assertTrue(curve.size() >= 2 && curve.size() <= 101, model + " " + curve.size());
                assertEquals("[0.0,0.0]", curve.get(0).toString());
                assertEquals("[1.0,1.0]", curve.get(curve.size() - 1).toString());
                double area = 0;
                for (int i = 1; i < curve.size(); i++) {
                    area += (curve.get(i).get(0).asDouble()
                                    - curve.get(i - 1).get(0).asDouble())
                            * (curve.get(i).get(1).asDouble()
                                    + curve.get(i - 1).get(1).asDouble())
                            / 2;
                }
                assertEquals(
                        first.at("/runs/0/metrics/" + model + "/roc_auc").asDouble(),
                        area,
                        0.02,
                        "the area under the stored " + model + " curve is its ROC AUC");
            }
        }
    }

    private static JsonNode trainNow(TestStack stack) throws Exception {
        HttpResponse<String> triggered =
                stack.postJson("/api/v1/feedback/trigger-training", Map.of("force", true, "min_samples", 10));
        assertEquals(202, triggered.statusCode(), triggered.body());
        stack.environment.trainingLauncher().awaitIdle(5, TimeUnit.MINUTES);
        return json(stack.get(
                "/api/v1/training/runs/" + json(triggered).get("run_id").asText()));
    }

    @Test
    void forcedTrainingActivatesABetterModelThatServesUploadsAndRollsBack() throws Exception {
        try (TestStack stack = TestStack.start(SETTINGS)) {
            ReviewedPairs.store(stack, 120, 7);
            HttpResponse<String> triggered =
                    stack.postJson("/api/v1/feedback/trigger-training", Map.of("force", true, "min_samples", 10));
            assertEquals(202, triggered.statusCode(), triggered.body());
            String runId = json(triggered).get("run_id").asText();
            assertTrue(runId.matches("run-\\d{8}-\\d{6}-[0-9a-f]{6}"), runId);
            assertFalse(json(triggered).has("log_file"), triggered.body());
            stack.environment.trainingLauncher().awaitIdle(5, TimeUnit.MINUTES);

            JsonNode run = json(stack.get("/api/v1/training/runs/" + runId));
            assertEquals("SUCCEEDED", run.get("state").asText(), run.toString());
            assertEquals("in_function", run.get("mode").asText());
            assertEquals(120, run.get("sample_count").asLong());
            assertTrue(run.get("activated").asBoolean(), run.toString());
            assertEquals("0", run.get("active_version").asText());
            double candidateAuc =
                    run.get("metrics").get("candidate").get("roc_auc").asDouble();
            double similarityAuc =
                    run.get("metrics").get("active").get("roc_auc").asDouble();
            assertTrue(candidateAuc > similarityAuc, run.toString());
            String version = run.get("candidate_version").asText();
            assertTrue(stack.objectCount("training-data/" + runId + "/train.csv") == 1);
            assertTrue(stack.objectCount("logs/training/" + runId + ".log") == 1);
            assertEquals(
                    0,
                    json(stack.get("/api/v1/feedback/training-status"))
                            .get("new_samples_since_last_training")
                            .asLong());

            JsonNode models = json(stack.get("/api/v1/models"));
            assertEquals(version, models.get("active").get("champion_version").asText());
            assertEquals("ACTIVE", modelStatus(models, version));
            assertEquals("RETIRED", modelStatus(models, "0"));

            // the upload path serves the new model, with the scores the plain-Java classifier gives
            String jobId = stack.createJob("Backend Java Engineer", "Java, Spring Boot, AWS Lambda, DynamoDB");
            String resume = "Senior Java engineer: Spring Boot services on AWS Lambda and DynamoDB, eight years.";
            JsonNode uploaded = json(stack.postJson(
                    "/api/v1/screening/upload-resume",
                    Map.of(
                            "job_id",
                            jobId,
                            "candidate_name",
                            "Test",
                            "file_name",
                            "cv.txt",
                            "content_base64",
                            Base64.getEncoder().encodeToString(resume.getBytes(StandardCharsets.UTF_8)))));
            assertEquals(version, uploaded.get("model_version").asText(), uploaded.toString());
            MlpClassifier classifier = new ModelArtifactStore(
                            stack.environment.app().documents())
                    .load(ModelArtifact.keyPrefix(version))
                    .classifier();
            String storedText = new String(
                    stack.environment
                            .app()
                            .documents()
                            .get("text/" + jobId + "/" + uploaded.get("id").asText() + ".txt")
                            .orElseThrow(),
                    StandardCharsets.UTF_8);
            TermVector jobEmbedding = new DynamoJobRepository(
                            stack.environment.app().dynamoDb(),
                            stack.environment.settings().tableName("jobs"))
                    .find(jobId)
                    .orElseThrow()
                    .embedding()
                    .scaled(uploaded.get("explanation").get("job_scale").asDouble());
            double expected =
                    Math.round(classifier.probability(jobId, new LexicalEmbedder().embed(storedText), jobEmbedding)
                                    * 10_000)
                            / 100.0;
            // the model's own score; the result's score blends it with similar applicants' once the job has ten
            assertEquals(expected, uploaded.get("explanation").get("own_score").asDouble(), 1e-9);

            // a 50/50 split: about half the results to each model, each result id always to the same one
            assertEquals(
                    200,
                    stack.postJson(
                                    "/api/v1/models/activate",
                                    Map.of("champion", "0", "challenger", version, "challenger_weight", 50))
                            .statusCode());
            RegistryModelSelector selector = new RegistryModelSelector(
                    new DynamoModelRegistryStore(
                            stack.environment.app().dynamoDb(),
                            stack.environment.settings().tableName("models")),
                    new ModelArtifactStore(stack.environment.app().documents()),
                    new LexicalEmbedder(),
                    Clock.systemUTC(),
                    Duration.ofMinutes(1));
            int toChallenger = 0;
            for (int i = 0; i < 1000; i++) {
                ScoringModel model = selector.forResult("result-" + i);
                assertEquals(model.version(), selector.forResult("result-" + i).version());
                toChallenger += model.version().equals(version) ? 1 : 0;
            }
            assertTrue(toChallenger > 420 && toChallenger < 580, "challenger got " + toChallenger + " of 1000");

            // rollback: the champion before the 50/50 activation was the trained model
            JsonNode rolledBack = json(stack.postJson("/api/v1/models/rollback", Map.of()));
            assertEquals(
                    version, rolledBack.get("active").get("champion_version").asText(), rolledBack.toString());
            JsonNode history = json(stack.get("/api/v1/models")).get("activations");
            assertEquals(3, history.size(), history.toString());
            assertEquals(version, history.get(0).get("champion_version").asText());
            assertEquals("0", history.get(0).get("previous_champion").asText());
            assertEquals("0", history.get(1).get("champion_version").asText());
            assertEquals(version, history.get(1).get("challenger_version").asText());
            assertEquals(version, history.get(2).get("champion_version").asText());
            assertTrue(history.get(2).get("actor").asText().startsWith("training:"));
        }
    }

    @Test
    void trainingThatThrowsHalfWayFailsTheRunReleasesTheLockAndKeepsTheActiveModel() throws Exception {
        try (TestStack stack = TestStack.start(SETTINGS)) {
            ReviewedPairs.store(stack, 20, 3);
            ModelTrainer failing = (samples, version, log) -> {
                log.accept("epoch 1/50 train_loss=0.69");
                throw new IllegalStateException("out of memory at epoch 2");
            };
            Map<String, Object> report = training(stack.environment.app(), failing)
                    .run(new TrainingRequest(false, true, 10, null, TrainingRequest.DIRECT));
            assertEquals("FAILED", report.get("state"));
            assertTrue(String.valueOf(report.get("reason")).contains("out of memory at epoch 2"), report.toString());
            assertTrue(lockItem(stack).isEmpty(), "the lock must be released");
            JsonNode models = json(stack.get("/api/v1/models"));
            assertEquals("0", models.get("active").get("champion_version").asText());
            assertEquals(1, models.get("models").size(), "only the similarity model");
            assertEquals(
                    20,
                    json(stack.get("/api/v1/feedback/training-status"))
                            .get("new_samples_since_last_training")
                            .asLong(),
                    "a failed run consumes no samples");
            String log = new String(
                    stack.environment
                            .app()
                            .documents()
                            .get("logs/training/" + report.get("run_id") + ".log")
                            .orElseThrow(),
                    StandardCharsets.UTF_8);
            assertTrue(log.contains("epoch 1/50") && log.contains("FAILED"), log);
        }
    }

    @Test
    void anUnexpectedFailureIsAnsweredWithAMessageAndTheRunIdAndNoInternals() throws Exception {
        try (TestStack stack = TestStack.start(SETTINGS)) {
            ReviewedPairs.store(stack, 20, 3);
            ModelTrainer failing = (samples, version, log) -> {
                throw new NullPointerException("Cannot invoke \"float[].clone()\" because \"weights\" is null");
            };
            Map<String, Object> report = training(stack.environment.app(), failing)
                    .run(new TrainingRequest(false, true, 10, null, TrainingRequest.DIRECT));
            String runId = String.valueOf(report.get("run_id"));
            HttpResponse<String> response = stack.get("/api/v1/training/runs/" + runId);
            assertEquals(200, response.statusCode(), response.body());
            JsonNode run = json(response);
            assertEquals("FAILED", run.get("state").asText());
            assertEquals(runId, run.get("run_id").asText());
            assertEquals(
                    "training failed on an internal error; the run's log has the details",
                    run.get("reason").asText());
            for (String internal : List.of("Exception", "java.", "Cannot invoke", "logs/training/", ".log")) {
                assertFalse(response.body().contains(internal), internal + " in " + response.body());
            }
            String log = new String(
                    stack.environment
                            .app()
                            .documents()
                            .get("logs/training/" + runId + ".log")
                            .orElseThrow(),
                    StandardCharsets.UTF_8);
            assertTrue(log.contains("java.lang.NullPointerException: Cannot invoke"), log);
        }
    }

    @Test
    void triggeringTrainingThatIsNotDueSaysWhatIsMissingAndStartsNoRun() throws Exception {
        try (TestStack stack = TestStack.start(Map.of("TRAINING_THRESHOLD", "30"))) {
            ReviewedPairs.store(stack, 12, 3);
            HttpResponse<String> notDue = stack.postJson("/api/v1/feedback/trigger-training", Map.of());
            assertEquals(409, notDue.statusCode(), notDue.body());
            JsonNode error = json(notDue).get("error");
            assertEquals("training_not_due", error.get("code").asText(), notDue.body());
            assertTrue(
                    error.get("message")
                            .asText()
                            .contains("12 new reviews since the last training, 30 needed (18 more)"),
                    notDue.body());
            HttpResponse<String> tooFew =
                    stack.postJson("/api/v1/feedback/trigger-training", Map.of("force", true, "min_samples", 20));
            assertEquals(409, tooFew.statusCode(), tooFew.body());
            assertTrue(json(tooFew).at("/error/message").asText().contains("(8 more)"), tooFew.body());
            assertEquals(
                    0,
                    stack.environment
                            .app()
                            .dynamoDb()
                            .scan(b -> b.tableName(stack.environment.settings().tableName("training_runs")))
                            .count(),
                    "no run was started");

            HttpResponse<String> forced =
                    stack.postJson("/api/v1/feedback/trigger-training", Map.of("force", true, "min_samples", 10));
            assertEquals(202, forced.statusCode(), forced.body());
            stack.environment.trainingLauncher().awaitIdle(5, TimeUnit.MINUTES);
        }
    }

    @Test
    void twoRunsAtOnceTrainOnlyOnce() throws Exception {
        try (TestStack stack = TestStack.start(SETTINGS)) {
            ReviewedPairs.store(stack, 20, 4);
            CountDownLatch training = new CountDownLatch(1);
            CountDownLatch finish = new CountDownLatch(1);
            AtomicInteger trainings = new AtomicInteger();
            ModelTrainer slow = (samples, version, log) -> {
                trainings.incrementAndGet();
                training.countDown();
                try {
                    finish.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("stopped by the test");
            };
            ScheduledTraining service = training(stack.environment.app(), slow);
            TrainingRequest request = new TrainingRequest(false, true, 10, null, TrainingRequest.SCHEDULE);
            CompletableFuture<Map<String, Object>> first = CompletableFuture.supplyAsync(() -> service.run(request));
            assertTrue(training.await(2, TimeUnit.MINUTES));
            Map<String, Object> second = service.run(request);
            finish.countDown();
            assertEquals("SKIPPED", second.get("state"));
            assertTrue(String.valueOf(second.get("reason")).startsWith("locked"), second.toString());
            assertEquals("FAILED", first.get(2, TimeUnit.MINUTES).get("state"));
            assertEquals(1, trainings.get());
        }
    }

    @Test
    void corruptArtifactsAreNeitherRegisteredNorActivated() throws Exception {
        try (TestStack stack = TestStack.start(SETTINGS)) {
            var documents = stack.environment.app().documents();
            ModelArtifact good = randomModel("manual-1");
            new ModelArtifactStore(documents).save(ModelArtifact.keyPrefix("manual-1"), good);
            byte[] flipped = good.weightsBytes();
            flipped[flipped.length / 2] ^= 0x01;
            documents.put("uploads/corrupt/" + ModelArtifact.WEIGHTS_FILE, flipped, "application/octet-stream");
            documents.put("uploads/corrupt/" + ModelArtifact.METADATA_FILE, good.metadataJson(), "application/json");

            HttpResponse<String> corrupt = stack.postJson(
                    "/api/v1/models/register",
                    Map.of(
                            "model_path",
                            "s3://" + stack.environment.settings().bucket() + "/uploads/corrupt/",
                            "version",
                            "manual-2",
                            "activate",
                            true));
            assertEquals(422, corrupt.statusCode(), corrupt.body());
            assertEquals(
                    "model_integrity", json(corrupt).get("error").get("code").asText());

            HttpResponse<String> registered = stack.postJson(
                    "/api/v1/models/register",
                    Map.of("model_path", "models/classifier/manual-1/", "version", "manual-1"));
            assertEquals(201, registered.statusCode(), registered.body());
            documents.put(ModelArtifact.weightsKey("manual-1"), flipped, "application/octet-stream");
            HttpResponse<String> activate = stack.postJson("/api/v1/models/activate", Map.of("champion", "manual-1"));
            assertEquals(422, activate.statusCode(), activate.body());
            assertEquals(
                    "model_integrity", json(activate).get("error").get("code").asText());

            JsonNode models = json(stack.get("/api/v1/models"));
            assertEquals("0", models.get("active").get("champion_version").asText());
            assertEquals(2, models.get("models").size(), models.toString());
            assertEquals(0, models.get("activations").size());
        }
    }

    @Test
    void aMissingBucketFailsTheRunAndActivatesNothing() throws Exception {
        try (TestStack stack = TestStack.start(SETTINGS)) {
            ReviewedPairs.store(stack, 20, 5);
            AppComponent noBucket = AppComponent.create(
                    stack.environment.settings().with(Contract.get().bucketEnv(), "missing-" + System.nanoTime()));
            ModelTrainer unreachable = (samples, version, log) -> {
                throw new AssertionError("nothing to train without the training data");
            };
            Map<String, Object> report = training(noBucket, unreachable)
                    .run(new TrainingRequest(false, true, 10, null, TrainingRequest.DIRECT));
            assertEquals("FAILED", report.get("state"), report.toString());
            assertFalse((Boolean) report.get("activated"));
            assertTrue(lockItem(stack).isEmpty());
            assertEquals(
                    "0",
                    json(stack.get("/api/v1/models"))
                            .get("active")
                            .get("champion_version")
                            .asText());
        }
    }

    private static ScheduledTraining training(AppComponent app, ModelTrainer trainer) {
        return app.scheduledTraining().create(trainer, NO_SAGEMAKER);
    }

    private static Map<String, ?> lockItem(TestStack stack) {
        return stack.environment
                .app()
                .dynamoDb()
                .getItem(b -> b.tableName(stack.environment.settings().tableName("locks"))
                        .consistentRead(true)
                        .key(Map.of(
                                "lock_id",
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("training"))))
                .item();
    }

    private static String modelStatus(JsonNode models, String version) {
        for (JsonNode model : models.get("models")) {
            if (model.get("version").asText().equals(version)) {
                return model.get("status").asText();
            }
        }
        throw new AssertionError("no model " + version + " in " + models);
    }

    /** An untrained but well-formed model for the local embedder. */
    static ModelArtifact randomModel(String version) {
        int input = PairFeatures.DIMENSION;
        int hidden = 4;
        Random random = new Random(11);
        float[] w1 = new float[input * hidden];
        for (int i = 0; i < w1.length; i++) {
            w1[i] = (float) random.nextGaussian() * 0.01f;
        }
        MlpWeights weights = MlpWeights.ofFlat(input, hidden, w1, new float[hidden], new float[] {1, -1, 1, -1}, 0f);
        return HandMadeModels.of(version, weights);
    }
}
