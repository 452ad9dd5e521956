package dev.resumescreening.review;

import dev.resumescreening.domain.Decision;
import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.domain.ProblemKind;
import dev.resumescreening.domain.ScreeningResult;
import dev.resumescreening.domain.ScreeningResult.Review;
import dev.resumescreening.logging.JsonLog;
import dev.resumescreening.logging.Metrics;
import dev.resumescreening.review.ReviewCounts.Delta;
import dev.resumescreening.review.ReviewStore.Current;
import dev.resumescreening.screening.Timestamps;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Records human reviews. Each review is counted exactly once: a first review adds a sample, a re-review that changes
 * the label moves it from one class to the other, and repeating the same review changes nothing. Concurrent reviews
 * of one result are serialised by optimistic locking on the result's review version.
 */
@Singleton
public final class ReviewService {
    static final int MAX_NOTES_CHARS = 2_000;
    static final int MAX_ATTEMPTS = 25;

    private final ReviewStore store;
    private final AgreementGuardrail guardrail;
    private final Clock clock;

    @Inject
    public ReviewService(ReviewStore store, AgreementGuardrail guardrail, Clock clock) {
        this.store = store;
        this.guardrail = guardrail;
        this.clock = clock;
    }

    public ScreeningResult submit(String resultId, String humanDecision, String notes, String reviewer) {
        if (resultId == null || resultId.isBlank()) {
            throw ProblemException.invalid("missing_screening_result_id", "screening_result_id is required");
        }
        Decision decision = Decision.fromHuman(humanDecision)
                .orElseThrow(() -> ProblemException.invalid(
                        "invalid_human_decision", "human_decision must be one of: shortlist, reject"));
        String cleanNotes = notes == null ? "" : notes.strip();
        if (cleanNotes.length() > MAX_NOTES_CHARS) {
            throw ProblemException.invalid(
                    "notes_too_long", "notes must be at most " + MAX_NOTES_CHARS + " characters");
        }
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            ScreeningResult result = store.current(resultId)
                    .orElseThrow(() -> ProblemException.notFound("screening_result", resultId))
                    .result();
            Review previous = result.review();
            if (previous != null
                    && previous.humanDecision() == decision
                    && Objects.equals(previous.notes(), cleanNotes)) {
                return result;
            }
            Review review = new Review(
                    decision, reviewer, Timestamps.format(clock.instant()), cleanNotes, decision != result.decision());
            Delta delta = delta(previous, review);
            if (store.record(
                    result.withReview(review, result.reviewVersion() + 1),
                    result.reviewVersion(),
                    delta,
                    previous == null ? null : previous.humanDecision().name())) {
                JsonLog.annotate("model_version", result.modelVersion());
                Metrics.count(Metrics.REVIEWS, Map.of());
                if (previous == null && result.modelVersion() != null) {
                    Metrics.record(Metrics.MODEL_AGREEMENT, decision == result.decision() ? 1 : 0, Map.of());
                }
                JsonLog.info(
                        "review.recorded",
                        Map.of(
                                "result_id",
                                resultId,
                                "decision",
                                decision.name(),
                                "relabel",
                                previous != null,
                                "attempt",
                                attempt));
                if (previous == null && result.modelVersion() != null) {
                    guardrail.afterReview(result.modelVersion());
                }
                return result.withReview(review, result.reviewVersion() + 1);
            }
            pause(attempt);
        }
        throw new ProblemException(
                ProblemKind.CONFLICT,
                "review_conflict",
                "the result is being reviewed by someone else right now; try again");
    }

    /**
     * Takes back the review at {@code reviewVersion}: the result is unreviewed again (and back in the review queue),
     * the counters lose what its reviews added, and the history keeps the review beside an undo entry. Only the
     * reviewer who made it, or an admin, may. A review a completed training already used can be undone too: the
     * next training reads the results and no longer sees it.
     */
    public ScreeningResult undo(String resultId, Long reviewVersion, String caller, boolean callerIsAdmin) {
        if (resultId == null || resultId.isBlank()) {
            throw ProblemException.invalid("missing_screening_result_id", "screening_result_id is required");
        }
        if (reviewVersion == null || reviewVersion < 1) {
            throw ProblemException.invalid(
                    "invalid_review_version", "review_version must be the positive whole number of the review to undo");
        }
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Current current =
                    store.current(resultId).orElseThrow(() -> ProblemException.notFound("screening_result", resultId));
            ScreeningResult result = current.result();
            Review review = result.review();
            if (review == null) {
                throw new ProblemException(ProblemKind.CONFLICT, "not_reviewed", "the result has no review to undo");
            }
            if (result.reviewVersion() != reviewVersion) {
                throw new ProblemException(
                        ProblemKind.CONFLICT,
                        "review_changed",
                        "the result was reviewed again (review version " + result.reviewVersion() + ", not "
                                + reviewVersion + "); reload it first");
            }
            if (!callerIsAdmin && !caller.equals(review.reviewer())) {
                throw new ProblemException(
                        ProblemKind.FORBIDDEN,
                        "undo_forbidden",
                        "only the reviewer who made the review, or an admin, may undo it");
            }
            Delta withdrawal = withdrawal(review, store.counts().newSamplesSinceLastTraining() > 0);
            if (store.undo(result, current.threshold(), withdrawal, caller, Timestamps.format(clock.instant()))) {
                JsonLog.annotate("model_version", result.modelVersion());
                Metrics.count(Metrics.REVIEW_UNDOS, Map.of());
                JsonLog.info(
                        "review.undone",
                        Map.of("result_id", resultId, "undone_version", reviewVersion, "attempt", attempt));
                return result.withReview(null, result.reviewVersion() + 1);
            }
            pause(attempt);
        }
        throw new ProblemException(
                ProblemKind.CONFLICT,
                "review_conflict",
                "the result is being reviewed by someone else right now; try again");
    }

    public ReviewCounts counts() {
        return store.counts();
    }

    /** Reviewers' agreement with each model version's decisions. */
    public Map<String, ReviewCounts.Agreement> agreementByModel() {
        return store.agreementByModel();
    }

    /** A review agrees with the model when the person decided as the model did (needsRetraining is the opposite). */
    static Delta delta(Review previous, Review next) {
        long nextPositive = next.humanDecision() == Decision.SHORTLIST ? 1 : 0;
        long nextRetrain = next.needsRetraining() ? 1 : 0;
        if (previous == null) {
            return new Delta(1, nextPositive, 1 - nextPositive, nextRetrain, 1, 1 - nextRetrain);
        }
        long previousPositive = previous.humanDecision() == Decision.SHORTLIST ? 1 : 0;
        long previousRetrain = previous.needsRetraining() ? 1 : 0;
        return new Delta(
                0,
                nextPositive - previousPositive,
                previousPositive - nextPositive,
                nextRetrain - previousRetrain,
                0,
                previousRetrain - nextRetrain);
    }

    /**
     * The counters' change that takes a result's review back out: the opposite of everything its reviews added
     * together, which is what its latest review would add as a first one. Whether the sample was still counted as
     * new since the last training is not recorded per sample; {@code countedAsNew} is the caller's best knowledge
     * (training consumes new samples oldest first, so: while that count is above zero).
     */
    public static Delta withdrawal(Review review, boolean countedAsNew) {
        long positive = review.humanDecision() == Decision.SHORTLIST ? 1 : 0;
        long retrain = review.needsRetraining() ? 1 : 0;
        return new Delta(-1, -positive, -(1 - positive), -retrain, countedAsNew ? -1 : 0, -(1 - retrain));
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep((long) (Math.random() * Math.min(50, 2 * attempt)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(ProblemKind.UNAVAILABLE, "interrupted", "the review was interrupted");
        }
    }
}
