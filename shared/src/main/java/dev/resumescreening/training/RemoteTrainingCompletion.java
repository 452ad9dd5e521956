package dev.resumescreening.training;

import dev.resumescreening.config.Settings;
import dev.resumescreening.logging.JsonLog;
import dev.resumescreening.model.FeedbackStatistics;
import dev.resumescreening.model.ModelArtifact;
import dev.resumescreening.ports.DocumentStore;
import dev.resumescreening.registry.ModelArtifactStore;
import dev.resumescreening.screening.Timestamps;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Finishes a run whose model was trained by a SageMaker job: evaluates the model on the run's held-out samples,
 * gates, registers and maybe activates it. Each run is claimed (LAUNCHED → RUNNING) before any work, so a
 * redelivered event does nothing.
 */
@Singleton
public final class RemoteTrainingCompletion {
    private final TrainingRunStore runs;
    private final TrainingData data;
    private final CandidateGate gate;
    private final ModelArtifactStore artifacts;
    private final SampleCounter counter;
    private final TrainingLock lock;
    private final DocumentStore documents;
    private final Settings settings;
    private final Clock clock;

    @Inject
    public RemoteTrainingCompletion(
            TrainingRunStore runs,
            TrainingData data,
            CandidateGate gate,
            ModelArtifactStore artifacts,
            SampleCounter counter,
            TrainingLock lock,
            DocumentStore documents,
            Settings settings,
            Clock clock) {
        this.runs = runs;
        this.data = data;
        this.gate = gate;
        this.artifacts = artifacts;
        this.counter = counter;
        this.lock = lock;
        this.documents = documents;
        this.settings = settings;
        this.clock = clock;
    }

    /** The launched run a job belongs to; empty for other stacks' jobs and runs already handled. */
    public Optional<TrainingRun> claim(String jobName) {
        String runId = TrainingJobNames.runIdOf(settings.get("TRAINING_JOB_PREFIX"), jobName);
        Optional<TrainingRun> launched = Optional.ofNullable(runId)
                .flatMap(runs::find)
                .filter(run -> run.state() == RunState.LAUNCHED && jobName.equals(run.trainingJobName()));
        if (launched.isEmpty()) {
            JsonLog.info("training.event_ignored", Map.of("job_name", String.valueOf(jobName)));
            return Optional.empty();
        }
        TrainingRun running = launched.get().running(launched.get().startedAt());
        return runs.saveIf(running, RunState.LAUNCHED) ? Optional.of(running) : Optional.empty();
    }

    /** Registers the job's model for a claimed run and marks the run SUCCEEDED, or FAILED if that goes wrong. */
    public Map<String, Object> completed(TrainingRun run, ModelArtifact artifact, List<String> testSampleIds) {
        TrainingLog log = new TrainingLog(run.runId(), clock);
        TrainingRun finished;
        try {
            String version = run.candidateVersion();
            String prefix = ModelArtifact.keyPrefix(version);
            artifacts.save(prefix, artifact.verify());
            log.add("SageMaker job " + run.trainingJobName() + " completed; saved model " + version + " to " + prefix);
            TrainingData.HeldOut split = data.heldOut(run.runId(), new HashSet<>(testSampleIds));
            artifacts.saveTrainingPairs(prefix, split.allIds());
            GateEvidence evidence = GateEvidence.testSplit(
                    artifact.classifier(),
                    split.all(),
                    split.test(),
                    FeedbackStatistics.Unreviewed.judgedBy(
                            split.unreviewed(), artifact.metadata().hyperparameters()));
            CandidateGate.Verdict verdict = gate.decide(artifact, version, prefix, evidence, run.runId());
            log.add(verdict.reason());
            counter.consume(run.newSamplesAtStart());
            finished = run.withOutcome(version, verdict.activeVersion(), verdict.metrics(), verdict.activated())
                    .finished(RunState.SUCCEEDED, verdict.reason(), now());
        } catch (RuntimeException e) {
            String reason = TrainingLog.publicReason(e);
            log.add("FAILED: " + TrainingLog.logReason(e));
            finished = run.finished(RunState.FAILED, reason, now());
        } finally {
            lock.release(run.runId());
        }
        return close(finished, log);
    }

    /** Marks a claimed run FAILED with SageMaker's reason. */
    public Map<String, Object> failed(TrainingRun run, String failureReason) {
        TrainingLog log = new TrainingLog(run.runId(), clock);
        log.add("SageMaker job " + run.trainingJobName() + " failed: " + failureReason);
        lock.release(run.runId());
        return close(run.finished(RunState.FAILED, "SageMaker job failed: " + failureReason, now()), log);
    }

    private Map<String, Object> close(TrainingRun finished, TrainingLog log) {
        log.appendTo(documents);
        return TrainingRuns.close(runs, finished);
    }

    private String now() {
        return Timestamps.format(clock.instant());
    }
}
