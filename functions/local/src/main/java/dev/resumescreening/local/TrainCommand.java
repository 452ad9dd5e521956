package dev.resumescreening.local;

import dev.resumescreening.config.Settings;
import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.registry.ModelRecord;
import dev.resumescreening.registry.ModelRegistry;
import dev.resumescreening.review.ReviewCounts;
import dev.resumescreening.training.TrainingRequest;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code train [--dry-run] [--force] [--min-samples N]}, as the guide's scheduled_training.py: the status block,
 * then (without --dry-run) a real run of the scheduled-training function's service.
 */
@Command(
        name = "train",
        description = "Print the training status; without --dry-run, train when due (or forced), "
                + "gate the new model against the live one and activate it if it is better.")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--dry-run", description = "only print the status block")
    boolean dryRun;

    @Option(names = "--force", description = "train even if too few new reviews have come in")
    boolean force;

    @Option(names = "--min-samples", paramLabel = "N", description = "new reviews needed; default: TRAINING_THRESHOLD")
    Integer minSamples;

    @Mixin
    StackOptions stack;

    @Override
    public Integer call() {
        try (LocalEnvironment environment = stack.open()) {
            Settings settings = environment.settings();
            int threshold = minSamples != null ? minSamples : settings.intValue("TRAINING_THRESHOLD");
            Map<String, Object> status = environment.app().trainingStatus().status();
            ReviewCounts counts = environment.app().reviews().counts();
            System.out.print(ReviewCommands.statusBlock(status, counts, threshold));
            if (dryRun) {
                return 0;
            }
            Map<String, Object> outcome = environment
                    .scheduledTraining()
                    .handle(new TrainingRequest(false, force, threshold, null, TrainingRequest.DIRECT));
            System.out.print(outcomeBlock(outcome));
        }
        return 0;
    }

    /** The run's outcome the way the status block reads: state, why, and where the log is. */
    static String outcomeBlock(Map<String, Object> outcome) {
        StringBuilder out = new StringBuilder();
        out.append("🏋️  Training run ")
                .append(outcome.get("run_id"))
                .append(": ")
                .append(outcome.get("state"))
                .append('\n');
        if (outcome.get("reason") != null) {
            out.append("   ").append(outcome.get("reason")).append('\n');
        }
        if (outcome.get("candidate_version") != null) {
            out.append("   Candidate model: ")
                    .append(outcome.get("candidate_version"))
                    .append(Boolean.TRUE.equals(outcome.get("activated")) ? " (activated)" : " (not activated)")
                    .append('\n');
        }
        if (outcome.get("log_file") != null) {
            out.append("   Log: ").append(outcome.get("log_file")).append('\n');
        }
        return out.toString();
    }

    /** {@code register --model-path P --version V [--activate [--force]]}, as the guide's register_model.py. */
    @Command(
            name = "register",
            description = "Verify and register a model folder (s3://bucket/prefix/ or a key "
                    + "prefix), optionally make it live.")
    static final class Register implements Callable<Integer> {
        @Option(
                names = "--model-path",
                paramLabel = "PATH",
                required = true,
                description = "the folder with weights.bin and metadata.json")
        String path;

        @Option(names = "--version", paramLabel = "V", required = true, description = "the version to register it as")
        String version;

        @Option(names = "--activate", description = "make it the live model")
        boolean activate;

        @Option(
                names = "--force",
                description = "with --activate: make it live even if the evaluation gate rejected it")
        boolean force;

        @Mixin
        StackOptions stack;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (force && !activate) {
                throw new IllegalArgumentException("--force only applies with --activate");
            }
            try (LocalEnvironment environment = stack.open()) {
                ModelRecord record = environment.app().modelRegistry().register(path, version, activate, force, "cli");
                spec.commandLine()
                        .getOut()
                        .println("registered model " + record.version() + " (" + record.status() + ", sha256 "
                                + record.weightsSha256() + "); live: "
                                + environment.app().modelRegistry().pointer().championVersion());
                return 0;
            } catch (ProblemException problem) {
                if (!problem.code().equals(ModelRegistry.MODEL_REJECTED)) {
                    throw problem;
                }
                throw new ProblemException(
                        problem.kind(),
                        problem.code(),
                        "model " + version + " was rejected by the evaluation gate; add --force to activate it anyway");
            }
        }
    }
}
