package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.resumescreening.embedding.TermVector;
import dev.resumescreening.functions.registry.RegistryHandler;
import dev.resumescreening.json.Json;
import dev.resumescreening.model.ModelArtifact;
import dev.resumescreening.model.TrainingDataCsv;
import dev.resumescreening.model.TrainingSample;
import dev.resumescreening.training.RunState;
import dev.resumescreening.training.TrainingData;
import dev.resumescreening.training.TrainingRun;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;

/** The registry function finishing SageMaker runs from the sample "SageMaker Training Job State Change" event. */
class SageMakerRegistrationIntegrationTest {
    private static final String RUN_ID = "run-20261126-020000-3f9a1c";
    private static final String VERSION = "auto-20261126-020000-3f9a1c";

    @Test
    void aCompletedJobIsEvaluatedRegisteredAndIgnoredOnRedelivery() throws Exception {
        try (TestStack stack = TestStack.start(Map.of())) {
            ObjectNode event = sampleEvent(stack);
            launchedRun(stack);
            var documents = stack.environment.app().documents();
            // the held-out labels are arbitrary: this checks evaluation and registration, not which model wins
            ModelArtifact model = TrainingLoopIntegrationTest.randomModel(VERSION);
            List<TrainingSample> samples = List.of(sample("a", 0), sample("b", 1), sample("c", 2), sample("d", 3));
            documents.put(TrainingData.csvKey(RUN_ID), TrainingDataCsv.toCsv(samples).getBytes(StandardCharsets.UTF_8),
                    "text/csv");
            String modelKey = event.at("/detail/ModelArtifacts/S3ModelArtifacts").asText()
                    .substring(("s3://" + stack.environment.settings().bucket() + "/").length());
            documents.put(modelKey, tarGz(Map.of(ModelArtifact.WEIGHTS_FILE, model.weightsBytes(),
                    ModelArtifact.METADATA_FILE, model.metadataJson())), "application/gzip");
            documents.put(modelKey.replace("model.tar.gz", "output.tar.gz"), tarGz(Map.of("data/test_sample_ids.txt",
                    "a\nb\nc\nd\n".getBytes(StandardCharsets.UTF_8))), "application/gzip");

            JsonNode first = invoke(stack, event);
            assertEquals("SUCCEEDED", first.get("state").asText(), first.toString());
            assertEquals(VERSION, first.get("candidate_version").asText());
            assertEquals(4, first.get("metrics").get("test_samples").asInt());
            JsonNode models = Json.read(stack.get("/api/v1/models").body());
            assertTrue(models.get("models").toString().contains(VERSION), models.toString());
            assertEquals(1, stack.objectCount(ModelArtifact.weightsKey(VERSION)));

            JsonNode again = invoke(stack, event);
            assertTrue(again.get("ignored").asBoolean(), again.toString());
            assertEquals(first.get("activated").asBoolean(),
                    VERSION.equals(models.get("active").get("champion_version").asText()));
        }
    }

    @Test
    void aFailedJobFailsItsRun() throws Exception {
        try (TestStack stack = TestStack.start(Map.of())) {
            ObjectNode event = sampleEvent(stack);
            ((ObjectNode) event.get("detail")).put("TrainingJobStatus", "Failed")
                    .put("FailureReason", "AlgorithmError: need at least 10 labelled pairs");
            launchedRun(stack);
            JsonNode result = invoke(stack, event);
            assertEquals("FAILED", result.get("state").asText(), result.toString());
            assertTrue(result.get("reason").asText().contains("need at least 10 labelled pairs"));
            JsonNode run = Json.read(stack.get("/api/v1/training/runs/" + RUN_ID).body());
            assertEquals("FAILED", run.get("state").asText());
        }
    }

    private static TrainingSample sample(String id, int index) {
        TermVector job = TermVector.normalised(Map.of(index, 1.0), 1);
        TermVector resume = TermVector.normalised(Map.of(index + 10, 1.0), 1);
        return new TrainingSample(id, "job-" + index, resume, job, index % 2);
    }

    private static ObjectNode sampleEvent(TestStack stack) throws Exception {
        Path file = TestStack.samples().resolveSibling("events").resolve("registry-sagemaker-state-change.json");
        String bucket = stack.environment.settings().bucket();
        return (ObjectNode) Json.read(Files.readString(file).replace("resume-screening-data", bucket));
    }

    private static void launchedRun(TestStack stack) {
        TrainingRun queued = TrainingRun.queued(RUN_ID, "api", "2026-11-26T02:00:00.000Z");
        TrainingRun launched = queued.running("2026-11-26T02:00:01.000Z").withSamples(6000, 6000, TrainingRun.SAGEMAKER)
                .launched("resume-screening-" + RUN_ID, VERSION);
        assertEquals(RunState.LAUNCHED, launched.state());
        new dev.resumescreening.adapters.dynamodb.DynamoTrainingRunStore(stack.environment.app().dynamoDb(),
                stack.environment.settings().tableName("training_runs")).save(launched);
    }

    private static JsonNode invoke(TestStack stack, JsonNode event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RegistryHandler(stack.environment.app()).handleRequest(
                new ByteArrayInputStream(Json.writeBytes(event)), out, null);
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
}
