package dev.resumescreening.training;

/**
 * SageMaker job names: {@code <prefix>-<run id>} (at most 63 characters of [a-zA-Z0-9-]), so the state-change
 * event names its run and jobs of other stacks in the account are told apart.
 */
public final class TrainingJobNames {
    static final int MAX_LENGTH = 63;

    private TrainingJobNames() {}

    public static String jobName(String prefix, String runId) {
        String name = (prefix + "-" + runId).replaceAll("[^a-zA-Z0-9-]", "-");
        if (name.length() > MAX_LENGTH) {
            throw new IllegalStateException(
                    "TRAINING_JOB_PREFIX is too long: job name " + name + " exceeds " + MAX_LENGTH + " characters");
        }
        return name;
    }

    /** The run id of a job this stack started, or null. */
    public static String runIdOf(String prefix, String jobName) {
        String start = prefix.replaceAll("[^a-zA-Z0-9-]", "-") + "-";
        return jobName != null && jobName.startsWith(start) ? jobName.substring(start.length()) : null;
    }
}
