package dev.resumescreening.review;

import dev.resumescreening.registry.ActivePointer;
import dev.resumescreening.registry.ModelRegistryStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
        ActivePointer pointer = models.pointer();
        Map<String, ReviewCounts.Agreement> agreement = reviews.agreementByModel();
        Map<String, Object> live = new LinkedHashMap<>();
        live.put("champion", arm(pointer.championVersion(), agreement));
        live.put("challenger", pointer.hasChallenger() ? arm(pointer.challengerVersion(), agreement) : null);
        status.put("live_agreement", live);
        List<Map<String, Object>> jobs = new ArrayList<>();
        for (ReviewCounts.JobBalance job : reviews.balanceByJob()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("job_id", job.jobId());
            view.put("positive_samples", job.positive());
            view.put("negative_samples", job.negative());
            view.put("class_balance_warning", balanceWarning(job.positive(), job.total()));
            jobs.add(view);
        }
        status.put("jobs", jobs);
        return status;
    }

    /** A live model's version with how often reviewers agreed with its decisions. */
    private static Map<String, Object> arm(String version, Map<String, ReviewCounts.Agreement> agreement) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("version", version);
        view.putAll(agreement
                .getOrDefault(version, new ReviewCounts.Agreement(0, 0))
                .toMap());
        return view;
    }

    static String balanceWarning(ReviewCounts counts) {
        return balanceWarning(counts.positiveSamples(), counts.totalSamples());
    }

    /** Null inside the guide's 40-60% band of shortlists; else which decision reviewers should look for next. */
    static String balanceWarning(long positives, long total) {
        return ReviewBalance.missing(positives, total)
                .map(missing -> String.format(
                        Locale.ROOT,
                        "%.0f%% of reviews are shortlist; aim for 40-60%%: review more %s decisions",
                        100.0 * positives / total,
                        missing.name().toLowerCase(Locale.ROOT)))
                .orElse(null);
    }
}
