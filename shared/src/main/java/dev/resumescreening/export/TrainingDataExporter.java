package dev.resumescreening.export;

import dev.resumescreening.config.Contract;
import dev.resumescreening.domain.Decision;
import dev.resumescreening.domain.ScreeningResult;
import dev.resumescreening.ports.DocumentStore;
import dev.resumescreening.ports.JobRepository;
import dev.resumescreening.ports.ResultRepository;
import dev.resumescreening.screening.Timestamps;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Exports reviewed samples as CSV ({@code resume_text,job_description,label} plus ids), streaming: results are read a
 * page at a time and resume texts fetched a few at a time, so memory stays bounded at any table size.
 */
@Singleton
public final class TrainingDataExporter {
    static final String[] HEADER = {
        "result_id",
        "job_id",
        "reviewed_at",
        "human_decision",
        "ai_decision",
        "score",
        "confidence",
        "resume_text",
        "job_description",
        "label"
    };
    private static final int TEXTS_IN_FLIGHT = 16;

    private final ResultRepository results;
    private final JobRepository jobs;
    private final DocumentStore documents;
    private final Clock clock;

    @Inject
    public TrainingDataExporter(ResultRepository results, JobRepository jobs, DocumentStore documents, Clock clock) {
        this.results = results;
        this.jobs = jobs;
        this.documents = documents;
        this.clock = clock;
    }

    /** Writes the CSV to {@code out} and returns the number of rows. */
    public long export(ExportFilter filter, OutputStream out) {
        Map<String, String> descriptions = new ConcurrentHashMap<>();
        ExecutorService fetchers = Executors.newFixedThreadPool(8);
        long[] rows = {0};
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter csv =
                        CSVFormat.DEFAULT.builder().setHeader(HEADER).get().print(writer)) {
            Deque<Future<Object[]>> window = new ArrayDeque<>();
            var since = filter.reviewedSince(clock.instant());
            results.forEachReviewed(since == null ? null : Timestamps.format(since), sample -> {
                ScreeningResult result = sample.result();
                if (!result.document().textExtracted() || !filter.accepts(result)) {
                    return;
                }
                window.add(fetchers.submit(() -> row(result, descriptions)));
                if (window.size() >= TEXTS_IN_FLIGHT) {
                    print(csv, window.removeFirst());
                    rows[0]++;
                }
            });
            while (!window.isEmpty()) {
                print(csv, window.removeFirst());
                rows[0]++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            fetchers.shutdownNow();
        }
        return rows[0];
    }

    /** Streams the CSV into the bucket under exports/ (multipart upload) and returns the object key. */
    public ExportedFile exportToBucket(ExportFilter filter) {
        String key = Contract.get().prefix("exports") + "training-data-"
                + Timestamps.format(clock.instant()).replace(':', '-') + ".csv";
        try (PipedInputStream in = new PipedInputStream(1 << 20)) {
            PipedOutputStream out = new PipedOutputStream(in);
            CompletableFuture<Long> writer = CompletableFuture.supplyAsync(() -> {
                try (out) {
                    return export(filter, out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            documents.putStream(key, in, "text/csv");
            return new ExportedFile(key, writer.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record ExportedFile(String key, long rows) {}

    private Object[] row(ScreeningResult result, Map<String, String> descriptions) {
        String text = documents
                .get(result.document().textKey())
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElse("");
        String description = descriptions.computeIfAbsent(
                result.jobId(),
                id -> jobs.find(id)
                        .map(stored ->
                                stored.job().title() + "\n" + stored.job().description())
                        .orElse(""));
        Decision human = result.review().humanDecision();
        return new Object[] {
            result.resultId(),
            result.jobId(),
            result.review().reviewedAt(),
            human.apiName(),
            result.decision().apiName(),
            result.score(),
            result.confidence(),
            text,
            description,
            human == Decision.SHORTLIST ? 1 : 0
        };
    }

    private static void print(CSVPrinter csv, Future<Object[]> row) {
        try {
            csv.printRecord(row.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("export interrupted", e);
        }
    }
}
