package dev.resumescreening.review;

import dev.resumescreening.domain.Decision;
import java.util.Optional;

/** The guide's advice on reviews: 40-60% of them shortlists, so the model learns both classes. */
public final class ReviewBalance {
    static final double LOW = 0.40;
    static final double HIGH = 0.60;

    private ReviewBalance() {}

    /** The share of shortlists among reviews, or empty before any review. */
    public static Optional<Double> shortlistShare(long positives, long total) {
        return total == 0 ? Optional.empty() : Optional.of((double) positives / total);
    }

    /** The decision reviewers should look for next, or empty inside the band (and before any review). */
    public static Optional<Decision> missing(long positives, long total) {
        return shortlistShare(positives, total)
                .filter(share -> share < LOW || share > HIGH)
                .map(share -> share < LOW ? Decision.SHORTLIST : Decision.REJECT);
    }
}
