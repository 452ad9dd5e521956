package dev.resumescreening.compliance;

import dev.resumescreening.domain.ScreeningResult;
import dev.resumescreening.review.ReviewCounts;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** What erasure, the adverse-impact report and the audit export read and change. */
public interface ComplianceStore {
    /**
     * Erases the result's records in one transaction: the result item (only if its review version is still
     * {@code expectedReviewVersion}), its self-identification, the reviewer and notes of its review history (the
     * entries keep decisions, model version and times), the upload claims named {@code claims} (so the same file may
     * be uploaded again), its count among its job's screened results, and, when it was reviewed, the counters moved
     * by {@code counters} (negative; null when it was not reviewed) so they stay equal to a recount.
     *
     * @return false when a review got there first (the caller reads again and retries)
     */
    boolean erase(
            ScreeningResult result,
            long expectedReviewVersion,
            ReviewCounts.Delta counters,
            List<String> claims,
            String erasedAt);

    /**
     * Every result created in {@code [from, to)} (ISO timestamps, null for open ends), of one job or of all
     * ({@code jobId} null), a page at a time.
     */
    void forEachResult(String jobId, String from, String to, Consumer<ScreeningResult> consumer);

    /** The self-identification of each of these results that has one. */
    Map<String, SelfIdentification> selfIdentifications(Collection<String> resultIds);

    /** Every entry of the review history reviewed in {@code [from, to)}, a page at a time. */
    void forEachReview(String from, String to, Consumer<ReviewEntry> consumer);

    /**
     * One entry of the review history: a review, or ({@code action} review_undo) the undo of one, whose
     * {@code reviewer} is who undid it and {@code previousDecision} the decision taken back; reviewer and notes are
     * null once the result was erased.
     */
    record ReviewEntry(
            String resultId,
            String action,
            String reviewedAt,
            String reviewer,
            String previousDecision,
            String humanDecision,
            String aiDecision,
            String modelVersion,
            String notes,
            String erasedAt) {}
}
