package dev.resumescreening.training;

import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.domain.ProblemKind;
import dev.resumescreening.logging.JsonLog;
import dev.resumescreening.logging.Metrics;
import dev.resumescreening.review.ReviewCounts;
import dev.resumescreening.review.ReviewStore;
import dev.resumescreening.review.TrainingStatusService;
import dev.resumescreening.screening.Timestamps;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;

/** Queues training runs for the trigger API and shows them. */
@Singleton
public final class TrainingRuns {
    private static final DateTimeFormatter RUN_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final TrainingRunStore runs;
    private final ReviewStore reviews;
    private final long threshold;
    private final Clock clock;

    @Inject
    public TrainingRuns(
            TrainingRunStore runs,
            ReviewStore reviews,
            @Named(TrainingStatusService.THRESHOLD) long threshold,
            Clock clock) {
        this.runs = runs;
        this.reviews = reviews;
        this.threshold = threshold;
        this.clock = clock;
    }

    /** Sortable and readable: run-20251018-140000-3f9a1c. */
    public static String newRunId(Clock clock) {
        return "run-" + RUN_TIME.format(clock.instant()) + "-"
                + UUID.randomUUID().toString().substring(0, 6);
    }

    /**
     * Records a QUEUED run and hands it to {@code launcher}; a launch failure marks the run FAILED (503). A run that
     * would only be skipped is not started: 409 {@code training_not_due}, saying how many reviews are missing (the
     * same rule as the scheduled run: new reviews since the last training, or with {@code force} all reviews, against
     * {@code minSamples} or the threshold).
     */
    public TrainingRun start(TrainingLauncher launcher, boolean force, Integer minSamples) {
        if (minSamples != null && minSamples < 1) {
            throw ProblemException.invalid("invalid_min_samples", "min_samples must be a whole number >= 1");
        }
        requireDue(force, minSamples == null ? threshold : minSamples);
        TrainingRun run = TrainingRun.queued(newRunId(clock), TrainingRequest.API, Timestamps.format(clock.instant()));
        runs.create(run);
        try {
            launcher.launch(new TrainingRequest(false, force, minSamples, run.runId(), TrainingRequest.API));
        } catch (RuntimeException e) {
            runs.save(run.finished(RunState.FAILED, "could not start training", Timestamps.format(clock.instant())));
            JsonLog.error(
                    "training.launch_failed",
                    Map.of("run_id", run.runId(), "error", e.getClass().getSimpleName()));
            throw new ProblemException(
                    ProblemKind.UNAVAILABLE,
                    "training_unavailable",
                    "training could not be started; try again later",
                    e);
        }
        JsonLog.info("training.queued", Map.of("run_id", run.runId(), "force", force));
        return run;
    }

    private void requireDue(boolean force, long needed) {
        ReviewCounts counts = reviews.counts();
        long have = force ? counts.totalSamples() : counts.newSamplesSinceLastTraining();
        if (have >= needed && counts.totalSamples() > 0) {
            return;
        }
        long missing = Math.max(1, needed - have);
        String message = force
                ? "training is not due: " + have + " reviewed samples, " + needed + " needed (" + missing + " more)"
                : "training is not due: " + have + " new reviews since the last training, " + needed + " needed ("
                        + missing + " more); send \"force\": true to train on all " + counts.totalSamples()
                        + " reviewed samples";
        throw new ProblemException(ProblemKind.CONFLICT, "training_not_due", message);
    }

    /** A page of runs, newest first. */
    public TrainingRunStore.RunPage list(int limit, String pageToken) {
        return runs.list(limit, pageToken);
    }

    public TrainingRun find(String runId) {
        return runs.find(runId).orElseThrow(() -> ProblemException.notFound("training_run", runId));
    }

    /** Saves a run that has come to an end (or was handed to SageMaker), counts and logs it; answers its view. */
    static Map<String, Object> close(TrainingRunStore store, TrainingRun finished) {
        store.save(finished);
        Metrics.count(Metrics.TRAINING_RUNS, Map.of("Outcome", finished.state().name()));
        JsonLog.info(
                "training.finished",
                Map.of(
                        "run_id",
                        finished.runId(),
                        "state",
                        finished.state().name(),
                        "reason",
                        String.valueOf(finished.reason()),
                        "samples",
                        finished.sampleCount(),
                        "activated",
                        finished.activated()));
        return view(finished);
    }

    /** The run as the API and the handlers show it. */
    public static Map<String, Object> view(TrainingRun run) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("run_id", run.runId());
        view.put("state", run.state().name());
        view.put("reason", run.reason());
        view.put("trigger", run.trigger());
        view.put("mode", run.mode());
        view.put("sample_count", run.sampleCount());
        view.put("candidate_version", run.candidateVersion());
        view.put("active_version", run.activeVersion());
        view.put("activated", run.activated());
        view.put("metrics", run.metrics());
        view.put("log_file", run.logFile());
        view.put("training_job_name", run.trainingJobName());
        view.put("created_at", run.createdAt());
        view.put("started_at", run.startedAt());
        view.put("finished_at", run.finishedAt());
        return view;
    }
}
