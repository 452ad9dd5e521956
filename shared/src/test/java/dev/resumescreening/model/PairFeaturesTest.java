package dev.resumescreening.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PairFeaturesTest {

    @Test
    void concatenatesProductAbsoluteDifferenceAndDot() {
        float[] r = {0.6f, 0.8f, 0f};
        float[] j = {1f, 0f, 0f};
        float[] f = PairFeatures.of(r, j);
        assertEquals(7, f.length);
        assertArrayEquals(new float[] {0.6f, 0f, 0f, 0.4f, 0.8f, 0f, 0.6f}, f, 1e-6f);
    }

    @Test
    void dimensionsAndErrors() {
        assertEquals(2049, PairFeatures.dimension(1024));
        assertEquals(1024, PairFeatures.embeddingDimension(2049));
        assertThrows(IllegalArgumentException.class, () -> PairFeatures.of(new float[2], new float[3]));
        assertThrows(IllegalArgumentException.class, () -> PairFeatures.embeddingDimension(2048));
    }
}
