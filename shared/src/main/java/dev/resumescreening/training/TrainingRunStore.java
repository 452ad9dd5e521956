package dev.resumescreening.training;

import java.util.Optional;

/** The training runs table. */
public interface TrainingRunStore {
    /** @return false when a run with this id exists already */
    boolean create(TrainingRun run);

    void save(TrainingRun run);

    /** Saves {@code run} only if the stored run is still in {@code expected}; false otherwise. */
    boolean saveIf(TrainingRun run, RunState expected);

    Optional<TrainingRun> find(String runId);
}
