package dev.resumescreening.local;

import dev.resumescreening.functions.trainer.ScheduledTrainingHandler;
import dev.resumescreening.logging.JsonLog;
import dev.resumescreening.training.TrainingLauncher;
import dev.resumescreening.training.TrainingRequest;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The local stand-in for the asynchronous Lambda invoke: the scheduled-training function's handler runs on a
 * background thread of this JVM, one run at a time.
 */
final class InProcessTrainingLauncher implements TrainingLauncher, AutoCloseable {
    private final ScheduledTrainingHandler handler;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "local-training");
        thread.setDaemon(true);
        return thread;
    });

    InProcessTrainingLauncher(ScheduledTrainingHandler handler) {
        this.handler = handler;
    }

    @Override
    public void launch(TrainingRequest request) {
        worker.execute(() -> {
            try {
                handler.handle(request);
            } catch (RuntimeException e) {
                JsonLog.error(
                        "local.training_failed",
                        Map.of("run_id", String.valueOf(request.runId()), "error", String.valueOf(e.getMessage())));
            }
        });
    }

    /** Waits until the runs queued so far have finished, so tests and the CLI see their outcome. */
    void awaitIdle(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        worker.submit(() -> {}).get(timeout, unit);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
