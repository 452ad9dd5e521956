package dev.resumescreening.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resumescreening.model.ModelArtifact;
import dev.resumescreening.model.TrainingDataCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SageMakerEntryPointTest {

    private static SageMakerEntryPoint layOut(Path base, String hyperparametersJson) throws Exception {
        Files.createDirectories(base.resolve("input/config"));
        Files.createDirectories(base.resolve("input/data/train"));
        Files.writeString(base.resolve("input/config/hyperparameters.json"), hyperparametersJson);
        TrainingDataCsv.write(base.resolve("input/data/train/pairs.csv"), SyntheticPairs.separable(120, 24, 0.4, 21));
        return new SageMakerEntryPoint(base, Map.of("TRAINING_JOB_NAME", "job:42"));
    }

    @Test
    void trainsAndWritesAVerifiableModel(@TempDir Path base) throws Exception {
        SageMakerEntryPoint entry = layOut(
                base,
                "{\"epochs\": \"8\", \"hidden_size\": \"8\", \"learning_rate\": \"0.001\", \"model_version\": \"v-test\"}");
        assertEquals(0, entry.run());
        assertFalse(Files.exists(base.resolve("output/failure")));
        ModelArtifact artifact = ModelArtifact.readFrom(base.resolve("model")).verify();
        assertEquals("v-test", artifact.version());
        assertEquals("djl-pytorch", artifact.metadata().framework());
        assertEquals(8, artifact.metadata().hiddenDimension());
        assertEquals(
                120,
                artifact.weights().feedback().byJob().values().stream()
                        .mapToInt(p -> p.shortlisted() + p.rejected())
                        .sum(),
                "the served job feedback holds all 120 pairs");
        assertEquals(120, artifact.metadata().trainingSamples().total());
        assertTrue(artifact.metadata().metrics().containsKey("test"));
        assertEquals(
                artifact.metadata().trainingSamples().test(),
                Files.readAllLines(base.resolve("output/data/test_sample_ids.txt"))
                        .size());
    }

    @Test
    void versionDefaultsToTheTrainingJobName(@TempDir Path base) throws Exception {
        SageMakerEntryPoint entry = layOut(base, "{\"epochs\": \"2\", \"hidden_size\": \"4\"}");
        assertEquals(0, entry.run());
        assertEquals("job-42", ModelArtifact.readFrom(base.resolve("model")).version());
    }

    @Test
    void writesFailureForBadHyperparameters(@TempDir Path base) throws Exception {
        SageMakerEntryPoint entry = layOut(base, "{\"epochs\": \"2\", \"learning_rate\": \"fast\"}");
        assertEquals(1, entry.run());
        String reason = Files.readString(base.resolve("output/failure"));
        assertTrue(reason.contains("'learning_rate'") && reason.contains("'fast'"), reason);
        assertFalse(Files.exists(base.resolve("model/weights.bin")));
    }

    @Test
    void writesFailureWhenThereIsNoData(@TempDir Path base) throws Exception {
        Files.createDirectories(base.resolve("input/data/train"));
        assertEquals(1, new SageMakerEntryPoint(base).run());
        assertTrue(Files.readString(base.resolve("output/failure")).contains("no .csv training data files"));
    }
}
