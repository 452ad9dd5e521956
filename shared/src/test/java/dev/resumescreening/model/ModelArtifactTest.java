package dev.resumescreening.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArtifactTest {

    static MlpWeights weights() {
        // embedding dim 1 -> input 3, hidden 2
        return MlpWeightsAndClassifierTest.handSet();
    }

    static ModelArtifact artifact() {
        ClassificationMetrics test = ClassificationMetrics.compute(new double[] {0.9, 0.1}, new int[] {1, 0});
        ModelMetadata md = new ModelMetadata(
                "20250131T120000Z-abc",
                ModelArtifact.FRAMEWORK,
                "2025-01-31T12:00:00Z",
                Hyperparameters.defaults(),
                Map.of(ModelMetadata.METRICS_TEST, test),
                new ModelMetadata.SampleCounts(20, 8, 12, 14, 3, 3),
                PairFeatures.LAYOUT,
                0,
                0,
                0,
                0,
                null,
                5,
                13,
                1.5);
        return ModelArtifact.of(weights(), md);
    }

    @Test
    void fillsDimensionsAndChecksum() {
        ModelMetadata md = artifact().metadata();
        assertEquals(0, md.embeddingDimension(), "term vectors have no fixed dimension");
        assertEquals(3, md.inputDimension());
        assertEquals(2, md.hiddenDimension());
        assertEquals(MlpWeights.FORMAT_VERSION, md.weightsFormatVersion());
        assertEquals(weights().sha256Hex(), md.weightsSha256());
        assertEquals("models/classifier/v1/weights.bin", ModelArtifact.weightsKey("v1"));
        assertEquals("models/classifier/v1/metadata.json", ModelArtifact.metadataKey("v1"));
        assertThrows(IllegalArgumentException.class, () -> ModelArtifact.keyPrefix("../x"));
    }

    @Test
    void jsonRoundTripWithSnakeCaseNames() {
        ModelArtifact a = artifact();
        String json = new String(a.metadataJson(), StandardCharsets.UTF_8);
        for (String key : new String[] {
            "\"version\"",
            "\"framework\" : \"djl-pytorch\"",
            "\"created_at\"",
            "\"hyperparameters\"",
            "\"batch_size\"",
            "\"metrics\"",
            "\"roc_auc\"",
            "\"training_samples\"",
            "\"feature_layout\"",
            "\"embedding_dimension\"",
            "\"weights_sha256\""
        }) {
            assertTrue(json.contains(key), key + " missing in " + json);
        }
        ModelArtifact back = ModelArtifact.fromBytes(a.weightsBytes(), a.metadataJson());
        assertEquals(a.metadata(), back.metadata());
        assertEquals(weights(), back.verify().weights());
        assertEquals(
                new MlpClassifier(weights()).probability(new float[] {1, 2, 3}),
                back.classifier().probability(new float[] {1, 2, 3}));
    }

    @Test
    void writesAndReadsTheTwoFiles(@TempDir Path dir) {
        artifact().writeTo(dir.resolve("m"));
        assertTrue(Files.isRegularFile(dir.resolve("m/weights.bin")));
        assertTrue(Files.isRegularFile(dir.resolve("m/metadata.json")));
        assertEquals(
                artifact().metadata(),
                ModelArtifact.readFrom(dir.resolve("m")).verify().metadata());
        assertThrows(ModelIntegrityException.class, () -> ModelArtifact.readFrom(dir.resolve("missing")));
    }

    @Test
    void refusesWeightsWhoseChecksumDoesNotMatch() {
        ModelArtifact a = artifact();
        byte[] tampered = a.weightsBytes();
        tampered[tampered.length - 1] ^= 0x01;
        ModelArtifact bad = new ModelArtifact(a.metadata(), tampered);
        ModelIntegrityException e = assertThrows(ModelIntegrityException.class, bad::verify);
        assertTrue(e.getMessage().contains("does not match weights_sha256"), e.getMessage());
        assertThrows(ModelIntegrityException.class, bad::classifier);

        ModelArtifact noChecksum = new ModelArtifact(a.metadata().withWeightsSha256(null), a.weightsBytes());
        assertThrows(ModelIntegrityException.class, noChecksum::verify);

        assertThrows(
                ModelIntegrityException.class,
                () -> ModelArtifact.fromBytes(a.weightsBytes(), "{not json".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusesDimensionMismatch() {
        ModelArtifact a = artifact();
        ModelMetadata m = a.metadata();
        ModelMetadata wrong = new ModelMetadata(
                m.version(),
                m.framework(),
                m.createdAt(),
                m.hyperparameters(),
                m.metrics(),
                m.trainingSamples(),
                m.featureLayout(),
                0,
                m.inputDimension() + 1,
                m.hiddenDimension(),
                m.weightsFormatVersion(),
                m.weightsSha256(),
                m.bestEpoch(),
                m.epochsRun(),
                m.trainingSeconds());
        assertThrows(ModelIntegrityException.class, () -> new ModelArtifact(wrong, a.weightsBytes()).verify());

        MlpWeights earlierLayout = MlpWeights.ofFlat(5, 1, new float[5], new float[1], new float[1], 0f);
        ModelArtifact earlier = ModelArtifact.of(earlierLayout, m);
        ModelIntegrityException e = assertThrows(ModelIntegrityException.class, earlier::verify);
        assertTrue(e.getMessage().contains("earlier release"), e.getMessage());
    }

    @Test
    void refusesWeightsLearnedForAnotherFeatureLayout() {
        ModelArtifact a = artifact();
        String json = new String(a.metadataJson(), StandardCharsets.UTF_8);
        String otherLayout = json.replace("trust=m/(m+" + PairFeatures.TRUST_HALF + ")", "trust=m/(m+15)");
        assertTrue(!otherLayout.equals(json), "the layout names its trust half");
        ModelArtifact other = ModelArtifact.fromBytes(a.weightsBytes(), otherLayout.getBytes(StandardCharsets.UTF_8));
        ModelIntegrityException e = assertThrows(ModelIntegrityException.class, other::verify);
        assertTrue(e.getMessage().contains("feature_layout \"[cos(resume,job)"), e.getMessage());
        assertTrue(e.getMessage().contains("train a new one"), e.getMessage());

        String noLayout = json.replace("\"" + PairFeatures.LAYOUT + "\"", "null");
        assertTrue(!noLayout.equals(json), "the layout is written as it is");
        ModelArtifact unnamed = ModelArtifact.fromBytes(a.weightsBytes(), noLayout.getBytes(StandardCharsets.UTF_8));
        e = assertThrows(ModelIntegrityException.class, unnamed::verify);
        assertTrue(e.getMessage().contains("feature_layout missing"), e.getMessage());
    }
}
