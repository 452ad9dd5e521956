package dev.resumescreening.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resumescreening.domain.Decision;
import dev.resumescreening.domain.ScreeningResult.Review;
import dev.resumescreening.review.ReviewCounts.Delta;
import org.junit.jupiter.api.Test;

class ReviewServiceTest {
    private static Review review(Decision decision, boolean disagrees) {
        return new Review(decision, "r", "2026-11-26T00:00:00.000Z", "", disagrees);
    }

    @Test
    void aFirstReviewAddsOneSampleToItsClass() {
        assertEquals(new Delta(1, 1, 0, 0, 1, 1), ReviewService.delta(null, review(Decision.SHORTLIST, false)));
        assertEquals(new Delta(1, 0, 1, 1, 1, 0), ReviewService.delta(null, review(Decision.REJECT, true)));
    }

    @Test
    void aChangedLabelMovesTheSampleWithoutCountingItTwice() {
        Delta delta = ReviewService.delta(review(Decision.SHORTLIST, false), review(Decision.REJECT, true));
        assertEquals(new Delta(0, -1, 1, 1, 0, -1), delta);
        Delta back = ReviewService.delta(review(Decision.REJECT, true), review(Decision.SHORTLIST, false));
        assertEquals(new Delta(0, 1, -1, -1, 0, 1), back);
    }

    @Test
    void sameLabelWithNewNotesChangesNoCounter() {
        assertTrue(ReviewService.delta(review(Decision.REJECT, false), review(Decision.REJECT, false))
                .isZero());
    }

    @Test
    void warnsWhenClassesAreOutOfBalance() {
        assertNull(TrainingStatusService.balanceWarning(new ReviewCounts(10, 5, 5, 0, 10)));
        assertNull(TrainingStatusService.balanceWarning(ReviewCounts.ZERO));
        assertTrue(TrainingStatusService.balanceWarning(new ReviewCounts(10, 2, 8, 0, 10))
                .contains("shortlist"));
        assertTrue(TrainingStatusService.balanceWarning(new ReviewCounts(10, 9, 1, 0, 10))
                .contains("reject"));
    }
}
