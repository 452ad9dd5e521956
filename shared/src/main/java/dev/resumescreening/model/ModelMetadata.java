package dev.resumescreening.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Contents of {@code metadata.json} beside {@code weights.bin} (see {@link ModelArtifact}). JSON names are snake_case;
 * unknown fields are ignored on read so newer writers stay readable.
 *
 * @param version           model version, also the folder name under {@code models/classifier/}
 * @param framework         {@code "djl-pytorch"} for models from the trainer
 * @param createdAt         ISO-8601 instant, e.g. {@code 2025-01-31T12:00:00Z}
 * @param metrics           by split name: {@code "test"} (held-out, as served) and {@code "validation"}
 * @param featureLayout     {@link PairFeatures#LAYOUT}
 * @param weightsSha256     lower-case hex SHA-256 of {@code weights.bin}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelMetadata(
        @JsonProperty("version") String version,
        @JsonProperty("framework") String framework,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("hyperparameters") Hyperparameters hyperparameters,
        @JsonProperty("metrics") Map<String, ClassificationMetrics> metrics,
        @JsonProperty("training_samples") SampleCounts trainingSamples,
        @JsonProperty("feature_layout") String featureLayout,
        @JsonProperty("embedding_dimension") int embeddingDimension,
        @JsonProperty("input_dimension") int inputDimension,
        @JsonProperty("hidden_dimension") int hiddenDimension,
        @JsonProperty("weights_format_version") int weightsFormatVersion,
        @JsonProperty("weights_sha256") String weightsSha256,
        @JsonProperty("best_epoch") int bestEpoch,
        @JsonProperty("epochs_run") int epochsRun,
        @JsonProperty("training_seconds") double trainingSeconds) {

    public static final String METRICS_TEST = "test";
    public static final String METRICS_VALIDATION = "validation";

    /** How many labelled pairs went into training, and how they were split. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SampleCounts(
            @JsonProperty("total") int total,
            @JsonProperty("positive") int positive,
            @JsonProperty("negative") int negative,
            @JsonProperty("train") int train,
            @JsonProperty("validation") int validation,
            @JsonProperty("test") int test) {}

    /** Same metadata with another checksum (used when the weights are attached). */
    public ModelMetadata withWeightsSha256(String sha256) {
        return new ModelMetadata(
                version,
                framework,
                createdAt,
                hyperparameters,
                metrics,
                trainingSamples,
                featureLayout,
                embeddingDimension,
                inputDimension,
                hiddenDimension,
                weightsFormatVersion,
                sha256,
                bestEpoch,
                epochsRun,
                trainingSeconds);
    }
}
