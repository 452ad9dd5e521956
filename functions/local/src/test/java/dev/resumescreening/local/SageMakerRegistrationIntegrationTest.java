package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.resumescreening.embedding.TermVector;
import dev.resumescreening.functions.registry.RegistryHandler;
import dev.resumescreening.functions.registry.SageMakerEventsHandler;
import dev.resumescreening.json.Json;
import dev.resumescreening.model.MlpWeights;
import dev.resumescreening.model.ModelArtifact;
import dev.resumescreening.model.PairFeatures;
import dev.resumescreening.model.TrainingDataCsv;
import dev.resumescreening.model.TrainingSample;
import dev.resumescreening.training.CandidateGate;
import dev.resumescreening.training.RunState;
import dev.resumescreening.training.TrainingData;
import dev.resumescreening.training.TrainingRun;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;

/** The sagemaker-events function finishing SageMaker runs from the sample "SageMaker Training Job State Change" event. */
class SageMakerRegistrationIntegrationTest {
    private static final String RUN_ID = "run-20261126-020000-3f9a1c";
    private static final String VERSION = "auto-20261126-020000-3f9a1c";
    private static final int PAIRS = 14;

    @Test
    void aCompletedJobThatRanksTheHeldOutPairsBetterGoesLiveAndRedeliveryIsIgnored() throws Exception {
        try (TestStack stack = TestStack.start(Map.of())) {
            ObjectNode event = completedJob(stack, true);

            JsonNode first = invoke(stack, event);
            assertEquals("SUCCEEDED", first.get("state").asText(), first.toString());
            assertEquals(VERSION, first.get("candidate_version").asText());
            assertEquals(PAIRS, first.get("metrics").get("test_samples").asInt());
            assertTrue(first.get("activated").asBoolean(), first.toString());
            JsonNode models = Json.read(stack.get("/api/v1/models").body());
            assertTrue(models.get("models").toString().contains(VERSION), models.toString());
            assertEquals(VERSION, models.get("active").get("champion_version").asText(), models.toString());
            assertEquals(1, stack.objectCount(ModelArtifact.weightsKey(VERSION)));

            JsonNode again = invoke(stack, event);
            assertTrue(again.get("ignored").asBoolean(), again.toString());
            assertEquals(
                    VERSION,
                    Json.read(stack.get("/api/v1/models").body())
                            .get("active")
                            .get("champion_version")
                            .asText());
        }
    }

    @Test
    void aCompletedJobThatRanksTheHeldOutPairsWorseIsRegisteredButNotActivated() throws Exception {
        try (TestStack stack = TestStack.start(Map.of())) {
            JsonNode result = invoke(stack, completedJob(stack, false));
            assertEquals("SUCCEEDED", result.get("state").asText(), result.toString());
            assertEquals(PAIRS, result.get("metrics").get("test_samples").asInt());
            assertFalse(result.get("activated").asBoolean(), result.toString());
            JsonNode models = Json.read(stack.get("/api/v1/models").body());
            assertTrue(models.get("models").toString().contains(VERSION), models.toString());
            assertEquals("0", models.get("active").get("champion_version").asText(), models.toString());
        }
    }

