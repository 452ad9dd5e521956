package dev.resumescreening.maintenance;

import java.util.stream.Stream;

/**
 * The index keys records written before a release lack: the score-sort key of scored results and the partition of
 * the training runs' list. Streams read a page at a time; each write only adds a key that is still absent.
 */
public interface IndexKeyStore {
    /** Scored results without a score-sort key. */
    Stream<ScoredResult> scoredResultsWithoutScoreKey();

    /** @return false when the result is gone or already has its key (a newer write got there first) */
    boolean addScoreKey(ScoredResult result);

    /** Ids of training runs outside the runs list's partition. */
    Stream<String> runsWithoutPartition();

    /** @return false when the run is gone or already in the partition */
    boolean addRunPartition(String runId);

    boolean backfillRecorded();

    void recordBackfill(Backfilled backfilled, String completedAt);

    record ScoredResult(String resultId, double score) {}

    /** How many records a backfill changed. */
    record Backfilled(long results, long runs) {}
}
