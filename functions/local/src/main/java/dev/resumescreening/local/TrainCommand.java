package dev.resumescreening.local;

import dev.resumescreening.config.Settings;
import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.registry.ModelRecord;
import dev.resumescreening.review.ReviewCounts;
import dev.resumescreening.training.TrainingRequest;
import java.util.Map;

/**
 * {@code train [--dry-run] [--force] [--min-samples N]}, as the guide's scheduled_training.py: the status block,
 * then (without --dry-run) a real run of the scheduled-training function's service.
 */
final class TrainCommand {
    private TrainCommand() {
    }

    static void run(Options options) {
        try (LocalEnvironment environment = ReviewCommands.open(options)) {
            Settings settings = environment.settings();
            long minSamples = options.intValue("min-samples", settings.intValue("TRAINING_THRESHOLD"));
            Map<String, Object> status = environment.app().trainingStatus().status();
            ReviewCounts counts = environment.app().reviews().counts();
            System.out.print(ReviewCommands.statusBlock(status, counts, minSamples));
            if (options.flag("dry-run")) {
                return;
            }
            Map<String, Object> outcome = environment.scheduledTraining().handle(new TrainingRequest(false,
                    options.flag("force"), (int) minSamples, null, TrainingRequest.DIRECT));
            System.out.print(outcomeBlock(outcome));
        }
    }

    /** The run's outcome the way the status block reads: state, why, and where the log is. */
    static String outcomeBlock(Map<String, Object> outcome) {
        StringBuilder out = new StringBuilder();
        out.append("🏋️  Training run ").append(outcome.get("run_id")).append(": ").append(outcome.get("state"))
                .append('\n');
        if (outcome.get("reason") != null) {
            out.append("   ").append(outcome.get("reason")).append('\n');
        }
        if (outcome.get("candidate_version") != null) {
            out.append("   Candidate model: ").append(outcome.get("candidate_version"))
                    .append(Boolean.TRUE.equals(outcome.get("activated")) ? " (activated)" : " (not activated)")
                    .append('\n');
        }
        if (outcome.get("log_file") != null) {
            out.append("   Log: ").append(outcome.get("log_file")).append('\n');
        }
        return out.toString();
    }

    /** {@code register --model-path P --version V [--activate]}, as the guide's register_model.py. */
    static void register(Options options) {
        String path = options.value("model-path")
                .orElseThrow(() -> new IllegalArgumentException("--model-path is required"));
        String version = options.value("version")
                .orElseThrow(() -> new IllegalArgumentException("--version is required"));
        try (LocalEnvironment environment = ReviewCommands.open(options)) {
            ModelRecord record = environment.app().modelRegistry().register(path, version, options.flag("activate"),
                    "cli");
            System.out.println("registered model " + record.version() + " (" + record.status() + ", sha256 "
                    + record.weightsSha256() + "); live: "
                    + environment.app().modelRegistry().pointer().championVersion());
        } catch (ProblemException problem) {
            System.err.println("error: " + problem.code() + ": " + problem.getMessage());
            System.exit(1);
        }
    }
}
