package dev.resumescreening.model;

import dev.resumescreening.embedding.TermVector;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The training-data file the app exports and the trainer reads (SageMaker channel {@code train}).
 *
 * <p>UTF-8 CSV (RFC 4180), one labelled pair per line, with this header:
 * <pre>
 * sample_id,job_id,label,resume_embedding,job_embedding
 * r-17,job-3,1,UlNUMQ...,UlNUMQ...
 * </pre>
 * {@code label} is {@code 1} shortlisted, {@code 0} rejected, and empty for an unreviewed resume of a reviewed job
 * ({@link UnreviewedResume}: it never trains the network, it may add to its job's prototypes); the embeddings are
 * {@link TermVector#toBytes()} in base64. A directory holds one or more such files ending in {@code .csv}, each with
 * the header.
 */
public final class TrainingDataCsv {
    public static final String[] COLUMNS = {"sample_id", "job_id", "label", "resume_embedding", "job_embedding"};
    public static final String HEADER = String.join(",", COLUMNS);
    private static final CSVFormat WRITE =
            CSVFormat.RFC4180.builder().setRecordSeparator('\n').build();
    private static final CSVFormat READ = CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .build();

    private TrainingDataCsv() {}

    /** Writes rows to {@code out}; {@link #close} is the caller's. */
    public static CSVPrinter printer(Writer out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, WRITE);
        printer.printRecord((Object[]) COLUMNS);
        return printer;
    }

    public static void writeRow(CSVPrinter out, TrainingSample sample) throws IOException {
        out.printRecord(sample.id(), sample.jobId(), sample.label(), encode(sample.resume()), encode(sample.job()));
    }

    public static void writeUnreviewed(CSVPrinter out, UnreviewedResume resume) throws IOException {
        out.printRecord(resume.id(), resume.jobId(), "", encode(resume.resume()), encode(resume.job()));
    }

    public static String toCsv(Iterable<TrainingSample> samples) {
        StringWriter w = new StringWriter();
        try (CSVPrinter printer = printer(w)) {
            for (TrainingSample sample : samples) {
                writeRow(printer, sample);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    public static void write(Path file, Iterable<TrainingSample> samples) throws IOException {
        Files.writeString(file, toCsv(samples), StandardCharsets.UTF_8);
    }

    /** The reviewed pairs of {@code file}. */
    public static List<TrainingSample> read(Path file) throws IOException {
        return readSet(file).reviewed();
    }

    public static TrainingSet readSet(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readSet(r, file.toString());
        }
    }

    /** The reviewed pairs of every {@code *.csv} file in {@code directory}. */
    public static List<TrainingSample> readDirectory(Path directory) throws IOException {
        return readDirectorySet(directory).reviewed();
    }

    /** Every {@code *.csv} file in {@code directory} (not recursive), in file-name order. */
    public static TrainingSet readDirectorySet(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("training data directory " + directory + " does not exist");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".csv") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no .csv training data files in " + directory);
        }
        List<TrainingSample> reviewed = new ArrayList<>();
        List<UnreviewedResume> unreviewed = new ArrayList<>();
        for (Path f : files) {
            TrainingSet set = readSet(f);
            reviewed.addAll(set.reviewed());
            unreviewed.addAll(set.unreviewed());
        }
        return new TrainingSet(reviewed, unreviewed);
    }

    /**
     * @param source name used in error messages (file name)
     * @throws IllegalArgumentException naming the source and line of the first malformed row
     */
    public static List<TrainingSample> read(Reader in, String source) throws IOException {
        return readSet(in, source).reviewed();
    }

    /**
     * @param source name used in error messages (file name)
     * @throws IllegalArgumentException naming the source and line of the first malformed row
     */
    public static TrainingSet readSet(Reader in, String source) throws IOException {
        List<TrainingSample> samples = new ArrayList<>();
        List<UnreviewedResume> unreviewed = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(in, READ)) {
            if (!parser.getHeaderNames().equals(List.of(COLUMNS))) {
                throw new IllegalArgumentException(source + ": line 1: expected header '" + HEADER + "', got '"
                        + String.join(",", parser.getHeaderNames()) + "'");
            }
            for (CSVRecord row : parser) {
                try {
                    if (row.size() == COLUMNS.length && row.get(2).isBlank()) {
                        unreviewed.add(parseUnreviewed(row));
                    } else {
                        samples.add(parseRow(row));
                    }
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            source + ": line " + parser.getCurrentLineNumber() + ": " + e.getMessage(), e);
                }
            }
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(
                    source + ": malformed CSV: " + e.getCause().getMessage(), e);
        }
        return new TrainingSet(samples, unreviewed);
    }

    private static UnreviewedResume parseUnreviewed(CSVRecord row) {
        String id = requireId(row);
        return new UnreviewedResume(
                id, row.get(1), decode(row.get(3), "resume_embedding", id), decode(row.get(4), "job_embedding", id));
    }

    private static String requireId(CSVRecord row) {
        String id = row.get(0);
        if (id.isEmpty()) {
            throw new IllegalArgumentException("empty sample_id");
        }
        return id;
    }

    private static TrainingSample parseRow(CSVRecord row) {
        if (row.size() != COLUMNS.length) {
            throw new IllegalArgumentException(
                    "expected " + COLUMNS.length + " columns (" + HEADER + "), got " + row.size());
        }
        String id = requireId(row);
        int label = switch (row.get(2).trim()) {
            case "0" -> 0;
            case "1" -> 1;
            default ->
                throw new IllegalArgumentException("sample " + id + ": label must be 0, 1 or empty (unreviewed), got '"
                        + abbreviate(row.get(2)) + "'");
        };
        return new TrainingSample(
                id,
                row.get(1),
                decode(row.get(3), "resume_embedding", id),
                decode(row.get(4), "job_embedding", id),
                label);
    }

    private static String encode(TermVector vector) {
        return Base64.getEncoder().encodeToString(vector.toBytes());
    }

    private static TermVector decode(String text, String column, String id) {
        try {
            return TermVector.fromBytes(Base64.getDecoder().decode(text.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sample " + id + ": " + column + " is not a base64 term vector");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
