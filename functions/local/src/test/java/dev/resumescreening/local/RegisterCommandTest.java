package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resumescreening.model.ModelArtifact;
import dev.resumescreening.registry.ModelRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code register}: a model the evaluation gate rejected goes live from the command line only with --force. */
class RegisterCommandTest {
    private static final String VERSION = "v1";

    @TempDir
    Path dataDir;

    @Test
    void aRejectedModelIsActivatedOnlyWithForce() {
        try (LocalEnvironment environment = LocalEnvironment.start(dataDir, null)) {
            ModelArtifact model = TrainingLoopIntegrationTest.randomModel(VERSION);
            var documents = environment.app().documents();
            documents.put(ModelArtifact.weightsKey(VERSION), model.weightsBytes(), "application/octet-stream");
            documents.put(ModelArtifact.metadataKey(VERSION), model.metadataJson(), "application/json");
            ModelRegistry registry = environment.app().modelRegistry();
            registry.register(ModelArtifact.keyPrefix(VERSION), VERSION, false, false, "test");
            registry.reject(VERSION);
        }
        String modelPath = ModelArtifact.keyPrefix(VERSION);

        CommandRun refused = register("--model-path", modelPath, "--version", VERSION, "--activate");
        assertEquals(1, refused.exitCode(), refused.err());
        assertEquals(
                "error: model_rejected: model v1 was rejected by the evaluation gate; add --force to activate it anyway",
                refused.err().strip());

        CommandRun forceAlone = register("--model-path", modelPath, "--version", VERSION, "--force");
        assertEquals(2, forceAlone.exitCode(), forceAlone.err());
        assertTrue(forceAlone.err().startsWith("error: --force only applies with --activate"), forceAlone.err());

        CommandRun forced = register("--model-path", modelPath, "--version", VERSION, "--activate", "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertTrue(
                forced.out().contains("registered model v1 (ACTIVE")
                        && forced.out().contains("live: v1"),
                forced.out());
    }

    private CommandRun register(String... options) {
        List<String> args = new ArrayList<>(List.of("register"));
        args.addAll(List.of(options));
        args.add("--data-dir");
        args.add(dataDir.toString());
        return CommandRun.of(args.toArray(String[]::new));
    }
}
