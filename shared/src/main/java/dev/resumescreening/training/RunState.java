package dev.resumescreening.training;

/** A training run's life: QUEUED by the trigger API, RUNNING, then one of the final states. */
public enum RunState {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    SKIPPED,
    /** Handed to a SageMaker training job; the state-change event finishes it. */
    LAUNCHED;
}
