package dev.resumescreening.local;

import dev.resumescreening.export.ExportFilter;
import dev.resumescreening.export.TrainingDataExporter;
import dev.resumescreening.review.ReviewCounts;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** The guide's scripts as commands: export the reviewed samples, and print the training status. */
final class ReviewCommands {
    private ReviewCommands() {
    }

    static void export(Options options) throws IOException {
        ExportFilter filter = ExportFilter.of(options.value("min-confidence").map(Double::valueOf).orElse(null),
                options.value("days").map(Integer::valueOf).orElse(null), options.value("status").orElse(null));
        if (options.flag("to-bucket")) {
            try (LocalEnvironment environment = open(options)) {
                TrainingDataExporter.ExportedFile file = environment.app().exporter().exportToBucket(filter);
                System.out.printf("exported %d reviewed samples to s3://%s/%s%n", file.rows(),
                        environment.settings().bucket(), file.key());
            }
            return;
        }
        Path output = Path.of(options.value("output")
                .orElseThrow(() -> new IllegalArgumentException("--output FILE or --to-bucket is required")));
        try (LocalEnvironment environment = open(options);
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(output))) {
            long start = System.nanoTime();
            long rows = environment.app().exporter().export(filter, out);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "exported %d reviewed samples to %s in %.1f s (%.0f rows/s, peak heap %d MB)%n",
                    rows, output, seconds, rows / seconds, peakHeapBytes() / (1024 * 1024));
        }
    }

    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }

    static LocalEnvironment open(Options options) {
        return LocalEnvironment.start(Path.of(options.value("data-dir", ".local-data")),
                options.value("aws-endpoint").orElse(null));
    }

    /** The status block of the guide's {@code scheduled_training.py --dry-run}. */
    static String statusBlock(Map<String, Object> status, ReviewCounts counts, long minSamples) {
        StringBuilder out = new StringBuilder();
        out.append("📊 Training Data Status:\n")
                .append("   Total reviewed: ").append(counts.totalSamples()).append('\n')
                .append("   Positive samples: ").append(counts.positiveSamples()).append('\n')
                .append("   Negative samples: ").append(counts.negativeSamples()).append('\n')
                .append("   Needs retraining: ").append(counts.needsRetraining()).append('\n')
                .append("   New since last training: ").append(counts.newSamplesSinceLastTraining()).append('\n')
                .append("   Threshold: ").append(minSamples).append('\n')
                .append("   Active model: ").append(status.get("active_model_version")).append('\n');
        Object warning = status.get("class_balance_warning");
        if (warning != null) {
            out.append("⚠️  ").append(warning).append('\n');
        }
        long needed = Math.max(0, minSamples - counts.newSamplesSinceLastTraining());
        if (needed == 0 && counts.totalSamples() > 0) {
            out.append("✅ READY TO TRAIN\n   Would train with ").append(counts.totalSamples()).append(" samples\n");
        } else {
            out.append("⏳ NOT READY TO TRAIN\n   Need ").append(Math.max(needed, 1)).append(" more reviewed samples\n");
        }
        return out.toString();
    }
}
