package dev.resumescreening.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HashingEmbedderTest {
    private final HashingEmbedder embedder = new HashingEmbedder();

    @Test
    void givesNormalisedVectorsOfTheFixedSize() {
        float[] vector = embedder.embed("Java developer with Spring and AWS experience");
        assertEquals(HashingEmbedder.DIMENSIONS, vector.length);
        assertEquals(1.0, Vectors.dot(vector, vector), 1e-5);
    }

    @Test
    void isDeterministic() {
        assertArrayEquals(embedder.embed("accountant, ledger, IFRS"), embedder.embed("accountant, ledger, IFRS"));
    }

    @Test
    void relatedTextsAreCloserThanUnrelatedOnes() {
        float[] job = embedder.embed("Java backend engineer: Spring Boot, microservices, AWS Lambda, DynamoDB");
        float[] match = embedder.embed("Backend engineer, 6 years of Java, Spring Boot microservices on AWS Lambda");
        float[] other = embedder.embed("Certified accountant: payroll, audits, tax returns, general ledger");
        assertTrue(Vectors.dot(job, match) > Vectors.dot(job, other) + 0.2);
    }

    @Test
    void emptyTextGivesTheZeroVector() {
        float[] vector = embedder.embed("  ");
        assertEquals(0.0, Vectors.dot(vector, vector));
    }

    @Test
    void vectorsRoundTripThroughTheirBinaryForm() {
        float[] vector = embedder.embed("round trip");
        assertArrayEquals(vector, Vectors.fromBytes(Vectors.toBytes(vector)));
    }
}
