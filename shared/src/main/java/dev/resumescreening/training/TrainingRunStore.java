package dev.resumescreening.training;

import java.util.List;
import java.util.Optional;

/** The training runs table. */
public interface TrainingRunStore {
    /** @return false when a run with this id exists already */
    boolean create(TrainingRun run);

    void save(TrainingRun run);

    /** Saves {@code run} only if the stored run is still in {@code expected}; false otherwise. */
    boolean saveIf(TrainingRun run, RunState expected);

    Optional<TrainingRun> find(String runId);

    /** One page of runs, newest first, and the token of the next page (null after the last). */
    RunPage list(int limit, String pageToken);

    record RunPage(List<TrainingRun> runs, String nextToken) {}
}
