package dev.resumescreening.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    @Test
    void confusionMatrixAndRatesByHand() {
        double[] p = {0.9, 0.8, 0.4, 0.6, 0.2, 0.1, 0.5, 0.3};
        int[] y = {1, 1, 1, 0, 0, 0, 0, 1};
        // predicted positive (>= 0.5): idx 0,1,3,6 -> tp=2 (0,1), fp=2 (3,6); negatives predicted: 2,4,5,7 -> fn=2
        // (2,7), tn=2
        ClassificationMetrics m = ClassificationMetrics.compute(p, y);
        assertEquals(2, m.tp());
        assertEquals(2, m.fp());
        assertEquals(2, m.tn());
        assertEquals(2, m.fn());
        assertEquals(8, m.total());
        assertEquals(4, m.positive());
        assertEquals(4, m.negative());
        assertEquals(0.5, m.accuracy(), 1e-12);
        assertEquals(0.5, m.precision(), 1e-12);
        assertEquals(0.5, m.recall(), 1e-12);
        assertEquals(0.5, m.f1(), 1e-12);
        // AUC by pair counting: positives {0.9,0.8,0.4,0.3}, negatives {0.6,0.2,0.1,0.5}
        // 0.9 beats 4, 0.8 beats 4, 0.4 beats 2, 0.3 beats 2 -> 12/16
        assertEquals(0.75, m.rocAuc(), 1e-12);
    }

    @Test
    void aucCountsTiesAsHalf() {
        double[] p = {0.7, 0.7, 0.7, 0.2, 0.9};
        int[] y = {1, 0, 0, 0, 1};
        // pairs (pos,neg): 0.7 vs 0.7 (x2) -> 0.5 each; 0.7 vs 0.2 -> 1 ; 0.9 vs all three -> 3 ; total 5/6
        assertEquals(5.0 / 6.0, ClassificationMetrics.rocAuc(p, y), 1e-12);
        double[] allTied = {0.3, 0.3, 0.3, 0.3};
        assertEquals(0.5, ClassificationMetrics.rocAuc(allTied, new int[] {1, 0, 1, 0}), 1e-12);
    }

    @Test
    void edgeCases() {
        ClassificationMetrics m = ClassificationMetrics.compute(new double[] {0.1, 0.2}, new int[] {0, 0});
        assertEquals(0.0, m.precision());
        assertEquals(0.0, m.recall());
        assertEquals(0.0, m.f1());
        assertEquals(1.0, m.accuracy());
        assertTrue(Double.isNaN(m.rocAuc()));
        assertThrows(
                IllegalArgumentException.class, () -> ClassificationMetrics.compute(new double[] {0.1}, new int[] {2}));
        assertThrows(
                IllegalArgumentException.class,
                () -> ClassificationMetrics.compute(new double[] {0.1}, new int[] {1, 0}));
        // threshold is inclusive
        assertEquals(
                1,
                ClassificationMetrics.compute(new double[] {0.5}, new int[] {1}).tp());
    }

    @Test
    void perfectAndInvertedRanking() {
        assertEquals(1.0, ClassificationMetrics.rocAuc(new double[] {0.1, 0.9}, new int[] {0, 1}));
        assertEquals(0.0, ClassificationMetrics.rocAuc(new double[] {0.9, 0.1}, new int[] {0, 1}));
    }

    @Test
    void jsonUsesSnakeCaseAndRoundTrips() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ClassificationMetrics m = ClassificationMetrics.compute(new double[] {0.9, 0.2, 0.6}, new int[] {1, 0, 0});
        String json = mapper.writeValueAsString(m);
        assertTrue(json.contains("\"roc_auc\":1.0"), json);
        assertTrue(json.contains("\"fp\":1"), json);
        assertEquals(m, mapper.readValue(json, ClassificationMetrics.class));
        Map<String, Object> map = m.toMap();
        assertEquals(1.0, map.get("roc_auc"));
        assertEquals(13, map.size());

        ClassificationMetrics nan = ClassificationMetrics.compute(new double[] {0.9}, new int[] {1});
        ClassificationMetrics back = mapper.readValue(mapper.writeValueAsString(nan), ClassificationMetrics.class);
        assertTrue(Double.isNaN(back.rocAuc()));
    }

    @Test
    void aPairOfWeightThreeCountsAsThreePairsOfItsScoreAndLabel() {
        double[] scores = {0.9, 0.3, 0.5, 0.6, 0.5};
        int[] labels = {1, 1, 0, 0, 1};
        double[] repeated = {0.9, 0.3, 0.3, 0.3, 0.5, 0.6, 0.5};
        int[] repeatedLabels = {1, 1, 1, 1, 0, 0, 1};
        assertEquals(
                ClassificationMetrics.rocAuc(repeated, repeatedLabels),
                ClassificationMetrics.rocAuc(scores, labels, new double[] {1, 3, 1, 1, 1}),
                1e-12);
        assertEquals(
                (1 * 2 + 3 * 0 + 1 * 0.5) / (5.0 * 2),
                ClassificationMetrics.rocAuc(scores, labels, new double[] {1, 3, 1, 1, 1}),
                1e-12);
        assertEquals(Double.NaN, ClassificationMetrics.rocAuc(scores, new int[5], new double[] {1, 1, 1, 1, 1}));
    }
}
