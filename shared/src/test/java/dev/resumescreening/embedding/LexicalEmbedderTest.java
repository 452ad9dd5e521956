package dev.resumescreening.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LexicalEmbedderTest {
    private final LexicalEmbedder embedder = new LexicalEmbedder();

    @Test
    void wordsAndWordPairsWithSublinearCounts() {
        TermVector vector = embedder.embed("Java java JAVA Spring, and the SQL");
        // java (3 times), spring, sql, and the pairs "java java" (2), "java spring", "spring sql": stop words dropped
        assertEquals(6, vector.size());
        Map<Integer, Float> weights = new HashMap<>();
        for (int k = 0; k < vector.size(); k++) {
            weights.put(vector.index(k), vector.weight(k));
        }
        float java = weights.get(LexicalEmbedder.index("java"));
        float spring = weights.get(LexicalEmbedder.index("spring"));
        assertEquals((1 + Math.log(3)) / 1.0, java / spring, 1e-5, "1 + ln(count)");
        assertTrue(weights.containsKey(LexicalEmbedder.index("spring sql")), "the pair skips the stop words between");
        assertFalse(weights.containsKey(LexicalEmbedder.index("and")));
        assertEquals(1.0, vector.dot(vector), 1e-6);
    }

    @Test
    void similarTextsAreCloserThanUnrelatedOnes() {
        TermVector job = embedder.embed("Backend Java engineer: Spring Boot, AWS Lambda, DynamoDB");
        double java = job.dot(embedder.embed("Java developer building Spring Boot services on AWS Lambda"));
        double barista = job.dot(embedder.embed("Barista, espresso and latte art, customer service"));
        assertTrue(java > 0.2, "java " + java);
        assertEquals(0.0, barista, 1e-9);
    }

    @Test
    void textWithoutUsableWordsIsEmpty() {
        assertTrue(embedder.embed("a the and of ... !!! - x").isEmpty());
        assertEquals(0.0, embedder.embed("").dot(embedder.embed("java")));
    }

    @Test
    void bytesRoundTripAndRefuseOtherFormats() {
        TermVector vector = embedder.embed("Kubernetes, Terraform and AWS; C++ and C#");
        assertEquals(vector, TermVector.fromBytes(vector.toBytes()));
        byte[] legacyDense = ByteBuffer.allocate(4096)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putFloat(0.5f)
                .array();
        assertFalse(TermVector.isTermVector(legacyDense));
        assertThrows(IllegalArgumentException.class, () -> TermVector.fromBytes(legacyDense));
        byte[] truncated = Arrays.copyOf(vector.toBytes(), vector.toBytes().length - 4);
        assertThrows(IllegalArgumentException.class, () -> TermVector.fromBytes(truncated));
    }

    @Test
    void longTextsKeepTheirStrongestTerms() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < LexicalEmbedder.MAX_TERMS; i++) {
            text.append("word").append(i).append(' ');
        }
        text.append("java java java java");
        TermVector vector = embedder.embed(text.toString());
        assertEquals(LexicalEmbedder.MAX_TERMS, vector.size());
        assertTrue(vector.dot(embedder.embed("java")) > 0, "the most frequent term is kept");
    }

    @Test
    void hybridVectorsMixTheTwoCosines() {
        float[] a = {1f, 0f};
        float[] b = {0.6f, 0.8f};
        TermVector left = embedder.embed("java spring").beside(a, HybridEmbedder.SEMANTIC_OFFSET, 0.5);
        TermVector right = embedder.embed("java spring").beside(b, HybridEmbedder.SEMANTIC_OFFSET, 0.5);
        assertEquals(0.5 * 1.0 + 0.5 * 0.6, left.dot(right), 1e-6);
        assertEquals(1.0, left.dot(left), 1e-6);
    }
}
