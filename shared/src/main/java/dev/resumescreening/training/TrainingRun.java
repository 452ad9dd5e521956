package dev.resumescreening.training;

import dev.resumescreening.config.Contract;
import java.util.Map;

/**
 * One training run as the runs table keeps it. {@code metrics} holds the candidate's and the active model's metrics
 * on the same held-out split ({@code candidate}, {@code active}); {@code newSamplesAtStart} is the counter of new
 * reviews read before the samples were gathered, subtracted when the run succeeds.
 */
public record TrainingRun(
        String runId,
        RunState state,
        String reason,
        String trigger,
        String createdAt,
        String startedAt,
        String finishedAt,
        long sampleCount,
        long newSamplesAtStart,
        String mode,
        String candidateVersion,
        String activeVersion,
        Map<String, Object> metrics,
        boolean activated,
        String logFile,
        String trainingJobName) {
    public static final String IN_FUNCTION = "in_function";
    public static final String SAGEMAKER = "sagemaker";

    public static TrainingRun queued(String runId, String trigger, String at) {
        return new TrainingRun(
                runId,
                RunState.QUEUED,
                null,
                trigger,
                at,
                null,
                null,
                0,
                0,
                null,
                null,
                null,
                Map.of(),
                false,
                logFileOf(runId),
                null);
    }

    public static String logFileOf(String runId) {
        return Contract.get().prefix("training_logs") + runId + ".log";
    }

    public TrainingRun running(String at) {
        return new TrainingRun(
                runId,
                RunState.RUNNING,
                null,
                trigger,
                createdAt,
                at,
                null,
                sampleCount,
                newSamplesAtStart,
                mode,
                candidateVersion,
                activeVersion,
                metrics,
                activated,
                logFile,
                trainingJobName);
    }

    public TrainingRun finished(RunState next, String why, String at) {
        return new TrainingRun(
                runId,
                next,
                why,
                trigger,
                createdAt,
                startedAt,
                at,
                sampleCount,
                newSamplesAtStart,
                mode,
                candidateVersion,
                activeVersion,
                metrics,
                activated,
                logFile,
                trainingJobName);
    }

    public TrainingRun withSamples(long count, long newAtStart, String trainingMode) {
        return new TrainingRun(
                runId,
                state,
                reason,
                trigger,
                createdAt,
                startedAt,
                finishedAt,
                count,
                newAtStart,
                trainingMode,
                candidateVersion,
                activeVersion,
                metrics,
                activated,
                logFile,
                trainingJobName);
    }

    public TrainingRun launched(String jobName, String candidate) {
        return new TrainingRun(
                runId,
                RunState.LAUNCHED,
                "training in SageMaker job " + jobName,
                trigger,
                createdAt,
                startedAt,
                null,
                sampleCount,
                newSamplesAtStart,
                mode,
                candidate,
                activeVersion,
                metrics,
                activated,
                logFile,
                jobName);
    }

    public TrainingRun withOutcome(String candidate, String active, Map<String, Object> gateMetrics, boolean live) {
        return new TrainingRun(
                runId,
                state,
                reason,
                trigger,
                createdAt,
                startedAt,
                finishedAt,
                sampleCount,
                newSamplesAtStart,
                mode,
                candidate,
                active,
                gateMetrics,
                live,
                logFile,
                trainingJobName);
    }
}
