package dev.resumescreening.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RocCurveTest {
    @Test
    void walksFromTheHighestScoreDownOnePointPerDistinctScore() {
        // ranked: 0.9 (pos), 0.8 (neg), 0.7 and 0.7 (pos, neg: one threshold), 0.1 (pos)
        List<double[]> curve = RocCurve.points(new double[] {0.9, 0.8, 0.7, 0.7, 0.1}, new int[] {1, 0, 1, 0, 1}, 101);
        double[][] expected = {{0, 0}, {0, 0.3333}, {0.5, 0.3333}, {1, 0.6667}, {1, 1}};
        assertEquals(expected.length, curve.size());
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], curve.get(i), 1e-9, "point " + i);
        }
    }

    @Test
    void keepsAtMostTheGivenPointsWithBothEnds() {
        Random random = new Random(3);
        double[] scores = new double[5_000];
        int[] labels = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            labels[i] = random.nextBoolean() ? 1 : 0;
            scores[i] = random.nextDouble() + labels[i] * 0.3;
        }
        List<double[]> curve = RocCurve.points(scores, labels, 101);
        assertEquals(101, curve.size());
        assertArrayEquals(new double[] {0, 0}, curve.get(0));
        assertArrayEquals(new double[] {1, 1}, curve.get(100));
        for (int i = 1; i < curve.size(); i++) {
            assertTrue(curve.get(i)[0] >= curve.get(i - 1)[0] && curve.get(i)[1] >= curve.get(i - 1)[1], "monotone");
        }
    }

    @Test
    void oneClassHasNoCurve() {
        assertTrue(
                RocCurve.points(new double[] {0.2, 0.4}, new int[] {1, 1}, 101).isEmpty());
    }
}
