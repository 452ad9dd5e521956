package dev.resumescreening.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingDataCsvTest {

    @Test
    void writesTheDocumentedFormat() {
        String csv = TrainingDataCsv.toCsv(List.of(
                new TrainingSample("r1#j1", new float[] {0.6f, -0.8f}, new float[] {1f, 0f}, 1),
                new TrainingSample("a,\"b\"", new float[] {1e-7f, 0f}, new float[] {0f, 1f}, 0)));
        assertEquals("sample_id,label,resume_embedding,job_embedding\n"
                + "r1#j1,1,0.6 -0.8,1.0 0.0\n"
                + "\"a,\"\"b\"\"\",0,1.0E-7 0.0,0.0 1.0\n", csv);
    }

    @Test
    void roundTripsBitExact(@TempDir Path dir) throws Exception {
        java.util.Random r = new java.util.Random(3);
        List<TrainingSample> samples = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            float[] a = new float[16];
            float[] b = new float[16];
            for (int k = 0; k < 16; k++) {
                a[k] = (float) r.nextGaussian();
                b[k] = (float) r.nextGaussian();
            }
            samples.add(new TrainingSample("s" + i + (i == 3 ? ",x" : ""), a, b, i % 2));
        }
        TrainingDataCsv.write(dir.resolve("b.csv"), samples.subList(10, 20));
        TrainingDataCsv.write(dir.resolve("a.csv"), samples.subList(0, 10));
        Files.writeString(dir.resolve("ignored.txt"), "junk");
        List<TrainingSample> back = TrainingDataCsv.readDirectory(dir);
        assertEquals(20, back.size());
        for (int i = 0; i < 20; i++) {
            assertEquals(samples.get(i).id(), back.get(i).id());
            assertEquals(samples.get(i).label(), back.get(i).label());
            assertArrayEquals(samples.get(i).resume(), back.get(i).resume());
            assertArrayEquals(samples.get(i).job(), back.get(i).job());
        }
    }

    @Test
    void acceptsCrlfAndBlankLines() throws Exception {
        String csv = "sample_id,label,resume_embedding,job_embedding\r\nx,0,1 2,3 4\r\n\r\ny,1,0.5 0.5,0.5 0.5\r\n";
        List<TrainingSample> s = TrainingDataCsv.read(new StringReader(csv), "t.csv");
        assertEquals(2, s.size());
        assertArrayEquals(new float[] {3f, 4f}, s.get(0).job());
    }

    @Test
    void errorsNameFileAndLine() {
        assertMessage("a,b\n", "t.csv: line 1: expected header");
        assertMessage(TrainingDataCsv.HEADER + "\nx,2,1 2,3 4\n", "line 2: sample x: label must be 0 or 1");
        assertMessage(TrainingDataCsv.HEADER + "\nx,1,1 2,3 4\ny,1,1 2 3,3 4 5\n", "line 3: embeddings have 3 dims");
        assertMessage(TrainingDataCsv.HEADER + "\nx,1,1 z,3 4\n", "resume_embedding value 1 is not a number");
        assertMessage(TrainingDataCsv.HEADER + "\nx,1,1 2,3\n", "line 2: sample x: resume embedding has 2 dims");
        assertMessage(TrainingDataCsv.HEADER + "\nx,1,1 2\n", "expected 4 columns");
    }

    private static void assertMessage(String csv, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingDataCsv.read(new StringReader(csv), "t.csv"));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void emptyDirectoryIsAnError(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class, () -> TrainingDataCsv.readDirectory(dir));
    }
}
