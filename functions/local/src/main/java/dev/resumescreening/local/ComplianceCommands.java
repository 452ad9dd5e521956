package dev.resumescreening.local;

import dev.resumescreening.api.AdverseImpactViews;
import dev.resumescreening.api.ComplianceApi.Range;
import dev.resumescreening.compliance.AdverseImpactReport;
import dev.resumescreening.compliance.AuditExporter;
import dev.resumescreening.json.Json;
import dev.resumescreening.maintenance.IndexKeyStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The compliance routes as commands: the adverse-impact report, the audit export, erasure and the retention sweep; and
 * the index-key backfill of the daily compliance run.
 */
final class ComplianceCommands {
    private ComplianceCommands() {}

    /** The dates of a report or an export: YYYY-MM-DD, {@code --to} inclusive. */
    static final class DateRange {
        @Option(names = "--from", paramLabel = "DATE", description = "first day (YYYY-MM-DD)")
        String from;

        @Option(names = "--to", paramLabel = "DATE", description = "last day (YYYY-MM-DD), inclusive")
        String to;

        Range range() {
            return Range.parse(from, to);
        }
    }

    @Command(name = "report", description = "A compliance report.", subcommands = AdverseImpact.class)
    static final class Report implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw new ParameterException(spec.commandLine(), "which report? the only one is adverse-impact");
        }
    }

    enum Format {
        JSON,
        CSV
    }

    /** {@code report adverse-impact --job-id ID --from DATE --to DATE [--format csv] [--output FILE]}. */
    @Command(
            name = "adverse-impact",
            description = "Selection and scoring rates, impact ratios and p-values by sex, "
                    + "race/ethnicity and their intersection, for the AI's and the reviewers' decisions.")
    static final class AdverseImpact implements Callable<Integer> {
        @Option(names = "--job-id", paramLabel = "ID", description = "one job only")
        String jobId;

        @Mixin
        DateRange dates;

        @Option(
                names = "--format",
                paramLabel = "json|csv",
                defaultValue = "json",
                description = "default: ${DEFAULT-VALUE}")
        Format format;

        @Option(names = "--output", paramLabel = "FILE", description = "write to this file instead of the console")
        Path output;

        @Mixin
        StackOptions stack;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Range range = dates.range();
            PrintWriter console = spec.commandLine().getOut();
            try (LocalEnvironment environment = stack.open()) {
                AdverseImpactReport.Result report =
                        environment.app().adverseImpact().report(jobId, range.from(), range.to());
                String text = format == Format.CSV
                        ? AdverseImpactViews.csv(report)
                        : Json.MAPPER
                                        .writerWithDefaultPrettyPrinter()
                                        .writeValueAsString(AdverseImpactViews.json(report))
                                + System.lineSeparator();
                if (output != null) {
                    Files.writeString(output, text, StandardCharsets.UTF_8);
                    console.printf("wrote the adverse-impact report (%d results) to %s%n", report.results(), output);
                } else {
                    console.print(text);
                    console.flush();
                }
            }
            return 0;
        }
    }

    /** {@code audit --from DATE --to DATE --output FILE}: JSON lines, streamed to the file. */
    @Command(name = "audit", description = "Every screening decision and every review as JSON lines.")
    static final class Audit implements Callable<Integer> {
        @Option(names = "--output", paramLabel = "FILE", required = true, description = "the JSON lines file to write")
        Path output;

        @Mixin
        DateRange dates;

        @Mixin
        StackOptions stack;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Range range = dates.range();
            try (LocalEnvironment environment = stack.open();
                    Writer out = new BufferedWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
                AuditExporter.Counts counts = environment.app().auditExporter().export(range.from(), range.to(), out);
                spec.commandLine()
                        .getOut()
                        .printf(
                                "exported %d screening decisions and %d reviews to %s%n",
                                counts.decisions(), counts.reviews(), output);
            }
            return 0;
        }
    }

    /** {@code erase --result-id ID}. */
    @Command(
            name = "erase",
            description =
                    "Erase a result: files, text, result, self-identification, reviewer and notes of its reviews.")
    static final class Erase implements Callable<Integer> {
        @Option(names = "--result-id", paramLabel = "ID", required = true, description = "the screening result")
        String resultId;

        @Mixin
        StackOptions stack;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (LocalEnvironment environment = stack.open()) {
                var erased = environment.app().erasure().erase(resultId);
                spec.commandLine().getOut().printf("erased %s (job %s)%n", erased.resultId(), erased.jobId());
                return 0;
            }
        }
    }

    /** {@code sweep-retention [--retention-days N]}: erases results older than RETENTION_DAYS (or N). */
    @Command(
            name = "sweep-retention",
            description = "Erase the results older than RETENTION_DAYS (or N) days; 0 keeps everything.")
    static final class SweepRetention implements Callable<Integer> {
        @Option(names = "--retention-days", paramLabel = "N", description = "default: RETENTION_DAYS")
        Integer retentionDays;

        @Mixin
        StackOptions stack;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Map<String, String> overrides =
                    retentionDays == null ? Map.of() : Map.of("RETENTION_DAYS", retentionDays.toString());
            try (LocalEnvironment environment = stack.open(overrides)) {
                Map<String, Object> outcome = environment.compliance().sweep();
                spec.commandLine()
                        .getOut()
                        .printf(
                                "retention %s days: erased %s results%n",
                                outcome.get("retention_days"), outcome.get("erased"));
            }
            return 0;
        }
    }

    /** {@code backfill-index-keys}: what the daily compliance run does once after an upgrade, on demand. */
    @Command(
            name = "backfill-index-keys",
            description =
                    "Give results and training runs stored before the score "
                            + "sort and the runs list existed the keys those lists read (only where still absent; safe to repeat).")
    static final class BackfillIndexKeys implements Callable<Integer> {
        @Mixin
        StackOptions stack;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (LocalEnvironment environment = stack.open()) {
                IndexKeyStore.Backfilled backfilled =
                        environment.app().indexKeyBackfill().backfill();
                spec.commandLine()
                        .getOut()
                        .printf(
                                "added the score key to %d results and the list partition to %d training runs%n",
                                backfilled.results(), backfilled.runs());
            }
            return 0;
        }
    }
}
