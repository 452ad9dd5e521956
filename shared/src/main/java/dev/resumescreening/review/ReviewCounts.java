package dev.resumescreening.review;

/** The review counters, kept in one item and moved in the same transaction as each review. */
public record ReviewCounts(long totalSamples, long positiveSamples, long negativeSamples, long needsRetraining,
                           long newSamplesSinceLastTraining) {
    public static final ReviewCounts ZERO = new ReviewCounts(0, 0, 0, 0, 0);

    /** What one review changes: a first review adds a sample, a changed label moves it between classes. */
    public record Delta(long total, long positive, long negative, long needsRetraining, long newSamples) {
        public boolean isZero() {
            return total == 0 && positive == 0 && negative == 0 && needsRetraining == 0 && newSamples == 0;
        }
    }
}
