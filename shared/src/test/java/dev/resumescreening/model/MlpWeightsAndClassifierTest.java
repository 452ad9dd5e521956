package dev.resumescreening.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resumescreening.embedding.LexicalEmbedder;
import dev.resumescreening.embedding.TermVector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MlpWeightsAndClassifierTest {

    /** input 3, hidden 2. */
    static MlpWeights handSet() {
        return new MlpWeights(
                new float[][] {{1f, 0f, -1f}, {0.5f, 0.5f, 0.5f}}, new float[] {0f, -1f}, new float[] {2f, -3f}, 0.25f);
    }

    @Test
    void forwardPassMatchesHandComputation() {
        MlpClassifier c = new MlpClassifier(handSet());
        // x = (1, 2, 3): h1 = relu(1 - 3 + 0) = 0 ; h2 = relu(0.5*6 - 1) = 2 ; z = 0.25 + 0 - 6 = -5.75
        assertEquals(-5.75, c.logit(new float[] {1f, 2f, 3f}), 1e-6);
        assertEquals(1 / (1 + Math.exp(5.75)), c.probability(new float[] {1f, 2f, 3f}), 1e-9);
        // x = (2, 0, 0): h1 = 2 ; h2 = relu(1 - 1) = 0 ; z = 0.25 + 4 = 4.25
        assertEquals(1 / (1 + Math.exp(-4.25)), c.probability(new float[] {2f, 0f, 0f}), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> c.probability(new float[] {1f, 2f}));
    }

    @Test
    void sigmoidIsStableForLargeLogits() {
        assertEquals(1.0, MlpClassifier.sigmoid(800), 0);
        assertEquals(0.0, MlpClassifier.sigmoid(-800), 1e-300);
        assertEquals(0.5, MlpClassifier.sigmoid(0), 0);
    }

    @Test
    void bytesRoundTripAndLayout() {
        MlpWeights w = handSet();
        byte[] bytes = w.toBytes();
        assertEquals(16 + 4 * (6 + 2 + 2 + 1) + 4, bytes.length, "header, parameters, an empty job feedback");
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals('R', b.get(0));
        assertEquals('S', b.get(1));
        assertEquals(2, b.getInt(4));
        assertEquals(3, b.getInt(8));
        assertEquals(2, b.getInt(12));
        assertEquals(-1f, b.getFloat(16 + 4 * 2)); // W1[0][2]
        assertEquals(0.25f, b.getFloat(16 + 4 * 10));
        assertEquals(0, b.getInt(bytes.length - 4), "no jobs");

        MlpWeights back = MlpWeights.fromBytes(bytes);
        assertEquals(w, back);
        assertArrayEquals(w.w1()[1], back.w1()[1]);
        assertEquals(w.sha256Hex(), back.sha256Hex());
        assertEquals(64, w.sha256Hex().length());
    }

    @Test
    void jobFeedbackTravelsWithTheWeights() {
        LexicalEmbedder embedder = new LexicalEmbedder();
        JobFeedback feedback = new JobFeedback(Map.of(
                "job-1", new JobFeedback.Prototypes(3, 7, embedder.embed("java spring"), embedder.embed("barista")),
                "job-é", new JobFeedback.Prototypes(0, 2, TermVector.EMPTY, embedder.embed("nurse"))));
        MlpWeights w = handSet().withFeedback(feedback);
        MlpWeights back = MlpWeights.fromBytes(w.toBytes());
        assertEquals(w, back);
        assertEquals(feedback, back.feedback());
        assertNotEquals(handSet().sha256Hex(), w.sha256Hex(), "the checksum covers the feedback");
        byte[] truncated = Arrays.copyOf(w.toBytes(), w.toBytes().length - 3);
        assertThrows(IllegalArgumentException.class, () -> MlpWeights.fromBytes(truncated));
        byte[] trailing = Arrays.copyOf(w.toBytes(), w.toBytes().length + 1);
        assertThrows(IllegalArgumentException.class, () -> MlpWeights.fromBytes(trailing));
    }

    @Test
    void readsVersionOneFilesWithoutFeedback() {
        byte[] current = handSet().toBytes();
        byte[] versionOne = Arrays.copyOf(current, current.length - 4);
        ByteBuffer.wrap(versionOne).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 1);
        assertEquals(handSet(), MlpWeights.fromBytes(versionOne));
        assertEquals(JobFeedback.NONE, MlpWeights.fromBytes(versionOne).feedback());
    }

    @Test
    void randomWeightsRoundTripExactly() {
        Random r = new Random(7);
        float[][] w1 = new float[64][2049];
        for (float[] row : w1) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) r.nextGaussian();
            }
        }
        float[] b1 = new float[64];
        float[] w2 = new float[64];
        for (int h = 0; h < 64; h++) {
            b1[h] = r.nextFloat();
            w2[h] = r.nextFloat() - 0.5f;
        }
        MlpWeights w = new MlpWeights(w1, b1, w2, -0.1f);
        MlpWeights back = MlpWeights.fromBytes(w.toBytes());
        assertEquals(w, back);
        assertEquals(w.sha256Hex(), back.sha256Hex());
        MlpWeights changed = MlpWeights.ofFlat(2049, 64, w.w1RowMajor(), b1, w2, -0.2f);
        assertNotEquals(w.sha256Hex(), changed.sha256Hex());
    }

    @Test
    void rejectsMalformedBytes() {
        byte[] bytes = handSet().toBytes();
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MlpWeights.fromBytes(truncated))
                .getMessage()
                .contains("expected"));
        byte[] badMagic = bytes.clone();
        badMagic[0] = 'X';
        assertThrows(IllegalArgumentException.class, () -> MlpWeights.fromBytes(badMagic));
        byte[] badVersion = bytes.clone();
        badVersion[4] = 9;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MlpWeights.fromBytes(badVersion))
                .getMessage()
                .contains("version 9"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new MlpWeights(new float[][] {{1f}, {1f, 2f}}, new float[2], new float[2], 0f));
    }

    @Test
    void classifierIsThreadSafe() throws Exception {
        Random r = new Random(1);
        float[][] w1 = new float[16][33];
        for (float[] row : w1) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) r.nextGaussian() * 0.3f;
            }
        }
        MlpClassifier c = new MlpClassifier(new MlpWeights(w1, new float[16], filled(16, 0.2f), 0f));
        float[][] xs = new float[200][33];
        double[] expected = new double[200];
        for (int k = 0; k < xs.length; k++) {
            for (int i = 0; i < 33; i++) {
                xs[k][i] = (float) r.nextGaussian();
            }
            expected[k] = c.probability(xs[k]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int rep = 0; rep < 50; rep++) {
                        for (int k = 0; k < xs.length; k++) {
                            if (c.probability(xs[k]) != expected[k]) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
