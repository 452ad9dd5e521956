package dev.resumescreening.local;

import dev.resumescreening.api.AdverseImpactViews;
import dev.resumescreening.api.ComplianceApi.Range;
import dev.resumescreening.compliance.AdverseImpactReport;
import dev.resumescreening.compliance.AuditExporter;
import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.json.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The compliance routes as commands: the adverse-impact report, the audit export, erasure and the retention sweep. */
final class ComplianceCommands {
    private ComplianceCommands() {
    }

    /** {@code report adverse-impact --job-id ID --from DATE --to DATE [--format csv] [--output FILE]}. */
    static void report(String kind, Options options, PrintStream console) throws IOException {
        if (!"adverse-impact".equals(kind)) {
            throw new IllegalArgumentException("the only report is adverse-impact");
        }
        String format = options.value("format", "json");
        if (!format.equals("json") && !format.equals("csv")) {
            throw new IllegalArgumentException("--format must be json or csv");
        }
        Range range = range(options);
        try (LocalEnvironment environment = ReviewCommands.open(options)) {
            AdverseImpactReport.Result report = environment.app().adverseImpact()
                    .report(options.value("job-id").orElse(null), range.from(), range.to());
            String text = format.equals("csv") ? AdverseImpactViews.csv(report)
                    : Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(AdverseImpactViews.json(report))
                            + System.lineSeparator();
            if (options.value("output").isPresent()) {
                Path output = Path.of(options.value("output").get());
                Files.writeString(output, text, StandardCharsets.UTF_8);
                console.printf("wrote the adverse-impact report (%d results) to %s%n", report.results(), output);
            } else {
                console.print(text);
            }
        }
    }

    /** {@code audit --from DATE --to DATE --output FILE}: JSON lines, streamed to the file. */
    static void audit(Options options, PrintStream console) throws IOException {
        Path output = Path.of(options.value("output")
                .orElseThrow(() -> new IllegalArgumentException("--output FILE is required")));
        Range range = range(options);
        try (LocalEnvironment environment = ReviewCommands.open(options);
             Writer out = new BufferedWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
            AuditExporter.Counts counts = environment.app().auditExporter().export(range.from(), range.to(), out);
            console.printf("exported %d screening decisions and %d reviews to %s%n", counts.decisions(),
                    counts.reviews(), output);
        }
    }

    /** {@code erase --result-id ID}. */
    static void erase(Options options, PrintStream console) {
        String resultId = options.value("result-id")
                .orElseThrow(() -> new IllegalArgumentException("--result-id ID is required"));
        try (LocalEnvironment environment = ReviewCommands.open(options)) {
            var erased = environment.app().erasure().erase(resultId);
            console.printf("erased %s (job %s)%n", erased.resultId(), erased.jobId());
        } catch (ProblemException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** {@code sweep-retention [--retention-days N]}: erases results older than RETENTION_DAYS (or N). */
    static void sweepRetention(Options options, PrintStream console) {
        Map<String, String> overrides = options.value("retention-days")
                .map(days -> Map.of("RETENTION_DAYS", days)).orElse(Map.of());
        try (LocalEnvironment environment = LocalEnvironment.start(Path.of(options.value("data-dir", ".local-data")),
                options.value("aws-endpoint").orElse(null), overrides)) {
            Map<String, Object> outcome = environment.compliance().sweep();
            console.printf("retention %s days: erased %s results%n", outcome.get("retention_days"),
                    outcome.get("erased"));
        }
    }

    private static Range range(Options options) {
        try {
            return Range.parse(options.value("from").orElse(null), options.value("to").orElse(null));
        } catch (ProblemException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }
}
