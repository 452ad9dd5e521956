package dev.resumescreening.local;

import dev.resumescreening.config.Settings;
import dev.resumescreening.review.ReviewCounts;
import java.util.Map;

/** {@code train [--dry-run] [--force] [--min-samples N]}, as the guide's scheduled_training.py. */
final class TrainCommand {
    private TrainCommand() {
    }

    static void run(Options options) {
        if (!options.flag("dry-run")) {
            throw new IllegalArgumentException("train needs --dry-run");
        }
        try (LocalEnvironment environment = ReviewCommands.open(options)) {
            Settings settings = environment.settings();
            long minSamples = options.intValue("min-samples", settings.intValue("TRAINING_THRESHOLD"));
            Map<String, Object> status = environment.app().trainingStatus().status();
            ReviewCounts counts = environment.app().reviews().counts();
            System.out.print(ReviewCommands.statusBlock(status, counts, minSamples));
        }
    }
}