    /**
     * A launched run and the files its SageMaker job leaves: the candidate's weights and the held-out pairs. The
     * candidate scores resumes highest at a similarity of 0.5 and lower on both sides, and the pairs are labelled by
     * that ranking (or its reverse), with as many of each class as the gate needs and more; the live similarity model
     * (version 0), which ranks by similarity alone, cannot order them. Each pair has a job of its own, so no job
     * feedback enters the scores.
     */
    private static ObjectNode completedJob(TestStack stack, boolean candidateRanksRight) throws Exception {
        ObjectNode event = sampleEvent(stack);
        launchedRun(stack);
        var documents = stack.environment.app().documents();
        ModelArtifact model = peakedModel(VERSION);
        Random random = new Random(5);
        TermVector job = TermVector.normalised(Map.of(0, 1.0), 1);
        List<TermVector> resumes = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            double similarity = random.nextDouble();
            TermVector resume =
                    TermVector.normalised(Map.of(0, similarity, 1 + i, Math.sqrt(1 - similarity * similarity)), 2);
            resumes.add(resume);
            scores.add(model.classifier().probability("job-" + i, resume, job));
        }
        double median = scores.stream().sorted().toList().get(PAIRS / 2);
        List<TrainingSample> samples = new ArrayList<>();
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < PAIRS; i++) {
            boolean high = scores.get(i) >= median;
            samples.add(
                    new TrainingSample("p" + i, "job-" + i, resumes.get(i), job, high == candidateRanksRight ? 1 : 0));
            ids.append("p").append(i).append('\n');
        }
        assertTrue(samples.stream().filter(s -> s.label() == 1).count() >= CandidateGate.MIN_HELD_OUT_PER_CLASS + 1);
        assertTrue(samples.stream().filter(s -> s.label() == 0).count() >= CandidateGate.MIN_HELD_OUT_PER_CLASS + 1);
        documents.put(
                TrainingData.csvKey(RUN_ID),
                TrainingDataCsv.toCsv(samples).getBytes(StandardCharsets.UTF_8),
                "text/csv");
        String modelKey = event.at("/detail/ModelArtifacts/S3ModelArtifacts")
                .asText()
                .substring(("s3://" + stack.environment.settings().bucket() + "/").length());
        documents.put(
                modelKey,
                tarGz(Map.of(
                        ModelArtifact.WEIGHTS_FILE,
                        model.weightsBytes(),
                        ModelArtifact.METADATA_FILE,
                        model.metadataJson())),
                "application/gzip");
        documents.put(
                modelKey.replace("model.tar.gz", "output.tar.gz"),
                tarGz(Map.of("data/test_sample_ids.txt", ids.toString().getBytes(StandardCharsets.UTF_8))),
                "application/gzip");
        return event;
    }

    @Test
    void aFailedJobFailsItsRun() throws Exception {
        try (TestStack stack = TestStack.start(Map.of())) {
            ObjectNode event = sampleEvent(stack);
            ((ObjectNode) event.get("detail"))
                    .put("TrainingJobStatus", "Failed")
                    .put("FailureReason", "AlgorithmError: need at least 10 labelled pairs");
            launchedRun(stack);
            JsonNode result = invoke(stack, event);
            assertEquals("FAILED", result.get("state").asText(), result.toString());
            assertTrue(result.get("reason").asText().contains("need at least 10 labelled pairs"));
            JsonNode run =
                    Json.read(stack.get("/api/v1/training/runs/" + RUN_ID).body());
            assertEquals("FAILED", run.get("state").asText());
        }
    }

    @Test
    void theRegistryAndTheSageMakerEventsFunctionEachRefuseTheOthersEvents() throws Exception {
        try (TestStack stack = TestStack.start(Map.of())) {
            byte[] stateChange = Json.writeBytes(sampleEvent(stack));
            IllegalArgumentException api = assertThrows(
                    IllegalArgumentException.class,
                    () -> new RegistryHandler(stack.environment.app())
                            .handleRequest(new ByteArrayInputStream(stateChange), new ByteArrayOutputStream(), null));
            assertTrue(
                    api.getMessage().contains("API Gateway requests only")
                            && api.getMessage().contains("sagemaker-events"),
                    api.getMessage());

            Path events = TestStack.samples().resolveSibling("events");
            for (String sample : List.of("registry-list.json", "scheduled-training-cron.json")) {
                byte[] other = Files.readAllBytes(events.resolve(sample));
                IllegalArgumentException refused = assertThrows(
                        IllegalArgumentException.class,
                        () -> new SageMakerEventsHandler(stack.environment.app())
                                .handleRequest(new ByteArrayInputStream(other), new ByteArrayOutputStream(), null));
                assertTrue(
                        refused.getMessage().contains("\"SageMaker Training Job State Change\" events only"),
                        sample + ": " + refused.getMessage());
            }
        }
    }

    private static ObjectNode sampleEvent(TestStack stack) throws Exception {
        Path file = TestStack.samples().resolveSibling("events").resolve("sagemaker-events-state-change.json");
        String bucket = stack.environment.settings().bucket();
        return (ObjectNode) Json.read(Files.readString(file).replace("resume-screening-data", bucket));
    }

    private static void launchedRun(TestStack stack) {
        TrainingRun queued = TrainingRun.queued(RUN_ID, "api", "2026-11-26T02:00:00.000Z");
        TrainingRun launched = queued.running("2026-11-26T02:00:01.000Z")
                .withSamples(6000, 6000, TrainingRun.SAGEMAKER)
                .launched("resume-screening-" + RUN_ID, VERSION);
        assertEquals(RunState.LAUNCHED, launched.state());
        new dev.resumescreening.adapters.dynamodb.DynamoTrainingRunStore(
                        stack.environment.app().dynamoDb(),
                        stack.environment.settings().tableName("training_runs"))
                .save(launched);
    }

    private static JsonNode invoke(TestStack stack, JsonNode event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SageMakerEventsHandler(stack.environment.app())
                .handleRequest(new ByteArrayInputStream(Json.writeBytes(event)), out, null);
        return Json.read(out.toByteArray());
    }

    private static byte[] tarGz(Map<String, byte[]> files) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            for (Map.Entry<String, byte[]> file : new LinkedHashMap<>(files).entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(file.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(file.getValue());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** {@code logit = 5 - 10 |similarity - 0.5|}: highest in the middle of the similarity range. */
    private static ModelArtifact peakedModel(String version) {
        int input = PairFeatures.DIMENSION;
        float[] w1 = new float[2 * input];
        w1[PairFeatures.COSINE] = 1f;
        w1[input + PairFeatures.COSINE] = -1f;
        MlpWeights weights = MlpWeights.ofFlat(input, 2, w1, new float[] {-0.5f, 0.5f}, new float[] {-10f, -10f}, 5f);
        return HandMadeModels.of(version, weights);
    }
}
