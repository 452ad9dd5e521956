package dev.resumescreening.training;

/**
 * What to do: {@code minSamples} null means the TRAINING_THRESHOLD setting; {@code runId} null means a new run
 * (the trigger API passes the id it queued).
 */
public record TrainingRequest(boolean dryRun, boolean force, Integer minSamples, String runId, String trigger) {
    public static final String SCHEDULE = "schedule";
    public static final String API = "api";
    public static final String DIRECT = "direct";
}
