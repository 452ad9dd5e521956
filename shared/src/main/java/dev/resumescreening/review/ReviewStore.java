package dev.resumescreening.review;

import dev.resumescreening.domain.ScreeningResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where reviews are recorded: the result, the counters and the audit history change together or not at all. */
public interface ReviewStore {
    /** The result as it is now (its review version 0 when never reviewed), with the threshold it was screened at. */
    Optional<Current> current(String resultId);

    /**
     * Records the review if the result's review version is still {@code expectedVersion}; moves the counters by
     * {@code delta} and appends the review to the history in the same transaction.
     *
     * @return false when another review got there first (the caller reads again and retries)
     */
    boolean record(ScreeningResult reviewed, long expectedVersion, ReviewCounts.Delta delta, String previousDecision);

    /**
     * Takes the review of {@code result} back if the stored review version is still {@code result}'s: the result
     * becomes unreviewed (and queued for review again, by its distance from {@code threshold}), the counters move by
     * {@code withdrawal} and the history gets an undo entry by {@code undoneBy}, all in one transaction.
     *
     * @return false when another review or undo got there first (the caller reads again)
     */
    boolean undo(
            ScreeningResult result, double threshold, ReviewCounts.Delta withdrawal, String undoneBy, String undoneAt);

    ReviewCounts counts();

    /** Agreement of reviewers with each model version's decisions, by version. */
    Map<String, ReviewCounts.Agreement> agreementByModel();

    /** Reviewed samples by class for every job with a review. */
    List<ReviewCounts.JobBalance> balanceByJob();

    /** Reviewed samples by class for one job (zero when it has none). */
    ReviewCounts.JobBalance balance(String jobId);

    record Current(ScreeningResult result, double threshold) {}
}
