package dev.resumescreening.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resumescreening.embedding.LexicalEmbedder;
import dev.resumescreening.embedding.TermVector;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingDataCsvTest {
    private static final LexicalEmbedder EMBEDDER = new LexicalEmbedder();
    private static final TermVector JAVA = EMBEDDER.embed("Java engineer, Spring and AWS");
    private static final TermVector BARISTA = EMBEDDER.embed("Barista: espresso, latte art");

    @Test
    void writesTheDocumentedFormat() {
        String csv = TrainingDataCsv.toCsv(List.of(new TrainingSample("a,\"b\"", "job-1", JAVA, BARISTA, 0)));
        String base64Java = Base64.getEncoder().encodeToString(JAVA.toBytes());
        String base64Barista = Base64.getEncoder().encodeToString(BARISTA.toBytes());
        assertEquals(
                "sample_id,job_id,label,resume_embedding,job_embedding\n" + "\"a,\"\"b\"\"\",job-1,0," + base64Java
                        + "," + base64Barista + "\n",
                csv);
    }

    @Test
    void roundTripsExactlyAcrossFiles(@TempDir Path dir) throws Exception {
        List<TrainingSample> samples = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            TermVector resume = EMBEDDER.embed("resume " + i + " with skills " + (i * 7) + " java sql");
            samples.add(new TrainingSample("s" + i + (i == 3 ? ",x" : ""), "job-" + (i % 3), resume, JAVA, i % 2));
        }
        TrainingDataCsv.write(dir.resolve("b.csv"), samples.subList(10, 20));
        TrainingDataCsv.write(dir.resolve("a.csv"), samples.subList(0, 10));
        Files.writeString(dir.resolve("ignored.txt"), "junk");
        assertEquals(samples, TrainingDataCsv.readDirectory(dir));
    }

    @Test
    void unreviewedResumesHaveAnEmptyLabelAndAreReadApartFromTheReviewedPairs() throws Exception {
        StringWriter csv = new StringWriter();
        try (CSVPrinter out = TrainingDataCsv.printer(csv)) {
            TrainingDataCsv.writeRow(out, new TrainingSample("r-1", "job-1", JAVA, JAVA, 1));
            TrainingDataCsv.writeUnreviewed(out, new UnreviewedResume("r-2", "job-1", BARISTA, JAVA));
            TrainingDataCsv.writeRow(out, new TrainingSample("r-3", "job-1", BARISTA, JAVA, 0));
        }
        assertTrue(csv.toString().contains("\nr-2,job-1,,"), csv.toString());

        TrainingSet set = TrainingDataCsv.readSet(new StringReader(csv.toString()), "t.csv");
        assertEquals(
                List.of("r-1", "r-3"),
                set.reviewed().stream().map(TrainingSample::id).toList());
        assertEquals(List.of(new UnreviewedResume("r-2", "job-1", BARISTA, JAVA)), set.unreviewed());
        assertEquals(set.reviewed(), TrainingDataCsv.read(new StringReader(csv.toString()), "t.csv"));
    }

    @Test
    void acceptsCrlfAndBlankLines() throws Exception {
        String vector = Base64.getEncoder().encodeToString(JAVA.toBytes());
        String csv = TrainingDataCsv.HEADER + "\r\nx,job-1,0," + vector + "," + vector + "\r\n\r\ny,job-1,1," + vector
                + "," + vector + "\r\n";
        List<TrainingSample> samples = TrainingDataCsv.read(new StringReader(csv), "t.csv");
        assertEquals(2, samples.size());
        assertEquals(JAVA, samples.get(1).job());
    }

    @Test
    void errorsNameFileAndLine() {
        String vector = Base64.getEncoder().encodeToString(JAVA.toBytes());
        assertMessage("a,b\n", "t.csv: line 1: expected header");
        assertMessage(
                TrainingDataCsv.HEADER + "\nx,job-1,2," + vector + "," + vector + "\n",
                "line 2: sample x: label must be 0, 1 or empty (unreviewed)");
        assertMessage(
                TrainingDataCsv.HEADER + "\nx,job-1,1,0.1 0.2," + vector + "\n",
                "sample x: resume_embedding is not a base64 term vector");
        assertMessage(TrainingDataCsv.HEADER + "\nx,,1," + vector + "," + vector + "\n", "job id must not be empty");
        assertMessage(TrainingDataCsv.HEADER + "\nx,job-1,1\n", "expected 5 columns");
    }

    private static void assertMessage(String csv, String fragment) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> TrainingDataCsv.read(new StringReader(csv), "t.csv"));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void emptyDirectoryIsAnError(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class, () -> TrainingDataCsv.readDirectory(dir));
    }
}
