package dev.resumescreening.trainer;

import dev.resumescreening.model.ClassificationMetrics;
import dev.resumescreening.model.Hyperparameters;
import dev.resumescreening.model.MlpWeights;
import dev.resumescreening.model.ModelArtifact;
import dev.resumescreening.model.ModelMetadata;
import dev.resumescreening.model.PairFeatures;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Result of {@link MlpTrainer#train}: the best epoch's weights (for raw {@link PairFeatures}) and how they did.
 *
 * @param testMetrics        held-out test split, computed with {@code MlpClassifier} on {@link #weights()}
 * @param validationMetrics  validation split, same way
 * @param bestEpoch          1-based epoch whose weights were kept (lowest validation loss); 0 = the warm start
 *                           (the similarity baseline) was never beaten
 * @param epochsRun          epochs actually run (fewer than {@code hp.epochs()} when early stopping triggered)
 * @param epochs             one entry per epoch run
 * @param logLines           human-readable per-epoch lines (train loss, val loss, val auc)
 * @param testIndices        indices into the input list of the test split (ascending)
 * @param testSampleIds      their {@code TrainingSample.id()}s, same order
 * @param positiveWeight     weight of positive samples in the loss (1 unless {@code balance_classes})
 */
public record TrainingOutcome(
        MlpWeights weights,
        ClassificationMetrics testMetrics,
        ClassificationMetrics validationMetrics,
        int bestEpoch,
        int epochsRun,
        List<EpochStats> epochs,
        List<String> logLines,
        int[] testIndices,
        List<String> testSampleIds,
        ModelMetadata.SampleCounts sampleCounts,
        int embeddingDimension,
        Hyperparameters hyperparameters,
        double positiveWeight,
        Duration trainingDuration) {

    /** One epoch: mean training loss, validation loss and ROC AUC of that epoch's weights. */
    public record EpochStats(int epoch, double trainLoss, double validationLoss, double validationAuc) {}

    @Override
    public int[] testIndices() {
        return testIndices.clone();
    }

    /** {@code {"test": ..., "validation": ...}} in that order. */
    public Map<String, ClassificationMetrics> metrics() {
        Map<String, ClassificationMetrics> m = new LinkedHashMap<>();
        m.put(ModelMetadata.METRICS_TEST, testMetrics);
        m.put(ModelMetadata.METRICS_VALIDATION, validationMetrics);
        return m;
    }

    /** Packs the outcome as a storable model ({@code weights.bin} + {@code metadata.json}). */
    public ModelArtifact toArtifact(String version, Instant createdAt) {
        ModelMetadata metadata = new ModelMetadata(
                version,
                ModelArtifact.FRAMEWORK,
                createdAt.truncatedTo(ChronoUnit.SECONDS).toString(),
                hyperparameters,
                metrics(),
                sampleCounts,
                PairFeatures.LAYOUT,
                embeddingDimension,
                0,
                0,
                0,
                null,
                bestEpoch,
                epochsRun,
                trainingDuration.toMillis() / 1000.0);
        return ModelArtifact.of(weights, metadata);
    }
}
