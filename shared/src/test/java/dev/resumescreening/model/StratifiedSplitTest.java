package dev.resumescreening.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {

    static int[] labels(int positives, int negatives) {
        int[] y = new int[positives + negatives];
        // interleave so indices do not reveal the class
        int p = 0;
        for (int i = 0; i < y.length; i++) {
            if (p < positives && (i % 3 == 0 || i >= y.length - (positives - p))) {
                y[i] = 1;
                p++;
            }
        }
        return y;
    }

    static int count(int[] idx, int[] y, int label) {
        int c = 0;
        for (int i : idx) {
            if (y[i] == label) {
                c++;
            }
        }
        return c;
    }

    @Test
    void keepsClassRatioAndCoversEveryIndexOnce() {
        int[] y = labels(200, 800);
        StratifiedSplit s = StratifiedSplit.of(y, 0.7, 0.15, 0.15, 42);
        assertEquals(700, s.train().length);
        assertEquals(150, s.validation().length);
        assertEquals(150, s.test().length);
        assertEquals(140, count(s.train(), y, 1));
        assertEquals(30, count(s.validation(), y, 1));
        assertEquals(30, count(s.test(), y, 1));
        Set<Integer> seen = new HashSet<>();
        for (int[] part : new int[][] {s.train(), s.validation(), s.test()}) {
            for (int i : part) {
                assertTrue(seen.add(i), "index twice: " + i);
            }
        }
        assertEquals(1000, seen.size());
    }

    @Test
    void deterministicForSeedAndDifferentAcrossSeeds() {
        int[] y = labels(37, 91);
        StratifiedSplit a = StratifiedSplit.of(y, 0.7, 0.15, 0.15, 7);
        StratifiedSplit b = StratifiedSplit.of(y, 0.7, 0.15, 0.15, 7);
        assertEquals(a, b);
        assertArrayEquals(a.test(), b.test());
        assertNotEquals(a, StratifiedSplit.of(y, 0.7, 0.15, 0.15, 8));
    }

    @Test
    void smallClassesStillReachEveryPart() {
        int[] y = labels(3, 10);
        StratifiedSplit s = StratifiedSplit.of(y, 0.7, 0.15, 0.15, 1);
        for (int label : new int[] {0, 1}) {
            assertTrue(count(s.train(), y, label) >= 1);
            assertTrue(count(s.validation(), y, label) >= 1);
            assertTrue(count(s.test(), y, label) >= 1);
        }
        int[] two = labels(2, 10);
        StratifiedSplit t = StratifiedSplit.of(two, 0.7, 0.15, 0.15, 1);
        assertEquals(1, count(t.train(), two, 1));
        assertEquals(1, count(t.test(), two, 1));
        assertEquals(0, count(t.validation(), two, 1));
    }

    @Test
    void rejectsBadFractions() {
        assertThrows(IllegalArgumentException.class, () -> StratifiedSplit.of(new int[4], 0.5, 0.2, 0.2, 1));
        assertThrows(IllegalArgumentException.class, () -> StratifiedSplit.of(new int[4], 0.0, 0.5, 0.5, 1));
    }
}
