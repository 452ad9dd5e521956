package dev.resumescreening.review;

import java.util.LinkedHashMap;
import java.util.Map;

/** The review counters, kept in one item and moved in the same transaction as each review. */
public record ReviewCounts(
        long totalSamples,
        long positiveSamples,
        long negativeSamples,
        long needsRetraining,
        long newSamplesSinceLastTraining) {
    public static final ReviewCounts ZERO = new ReviewCounts(0, 0, 0, 0, 0);

    /**
     * What one review changes: a first review adds a sample, a changed label moves it between classes;
     * {@code agreed} moves the count of reviews that agree with the decision of the model that scored the result.
     */
    public record Delta(long total, long positive, long negative, long needsRetraining, long newSamples, long agreed) {
        public boolean isZero() {
            return total == 0
                    && positive == 0
                    && negative == 0
                    && needsRetraining == 0
                    && newSamples == 0
                    && agreed == 0;
        }
    }

    /** How often reviewers agreed with the decisions of one model version, over the results it scored. */
    public record Agreement(long reviewed, long agreed) {
        public double rate() {
            return reviewed == 0 ? Double.NaN : (double) agreed / reviewed;
        }

        /** {@code reviewed}, {@code agreed} and {@code rate} (null before any review), for JSON answers. */
        public Map<String, Object> toMap() {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("reviewed", reviewed);
            view.put("agreed", agreed);
            view.put("rate", reviewed == 0 ? null : Math.round(rate() * 10_000) / 10_000.0);
            return view;
        }
    }

    /** One job's reviewed samples by class. */
    public record JobBalance(String jobId, long positive, long negative) {
        public long total() {
            return positive + negative;
        }
    }
}
