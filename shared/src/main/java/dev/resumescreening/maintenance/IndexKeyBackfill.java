package dev.resumescreening.maintenance;

import dev.resumescreening.logging.JsonLog;
import dev.resumescreening.maintenance.IndexKeyStore.Backfilled;
import dev.resumescreening.screening.Timestamps;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Gives results and training runs stored before their index keys existed the keys their lists query by, so they
 * appear in the score sort of a job's results and in the training runs list. Safe beside new writes and safe to
 * repeat: a key is only added where it is still absent, and nothing else of a record changes.
 */
@Singleton
public final class IndexKeyBackfill {
    private final IndexKeyStore store;
    private final Clock clock;

    @Inject
    public IndexKeyBackfill(IndexKeyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Backfills unless a completed backfill was recorded (then it reads one item and returns empty). */
    public Optional<Backfilled> backfillOnce() {
        return store.backfillRecorded() ? Optional.empty() : Optional.of(backfill());
    }

    /** Backfills every record lacking a key and records the completion. */
    public Backfilled backfill() {
        long results = store.scoredResultsWithoutScoreKey()
                .mapToLong(result -> store.addScoreKey(result) ? 1 : 0)
                .sum();
        long runs = store.runsWithoutPartition()
                .mapToLong(runId -> store.addRunPartition(runId) ? 1 : 0)
                .sum();
        Backfilled backfilled = new Backfilled(results, runs);
        store.recordBackfill(backfilled, Timestamps.format(clock.instant()));
        JsonLog.info("index_keys.backfilled", Map.of("results", results, "runs", runs));
        return backfilled;
    }
}
