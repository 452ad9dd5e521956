package dev.resumescreening.review;

import dev.resumescreening.registry.ModelRegistryStore;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;

/**
 * Training readiness from the counters item alone: one read whatever the table size. Training is due when the
 * reviews added since the last training reach the threshold (before any training, that is all reviews).
 */
@Singleton
public final class TrainingStatusService {
    public static final String THRESHOLD = "trainingThreshold";
    static final double BALANCE_LOW = 0.40;
    static final double BALANCE_HIGH = 0.60;

    private final ReviewStore reviews;
    private final ModelRegistryStore models;
    private final long threshold;

    @Inject
    public TrainingStatusService(ReviewStore reviews, ModelRegistryStore models, @Named(THRESHOLD) long threshold) {
        this.reviews = reviews;
        this.models = models;
        this.threshold = threshold;
    }

    public Map<String, Object> status() {
        ReviewCounts counts = reviews.counts();
        long needed = Math.max(0, threshold - counts.newSamplesSinceLastTraining());
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("total_samples", counts.totalSamples());
        status.put("positive_samples", counts.positiveSamples());
        status.put("negative_samples", counts.negativeSamples());
        status.put("needs_retraining", counts.needsRetraining());
        status.put("new_samples_since_last_training", counts.newSamplesSinceLastTraining());
        status.put("ready_for_training", needed == 0 && counts.totalSamples() > 0);
        status.put("samples_needed", needed);
        status.put("threshold", threshold);
        status.put("active_model_version", models.pointer().championVersion());
        status.put("class_balance_warning", balanceWarning(counts));
        return status;
    }

    static String balanceWarning(ReviewCounts counts) {
        if (counts.totalSamples() == 0) {
            return null;
        }
        double positive = (double) counts.positiveSamples() / counts.totalSamples();
        if (positive >= BALANCE_LOW && positive <= BALANCE_HIGH) {
            return null;
        }
        return String.format(Locale.ROOT, "%.0f%% of reviews are shortlist; aim for 40-60%%: review more %s decisions",
                positive * 100, positive < BALANCE_LOW ? "shortlist" : "reject");
    }
}
