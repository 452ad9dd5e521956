package dev.resumescreening.training;

import dagger.assisted.Assisted;
import dagger.assisted.AssistedFactory;
import dagger.assisted.AssistedInject;
import dev.resumescreening.config.Settings;
import dev.resumescreening.logging.JsonLog;
import dev.resumescreening.logging.Metrics;
import dev.resumescreening.model.ModelArtifact;
import dev.resumescreening.model.TrainingSet;
import dev.resumescreening.ports.DocumentStore;
import dev.resumescreening.registry.ModelArtifactStore;
import dev.resumescreening.registry.ModelRegistry;
import dev.resumescreening.review.ReviewCounts;
import dev.resumescreening.review.ReviewStore;
import dev.resumescreening.screening.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One training run, as the daily schedule, the trigger API and the CLI start it: check the counters, take the lock,
 * write the training data, train here (up to IN_FUNCTION_TRAINING_LIMIT samples) or launch a SageMaker job, then gate,
 * register and maybe activate the candidate. The lock is released whatever happens, except that a launched
 * SageMaker job keeps it (lengthened to the job's maximum run time) until its state-change event releases it.
 */
public final class ScheduledTraining {
    private final ReviewStore reviews;
    private final TrainingRunStore runs;
    private final TrainingLock lock;
    private final TrainingData data;
    private final CandidateGate gate;
    private final ModelArtifactStore artifacts;
    private final SampleCounter counter;
    private final DocumentStore documents;
    private final Settings settings;
    private final Clock clock;
    private final ModelTrainer trainer;
    private final RemoteTraining remote;

    @AssistedInject
    ScheduledTraining(
            ReviewStore reviews,
            TrainingRunStore runs,
            TrainingLock lock,
            TrainingData data,
            CandidateGate gate,
            ModelArtifactStore artifacts,
            SampleCounter counter,
            DocumentStore documents,
            Settings settings,
            Clock clock,
            @Assisted ModelTrainer trainer,
            @Assisted RemoteTraining remote) {
        this.reviews = reviews;
        this.runs = runs;
        this.lock = lock;
        this.data = data;
        this.gate = gate;
        this.artifacts = artifacts;
        this.counter = counter;
        this.documents = documents;
        this.settings = settings;
        this.clock = clock;
        this.trainer = trainer;
        this.remote = remote;
    }

    /** Builds the service around the trainers, which live in the trainer image rather than the shared graph. */
    @AssistedFactory
    public interface Factory {
        ScheduledTraining create(ModelTrainer trainer, RemoteTraining remote);
    }

    /** Runs the request and returns what it did, as JSON-ready values. */
    public Map<String, Object> run(TrainingRequest request) {
        ReviewCounts counts = reviews.counts();
        long minSamples =
                request.minSamples() != null ? request.minSamples() : settings.longValue("TRAINING_THRESHOLD");
        boolean ready = request.force()
                ? counts.totalSamples() >= minSamples
                : counts.totalSamples() > 0 && counts.newSamplesSinceLastTraining() >= minSamples;
        if (request.dryRun()) {
            return dryRun(counts, minSamples, ready);
        }
        Optional<TrainingRun> opened = open(request);
        if (opened.isEmpty()) {
            return Map.of(
                    "run_id",
                    request.runId(),
                    "state",
                    RunState.SKIPPED.name(),
                    "reason",
                    "run " + request.runId() + " was already started");
        }
        TrainingRun run = opened.get();
        Metrics.record(Metrics.REVIEWS_AWAITING_TRAINING, counts.newSamplesSinceLastTraining(), Map.of());
        if (!ready) {
            return finish(run, RunState.SKIPPED, notReady(counts, minSamples, request.force()));
        }
        Duration lease = Duration.ofMinutes(settings.longValue("TRAINING_LOCK_MINUTES"));
        Optional<TrainingLock.Acquired> acquired = lock.acquire(run.runId(), lease);
        if (acquired.isEmpty()) {
            return finish(run, RunState.SKIPPED, "locked: another training run is in progress");
        }
        acquired.get().abandonedBy().ifPresent(this::closeAbandoned);
        // QUEUED -> RUNNING only once: a retried invocation of the same run that got this far finds it started
        TrainingRun running = run.running(now());
        if (!runs.saveIf(running, RunState.QUEUED)) {
            lock.release(run.runId());
            return Map.of(
                    "run_id",
                    run.runId(),
                    "state",
                    RunState.SKIPPED.name(),
                    "reason",
                    "run " + run.runId() + " was already started");
        }
        run = running;
        TrainingLog log = new TrainingLog(run.runId(), clock);
        boolean handedToSageMaker = false;
        try {
            log.add("run " + run.runId() + " started (" + request.trigger() + "), "
                    + counts.newSamplesSinceLastTraining() + " new of " + counts.totalSamples() + " reviewed samples");
            TrainingData.Gathered gathered = data.gather(run.runId());
            try {
                log.add("wrote " + gathered.count() + " samples (" + gathered.positive() + " shortlist, "
                        + gathered.negative() + " reject) and " + gathered.unreviewed()
                        + " unreviewed resumes of their jobs to " + gathered.key());
                if (gathered.count() > settings.longValue("IN_FUNCTION_TRAINING_LIMIT")) {
                    run = launchRemote(run, gathered, counts, log);
                    handedToSageMaker = true;
                    lock.extend(run.runId(), Duration.ofMinutes(settings.longValue("SAGEMAKER_MAX_RUNTIME_MINUTES")));
                } else {
                    run = trainHere(
                            run.withSamples(
                                    gathered.count(), counts.newSamplesSinceLastTraining(), TrainingRun.IN_FUNCTION),
                            gathered.read(),
                            log);
                }
            } finally {
                gathered.delete();
            }
        } catch (RuntimeException e) {
            String reason = TrainingLog.publicReason(e);
            log.add("FAILED: " + TrainingLog.logReason(e));
            run = run.finished(RunState.FAILED, reason, now());
        } finally {
            if (!handedToSageMaker) {
                lock.release(run.runId());
            }
        }
        log.appendTo(documents);
        return finish(run, run.state(), run.reason());
    }

    /**
     * The run that held the lock until its lease ran out never released it: it died (the function timed out or
     * crashed, or its SageMaker job's completion never arrived). Closed as FAILED so it does not stay open for ever.
     */
    private void closeAbandoned(String runId) {
        runs.find(runId)
                .filter(stuck -> stuck.state() == RunState.RUNNING || stuck.state() == RunState.LAUNCHED)
                .ifPresent(stuck -> {
                    TrainingRun failed = stuck.finished(
                            RunState.FAILED,
                            "abandoned: its training lock expired before"
                                    + " the run finished (function timeout or crash, or a SageMaker job whose completion never"
                                    + " arrived)",
                            now());
                    if (runs.saveIf(failed, stuck.state())) {
                        JsonLog.warn(
                                "training.run_abandoned",
                                Map.of(
                                        "run_id",
                                        runId,
                                        "state_was",
                                        stuck.state().name()));
                    }
                });
    }

    private TrainingRun trainHere(TrainingRun run, TrainingSet set, TrainingLog log) {
        String version = ModelRegistry.versionForRun(run.runId());
        ModelTrainer.TrainedCandidate trained = trainer.train(set, version, log::add);
        ModelArtifact artifact = trained.artifact().verify();
        String prefix = ModelArtifact.keyPrefix(version);
        artifacts.save(prefix, artifact);
        artifacts.saveTrainingPairs(prefix, trained.trainedOn());
        log.add("saved model " + version + " (sha256 " + artifact.metadata().weightsSha256() + ") to " + prefix);
        CandidateGate.Verdict verdict = gate.decide(artifact, version, prefix, trained.evidence(), run.runId());
        log.add(verdict.reason());
        counter.consume(run.newSamplesAtStart());
        return run.withOutcome(version, verdict.activeVersion(), verdict.metrics(), verdict.activated())
                .finished(RunState.SUCCEEDED, verdict.reason(), now());
    }

    private TrainingRun launchRemote(
            TrainingRun run, TrainingData.Gathered gathered, ReviewCounts counts, TrainingLog log) {
        String version = ModelRegistry.versionForRun(run.runId());
        String bucket = "s3://" + settings.bucket() + "/";
        String folder = TrainingData.folderKey(run.runId());
        String jobName = remote.launch(run.runId(), version, bucket + folder, bucket + folder + "output/");
        log.add(gathered.count() + " samples exceed IN_FUNCTION_TRAINING_LIMIT; launched SageMaker job " + jobName);
        TrainingRun launched = run.withSamples(
                        gathered.count(), counts.newSamplesSinceLastTraining(), TrainingRun.SAGEMAKER)
                .launched(jobName, version);
        runs.save(launched);
        return launched;
    }

    private Optional<TrainingRun> open(TrainingRequest request) {
        if (request.runId() == null) {
            TrainingRun run = TrainingRun.queued(TrainingRuns.newRunId(clock), request.trigger(), now());
            runs.create(run);
            return Optional.of(run);
        }
        // Lambda retries asynchronous invocations: a run that is past QUEUED was already started by another one.
        return runs.find(request.runId()).filter(run -> run.state() == RunState.QUEUED);
    }

    private Map<String, Object> finish(TrainingRun run, RunState state, String reason) {
        return TrainingRuns.close(runs, state == RunState.LAUNCHED ? run : run.finished(state, reason, now()));
    }

    private static String notReady(ReviewCounts counts, long minSamples, boolean force) {
        return force
                ? "not enough samples: " + counts.totalSamples() + " reviewed, at least " + minSamples + " needed"
                : "not enough samples: " + counts.newSamplesSinceLastTraining() + " new since the last training, "
                        + minSamples + " needed";
    }

    private static Map<String, Object> dryRun(ReviewCounts counts, long minSamples, boolean ready) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("dry_run", true);
        view.put("ready_for_training", ready);
        view.put("total_samples", counts.totalSamples());
        view.put("positive_samples", counts.positiveSamples());
        view.put("negative_samples", counts.negativeSamples());
        view.put("needs_retraining", counts.needsRetraining());
        view.put("new_samples_since_last_training", counts.newSamplesSinceLastTraining());
        view.put("min_samples", minSamples);
        return view;
    }

    private String now() {
        return Timestamps.format(clock.instant());
    }
}
