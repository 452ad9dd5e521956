package dev.resumescreening.local;

import dev.resumescreening.export.ExportFilter;
import dev.resumescreening.export.TrainingDataExporter;
import dev.resumescreening.review.ReviewCounts;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The guide's scripts as commands: export the reviewed samples, and print the training status. */
final class ReviewCommands {
    private ReviewCommands() {}

    @Command(
            name = "export",
            description = "Write the reviewed samples as CSV (resume_text, job_description, "
                    + "label and ids) to a file, or stream it to the bucket under exports/.")
    static final class Export implements Callable<Integer> {
        @ArgGroup(multiplicity = "1")
        Destination destination;

        static final class Destination {
            @Option(names = "--output", paramLabel = "FILE", required = true, description = "the CSV file to write")
            Path output;

            @Option(names = "--to-bucket", required = true, description = "stream the CSV to s3://<bucket>/exports/")
            boolean toBucket;
        }

        @Option(
                names = "--min-confidence",
                paramLabel = "X",
                description = "only reviews of results at least this confident")
        Double minConfidence;

        @Option(names = "--days", paramLabel = "N", description = "only reviews of the last N days")
        Integer days;

        @Option(
                names = "--status",
                paramLabel = "completed|agreed|corrected",
                description = "every review (completed), or only those that agreed with / corrected the AI")
        String status;

        @Mixin
        StackOptions stack;

        @Override
        public Integer call() throws IOException {
            ExportFilter filter = ExportFilter.of(minConfidence, days, status);
            if (destination.toBucket) {
                try (LocalEnvironment environment = stack.open()) {
                    TrainingDataExporter.ExportedFile file =
                            environment.app().exporter().exportToBucket(filter);
                    System.out.printf(
                            "exported %d reviewed samples to s3://%s/%s%n",
                            file.rows(), environment.settings().bucket(), file.key());
                }
                return 0;
            }
            try (LocalEnvironment environment = stack.open();
                    OutputStream out = new BufferedOutputStream(Files.newOutputStream(destination.output))) {
                long start = System.nanoTime();
                long rows = environment.app().exporter().export(filter, out);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(
                        Locale.ROOT,
                        "exported %d reviewed samples to %s in %.1f s (%.0f rows/s, peak heap %d MB)%n",
                        rows,
                        destination.output,
                        seconds,
                        rows / seconds,
                        peakHeapBytes() / (1024 * 1024));
            }
            return 0;
        }
    }

    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }

    /** The status block of the guide's {@code scheduled_training.py --dry-run}. */
    static String statusBlock(Map<String, Object> status, ReviewCounts counts, long minSamples) {
        StringBuilder out = new StringBuilder();
        out.append("📊 Training Data Status:\n")
                .append("   Total reviewed: ")
                .append(counts.totalSamples())
                .append('\n')
                .append("   Positive samples: ")
                .append(counts.positiveSamples())
                .append('\n')
                .append("   Negative samples: ")
                .append(counts.negativeSamples())
                .append('\n')
                .append("   Needs retraining: ")
                .append(counts.needsRetraining())
                .append('\n')
                .append("   New since last training: ")
                .append(counts.newSamplesSinceLastTraining())
                .append('\n')
                .append("   Threshold: ")
                .append(minSamples)
                .append('\n')
                .append("   Active model: ")
                .append(status.get("active_model_version"))
                .append('\n');
        Object warning = status.get("class_balance_warning");
        if (warning != null) {
            out.append("⚠️  ").append(warning).append('\n');
        }
        long needed = Math.max(0, minSamples - counts.newSamplesSinceLastTraining());
        if (needed == 0 && counts.totalSamples() > 0) {
            out.append("✅ READY TO TRAIN\n   Would train with ")
                    .append(counts.totalSamples())
                    .append(" samples\n");
        } else {
            out.append("⏳ NOT READY TO TRAIN\n   Need ")
                    .append(Math.max(needed, 1))
                    .append(" more reviewed samples\n");
        }
        return out.toString();
    }
}
