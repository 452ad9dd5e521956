package dev.resumescreening.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A trained classifier as stored under {@code models/classifier/{version}/}: {@value #WEIGHTS_FILE} (the
 * {@link MlpWeights} binary format) and {@value #METADATA_FILE} ({@link ModelMetadata} as JSON).
 *
 * <p>Reading does not verify; call {@link #verify()} (or {@link #classifier()}, which verifies) before serving.
 */
public final class ModelArtifact {

    public static final String WEIGHTS_FILE = "weights.bin";
    public static final String METADATA_FILE = "metadata.json";
    public static final String FRAMEWORK = "djl-pytorch";
    public static final String KEY_PREFIX = "models/classifier/";
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final ModelMetadata metadata;
    private final byte[] weightsBytes;

    /** Pairs metadata with weights bytes as they are; nothing is checked until {@link #verify()}. */
    public ModelArtifact(ModelMetadata metadata, byte[] weightsBytes) {
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.weightsBytes = Objects.requireNonNull(weightsBytes, "weightsBytes").clone();
    }

    /** Builds the artifact of freshly trained weights: fills in the dimensions, format version and checksum. */
    public static ModelArtifact of(MlpWeights weights, ModelMetadata metadata) {
        byte[] bytes = weights.toBytes();
        ModelMetadata filled = new ModelMetadata(
                requireVersion(metadata.version()),
                metadata.framework(),
                metadata.createdAt(),
                metadata.hyperparameters(),
                metadata.metrics(),
                metadata.trainingSamples(),
                metadata.featureLayout(),
                metadata.embeddingDimension(),
                weights.inputDim(),
                weights.hiddenDim(),
                MlpWeights.FORMAT_VERSION,
                MlpWeights.sha256Hex(bytes),
                metadata.bestEpoch(),
                metadata.epochsRun(),
                metadata.trainingSeconds());
        return new ModelArtifact(filled, bytes);
    }

    /** Folder key for a version: {@code models/classifier/{version}/}. */
    public static String keyPrefix(String version) {
        return KEY_PREFIX + requireVersion(version) + "/";
    }

    public static String weightsKey(String version) {
        return keyPrefix(version) + WEIGHTS_FILE;
    }

    public static String metadataKey(String version) {
        return keyPrefix(version) + METADATA_FILE;
    }

    /** Versions become path segments: letters, digits, '.', '_' and '-', not starting with a separator. */
    public static String requireVersion(String version) {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("invalid model version '" + version
                    + "': use 1-128 of [A-Za-z0-9._-], starting with a letter or digit");
        }
        return version;
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    public String version() {
        return metadata.version();
    }

    /** Contents of {@value #WEIGHTS_FILE}. */
    public byte[] weightsBytes() {
        return weightsBytes.clone();
    }

    /** Contents of {@value #METADATA_FILE} (UTF-8 JSON). */
    public byte[] metadataJson() {
        try {
            return JSON.writeValueAsBytes(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise model metadata", e);
        }
    }

    public static ModelMetadata parseMetadata(byte[] json) {
        try {
            return JSON.readValue(json, ModelMetadata.class);
        } catch (IOException e) {
            throw new ModelIntegrityException("malformed " + METADATA_FILE + ": " + e.getMessage(), e);
        }
    }

    /** From the two files' bytes; not verified. */
    public static ModelArtifact fromBytes(byte[] weightsBytes, byte[] metadataJson) {
        return new ModelArtifact(parseMetadata(metadataJson), weightsBytes);
    }

    /**
     * Checks the weights against the metadata: SHA-256, weights format, and dimensions.
     *
     * @return this, for chaining
     * @throws ModelIntegrityException naming the version and what does not match
     */
    public ModelArtifact verify() {
        String expected = metadata.weightsSha256();
        String actual = MlpWeights.sha256Hex(weightsBytes);
        if (expected == null || expected.isBlank()) {
            throw new ModelIntegrityException("model " + metadata.version() + ": " + METADATA_FILE
                    + " has no weights_sha256; refusing unverifiable weights");
        }
        if (!expected.equalsIgnoreCase(actual)) {
            throw new ModelIntegrityException("model " + metadata.version() + ": " + WEIGHTS_FILE + " sha256 " + actual
                    + " does not match weights_sha256 " + expected + " in " + METADATA_FILE + "; refusing to load");
        }
        MlpWeights weights;
        try {
            weights = MlpWeights.fromBytes(weightsBytes);
        } catch (IllegalArgumentException e) {
            throw new ModelIntegrityException("model " + metadata.version() + ": " + e.getMessage(), e);
        }
        if (weights.inputDim() != metadata.inputDimension() || weights.hiddenDim() != metadata.hiddenDimension()) {
            throw new ModelIntegrityException(
                    "model " + metadata.version() + ": weights are " + weights.inputDim() + "x"
                            + weights.hiddenDim() + " but metadata says input_dimension=" + metadata.inputDimension()
                            + ", hidden_dimension=" + metadata.hiddenDimension());
        }
        if (weights.inputDim() != PairFeatures.DIMENSION) {
            throw new ModelIntegrityException("model " + metadata.version() + ": input_dimension " + weights.inputDim()
                    + " is not the " + PairFeatures.DIMENSION + " pair features this release computes (a model of an"
                    + " earlier release: train a new one)");
        }
        // same count, other meaning: weights learned for other features would score every pair wrongly, silently
        if (!PairFeatures.LAYOUT.equals(metadata.featureLayout())) {
            throw new ModelIntegrityException("model " + metadata.version() + ": feature_layout "
                    + (metadata.featureLayout() == null ? "missing" : "\"" + metadata.featureLayout() + "\"")
                    + " is not the layout this release computes (\"" + PairFeatures.LAYOUT
                    + "\"): train a new one");
        }
        return this;
    }

    /** Verified weights. */
    public MlpWeights weights() {
        verify();
        return MlpWeights.fromBytes(weightsBytes);
    }

    /** Verified, ready-to-serve classifier. */
    public MlpClassifier classifier() {
        return new MlpClassifier(weights());
    }

    /** Writes {@value #WEIGHTS_FILE} and {@value #METADATA_FILE} into {@code directory} (created if missing). */
    public void writeTo(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.write(directory.resolve(WEIGHTS_FILE), weightsBytes);
            Files.write(directory.resolve(METADATA_FILE), metadataJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model to " + directory, e);
        }
    }

    /** Reads the two files from {@code directory}; not verified. */
    public static ModelArtifact readFrom(Path directory) {
        try {
            return fromBytes(
                    Files.readAllBytes(directory.resolve(WEIGHTS_FILE)),
                    Files.readAllBytes(directory.resolve(METADATA_FILE)));
        } catch (NoSuchFileException e) {
            throw new ModelIntegrityException("model file missing: " + e.getFile(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model from " + directory, e);
        }
    }

    @Override
    public String toString() {
        return "ModelArtifact[version=" + metadata.version() + ", sha256=" + metadata.weightsSha256() + "]";
    }
}
