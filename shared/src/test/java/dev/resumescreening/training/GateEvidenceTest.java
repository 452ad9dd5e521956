package dev.resumescreening.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.resumescreening.embedding.TermVector;
import dev.resumescreening.model.FeedbackStatistics;
import dev.resumescreening.model.TrainingSample;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GateEvidenceTest {
    private static final TermVector VECTOR = TermVector.normalised(Map.of(3, 1.0), 1);

    @Test
    void pairsTheLiveModelTrainedOnAreLeftOutWithTheirScores() {
        GateEvidence evidence = new GateEvidence(
                GateEvidence.CROSS_VALIDATION,
                List.of(sample("a", 1), sample("b", 0), sample("c", 1), sample("d", 0)),
                new double[] {0.9, 0.2, 0.7, 0.4},
                FeedbackStatistics.Unreviewed.NONE);
        GateEvidence unseen = evidence.without(Set.of("b", "c"), "model v1");
        assertEquals(
                List.of("a", "d"),
                unseen.samples().stream().map(TrainingSample::id).toList());
        assertArrayEquals(new double[] {0.9, 0.4}, unseen.candidateScores());
        assertEquals(GateEvidence.CROSS_VALIDATION + ", without the 2 pairs model v1 trained on", unseen.method());
        assertSame(evidence, evidence.without(Set.of("z"), "model v1"));
    }

    @Test
    void everyPairNeedsAScore() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new GateEvidence(
                        GateEvidence.TEST_SPLIT,
                        List.of(sample("a", 1)),
                        new double[] {0.1, 0.2},
                        FeedbackStatistics.Unreviewed.NONE));
    }

    private static TrainingSample sample(String id, int label) {
        return new TrainingSample(id, "job-1", VECTOR, VECTOR, label);
    }
}
