package dev.resumescreening.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training-data file the app exports and the trainer reads (SageMaker channel {@code train}).
 *
 * <p>UTF-8 CSV, one labelled pair per line, {@code \n} line ends ({@code \r\n} accepted):
 * <pre>
 * sample_id,label,resume_embedding,job_embedding
 * r-17#j-3,1,0.0123 -0.0456 ...,0.0781 0.0012 ...
 * </pre>
 * <ul>
 *   <li>{@code sample_id}: any text without line breaks; quoted RFC-4180 style ({@code "a,""b"""}) when it contains a
 *       comma or a double quote;</li>
 *   <li>{@code label}: {@code 1} shortlisted, {@code 0} rejected;</li>
 *   <li>{@code resume_embedding}, {@code job_embedding}: the L2-normalised vectors as floats separated by single spaces,
 *       written with {@link Float#toString(float)} so they read back bit-exact; every row has the same dimension.</li>
 * </ul>
 * Empty lines are skipped. A directory holds one or more such files ending in {@code .csv}, each with the header.
 */
public final class TrainingDataCsv {

    public static final String HEADER = "sample_id,label,resume_embedding,job_embedding";

    private TrainingDataCsv() {
    }

    public static void writeHeader(Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
    }

    public static void writeRow(Writer out, TrainingSample sample) throws IOException {
        out.write(quoteId(sample.id()));
        out.write(',');
        out.write(Integer.toString(sample.label()));
        out.write(',');
        writeVector(out, sample.resume());
        out.write(',');
        writeVector(out, sample.job());
        out.write('\n');
    }

    /** Header plus one row per sample. */
    public static void write(Writer out, Iterable<TrainingSample> samples) throws IOException {
        writeHeader(out);
        for (TrainingSample s : samples) {
            writeRow(out, s);
        }
    }

    public static String toCsv(Iterable<TrainingSample> samples) {
        StringWriter w = new StringWriter();
        try {
            write(w, samples);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    public static void write(Path file, Iterable<TrainingSample> samples) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(w, samples);
        }
    }

    public static List<TrainingSample> read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        }
    }

    /** Every {@code *.csv} file in {@code directory} (not recursive), in file-name order. */
    public static List<TrainingSample> readDirectory(Path directory) throws IOException {
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
        List<TrainingSample> all = new ArrayList<>();
        int dimension = -1;
        for (Path f : files) {
            List<TrainingSample> part = read(f);
            if (!part.isEmpty()) {
                if (dimension >= 0 && part.get(0).dimension() != dimension) {
                    throw new IllegalArgumentException(f + ": embeddings have " + part.get(0).dimension()
                            + " dims but earlier files have " + dimension);
                }
                dimension = part.get(0).dimension();
            }
            all.addAll(part);
        }
        return all;
    }

    /**
     * @param source name used in error messages (file name)
     * @throws IllegalArgumentException naming the source and line of the first malformed row
     */
    public static List<TrainingSample> read(Reader in, String source) throws IOException {
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
        String header = reader.readLine();
        if (header != null && header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        if (header == null || !HEADER.equals(stripCr(header).trim())) {
            throw new IllegalArgumentException(source + ": line 1: expected header '" + HEADER + "', got '"
                    + (header == null ? "<empty file>" : abbreviate(header)) + "'");
        }
        List<TrainingSample> samples = new ArrayList<>();
        int dimension = -1;
        int lineNo = 1;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            line = stripCr(line);
            if (line.isBlank()) {
                continue;
            }
            TrainingSample s;
            try {
                s = parseRow(line);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": line " + lineNo + ": " + e.getMessage(), e);
            }
            if (dimension >= 0 && s.dimension() != dimension) {
                throw new IllegalArgumentException(source + ": line " + lineNo + ": embeddings have " + s.dimension()
                        + " dims but earlier rows have " + dimension);
            }
            dimension = s.dimension();
            samples.add(s);
        }
        return samples;
    }

    static TrainingSample parseRow(String line) {
        String id;
        int pos;
        if (line.startsWith("\"")) {
            StringBuilder sb = new StringBuilder();
            int i = 1;
            while (true) {
                if (i >= line.length()) {
                    throw new IllegalArgumentException("unterminated quoted sample_id");
                }
                char c = line.charAt(i);
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        sb.append('"');
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                sb.append(c);
                i++;
            }
            if (i >= line.length() || line.charAt(i) != ',') {
                throw new IllegalArgumentException("expected ',' after quoted sample_id");
            }
            id = sb.toString();
            pos = i + 1;
        } else {
            int comma = line.indexOf(',');
            if (comma < 0) {
                throw new IllegalArgumentException("expected 4 columns: " + HEADER);
            }
            id = line.substring(0, comma);
            pos = comma + 1;
        }
        String[] rest = line.substring(pos).split(",", -1);
        if (rest.length != 3) {
            throw new IllegalArgumentException("expected 4 columns (" + HEADER + "), got " + (rest.length + 1));
        }
        if (id.isEmpty()) {
            throw new IllegalArgumentException("empty sample_id");
        }
        int label;
        switch (rest[0].trim()) {
            case "0" -> label = 0;
            case "1" -> label = 1;
            default -> throw new IllegalArgumentException("sample " + id + ": label must be 0 or 1, got '" + rest[0] + "'");
        }
        float[] resume = parseVector(rest[1], "resume_embedding", id);
        float[] job = parseVector(rest[2], "job_embedding", id);
        return new TrainingSample(id, resume, job, label);
    }

    private static float[] parseVector(String text, String column, String id) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("sample " + id + ": empty " + column);
        }
        String[] parts = t.split(" +");
        float[] v = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Float.parseFloat(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("sample " + id + ": " + column + " value " + i + " is not a number: '"
                        + abbreviate(parts[i]) + "'");
            }
            if (!Float.isFinite(v[i])) {
                throw new IllegalArgumentException("sample " + id + ": " + column + " value " + i + " is not finite");
            }
        }
        return v;
    }

    private static void writeVector(Writer out, float[] v) throws IOException {
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                out.write(' ');
            }
            if (!Float.isFinite(v[i])) {
                throw new IllegalArgumentException("embedding value " + i + " is not finite: " + v[i]);
            }
            out.write(Float.toString(v[i]));
        }
    }

    private static String quoteId(String id) {
        if (id.isEmpty()) {
            throw new IllegalArgumentException("sample_id must not be empty");
        }
        if (id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("sample_id must not contain line breaks: " + abbreviate(id));
        }
        if (id.indexOf(',') >= 0 || id.indexOf('"') >= 0) {
            return '"' + id.replace("\"", "\"\"") + '"';
        }
        return id;
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
