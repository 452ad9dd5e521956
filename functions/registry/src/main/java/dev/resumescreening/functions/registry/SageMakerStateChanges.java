package dev.resumescreening.functions.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.logging.JsonLog;
import dev.resumescreening.model.ModelArtifact;
import dev.resumescreening.training.RemoteTrainingCompletion;
import dev.resumescreening.training.TrainingRun;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "SageMaker Training Job State Change" events: Completed registers (and maybe activates) the job's model, Failed
 * and Stopped fail the run; other states, other stacks' jobs and redelivered events change nothing.
 */
final class SageMakerStateChanges {
    static final String DETAIL_TYPE = "SageMaker Training Job State Change";

    private final RemoteTrainingCompletion completion;
    private final SageMakerPackages packages;

    SageMakerStateChanges(RemoteTrainingCompletion completion, SageMakerPackages packages) {
        this.completion = completion;
        this.packages = packages;
    }

    Map<String, Object> handle(JsonNode detail) {
        String jobName = detail.path("TrainingJobName").asText();
        String status = detail.path("TrainingJobStatus").asText();
        if (!List.of("Completed", "Failed", "Stopped").contains(status)) {
            return ignored(jobName, status);
        }
        Optional<TrainingRun> claimed = completion.claim(jobName);
        if (claimed.isEmpty()) {
            return ignored(jobName, status);
        }
        TrainingRun run = claimed.get();
        if (!"Completed".equals(status)) {
            String reason = detail.path("FailureReason").asText("");
            return completion.failed(run, reason.isBlank() ? "job " + status.toLowerCase() : reason);
        }
        String modelUri = detail.path("ModelArtifacts").path("S3ModelArtifacts").asText();
        ModelArtifact artifact;
        List<String> testIds;
        try {
            artifact = packages.model(modelUri);
            testIds = packages.testSampleIds(modelUri);
        } catch (RuntimeException unreadable) {
            return completion.failed(run, "the job's output cannot be read: " + unreadable.getMessage());
        }
        return completion.completed(run, artifact, testIds);
    }

    private static Map<String, Object> ignored(String jobName, String status) {
        JsonLog.info("sagemaker.state_ignored", Map.of("job_name", jobName, "status", status));
        return Map.of("ignored", true, "training_job_name", jobName, "status", status);
    }
}
