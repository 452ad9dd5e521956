package dev.resumescreening.training;

import dev.resumescreening.logging.JsonLog;
import dev.resumescreening.ports.DocumentStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A run's human-readable log (the trainer's epoch lines and the summary), kept at logs/training/{run_id}.log; each
 * line also goes to the function log as JSON. Writing it never fails a run: a storage failure is logged instead.
 */
public final class TrainingLog {
    private final String runId;
    private final Clock clock;
    private final List<String> lines = new ArrayList<>();

    /**
     * Why a run failed, as the API shows it: the message of a failure this code raised on purpose (a problem, a
     * refused state or argument), never an exception class name; anything else only says that the run's log has the
     * details. The log itself keeps the full reason.
     */
    public static String publicReason(RuntimeException e) {
        boolean explained = e instanceof dev.resumescreening.domain.ProblemException
                || e.getClass() == IllegalStateException.class
                || e.getClass() == IllegalArgumentException.class;
        String message = e.getMessage();
        return explained && message != null && !message.isBlank()
                ? "training failed: " + message
                : "training failed on an internal error; the run's log has the details";
    }

    /** The full reason for the run's log: class and message. */
    public static String logReason(RuntimeException e) {
        return e.getClass().getName() + ": " + e.getMessage();
    }

    public TrainingLog(String runId, Clock clock) {
        this.runId = runId;
        this.clock = clock;
    }

    public synchronized void add(String line) {
        lines.add(clock.instant() + " " + line);
        JsonLog.info("training.log", Map.of("run_id", runId, "line", line));
    }

    /** Appends the lines to the run's log object (a SageMaker run's log is written twice: launch, completion). */
    public synchronized void appendTo(DocumentStore documents) {
        String key = TrainingRun.logFileOf(runId);
        try {
            String earlier = documents
                    .get(key)
                    .map(b -> new String(b, StandardCharsets.UTF_8))
                    .orElse("");
            String text = earlier + String.join("\n", lines) + "\n";
            documents.put(key, text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
        } catch (RuntimeException e) {
            JsonLog.error(
                    "training.log_not_written",
                    Map.of("run_id", runId, "key", key, "error", e.getClass().getSimpleName()));
        }
    }
}
