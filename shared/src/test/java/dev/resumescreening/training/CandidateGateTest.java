package dev.resumescreening.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CandidateGateTest {
    @Test
    void withoutAMarginTheCandidateMustBeStrictlyBetter() {
        assertTrue(CandidateGate.wins(0.81, 0.80, 0.0));
        assertFalse(CandidateGate.wins(0.80, 0.80, 0.0));
        assertFalse(CandidateGate.wins(0.79, 0.80, 0.0));
    }

    @Test
    void aMarginIsTheLeastImprovementThatActivates() {
        assertTrue(CandidateGate.wins(0.85, 0.80, 0.05));
        assertFalse(CandidateGate.wins(0.84, 0.80, 0.05));
    }

    @Test
    void anUndefinedAucNeverActivates() {
        assertFalse(CandidateGate.wins(Double.NaN, 0.5, 0.0));
        assertFalse(CandidateGate.wins(0.9, Double.NaN, 0.0));
    }

    @Test
    void aHeldOutSplitWithFewerThanFiveOfEitherClassCannotActivate() {
        assertEquals(5, CandidateGate.MIN_HELD_OUT_PER_CLASS);
        assertFalse(CandidateGate.enoughHeldOut(1, 2));
        assertFalse(CandidateGate.enoughHeldOut(4, 40));
        assertFalse(CandidateGate.enoughHeldOut(40, 4));
        assertTrue(CandidateGate.enoughHeldOut(5, 5));
        String reason = CandidateGate.tooFewReason(1, 2, "0");
        assertTrue(reason.startsWith("rejected: held-out split has 1 shortlisted and 2 rejected pairs"), reason);
        assertTrue(reason.contains("model 0 stays live"), reason);
    }

    @Test
    void jobNamesCarryTheRunAndOtherStacksJobsAreNotOurs() {
        String job = TrainingJobNames.jobName("resume-screening", "run-20261126-020000-3f9a1c");
        assertEquals("resume-screening-run-20261126-020000-3f9a1c", job);
        assertEquals("run-20261126-020000-3f9a1c", TrainingJobNames.runIdOf("resume-screening", job));
        assertNull(TrainingJobNames.runIdOf("resume-screening", "other-stack-run-1"));
    }

    @Test
    void aClearlyBetterCandidateWinsAlmostEveryResample() {
        int[] labels = new int[60];
        double[] candidate = new double[60];
        double[] active = new double[60];
        for (int i = 0; i < 60; i++) {
            labels[i] = i % 2;
            candidate[i] = labels[i] * 0.8 + (i % 7) * 0.01;
            active[i] = (i % 5) * 0.2;
        }
        assertTrue(CandidateGate.winConfidence(candidate, active, labels, equalWeights(labels.length), 0) > 0.99);
    }

    @Test
    void aRefreshNeedsOnlyToBeNoWorseThanTheToleranceAllows() {
        assertTrue(CandidateGate.notWorse(0.978, 0.978, CandidateGate.REFRESH_TOLERANCE));
        assertTrue(CandidateGate.notWorse(0.975, 0.978, CandidateGate.REFRESH_TOLERANCE));
        assertFalse(CandidateGate.notWorse(0.972, 0.978, CandidateGate.REFRESH_TOLERANCE));
        assertFalse(CandidateGate.notWorse(Double.NaN, 0.978, CandidateGate.REFRESH_TOLERANCE));

        int[] labels = {1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0};
        double[] scores = {0.9, 0.1, 0.4, 0.6, 0.8, 0.3, 0.2, 0.7, 0.65, 0.35, 0.5, 0.45};
        assertEquals(
                1.0,
                CandidateGate.winConfidence(
                        scores, scores.clone(), labels, equalWeights(labels.length), CandidateGate.REFRESH_TOLERANCE),
                1e-9);
        double[] worse = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            worse[i] = 1 - scores[i];
        }
        assertTrue(CandidateGate.winConfidence(
                        worse, scores, labels, equalWeights(labels.length), CandidateGate.REFRESH_TOLERANCE)
                < CandidateGate.REQUIRED_WIN_CONFIDENCE);
    }

    @Test
    void aRefreshMayNotRankTheEvidenceBelowTheSimilarityModel() {
        assertTrue(CandidateGate.notWorse(0.978, 0.978, CandidateGate.ROUNDING));
        assertTrue(CandidateGate.notWorse(0.981, 0.978, CandidateGate.ROUNDING));
        assertFalse(CandidateGate.notWorse(0.9778, 0.978, CandidateGate.ROUNDING));
        assertFalse(CandidateGate.notWorse(0.978, Double.NaN, CandidateGate.ROUNDING));
        assertFalse(CandidateGate.notWorse(Double.NaN, 0.978, CandidateGate.ROUNDING));
    }

    @Test
    void aRefreshWithinToleranceOfTheLiveModelStaysOutWhenItRanksBelowTheSimilarityModel() {
        double sure = CandidateGate.REQUIRED_WIN_CONFIDENCE;
        assertTrue(CandidateGate.activates(sure, true, 0.950, 0.952, 0.948, 0));
        assertFalse(CandidateGate.activates(sure, true, 0.950, 0.952, 0.951, 0));
        assertFalse(CandidateGate.activates(sure, true, 0.950, 0.952, Double.NaN, 0));
        assertFalse(CandidateGate.activates(sure - 0.01, true, 0.950, 0.952, 0.948, 0));
        // a candidate of another recipe gets no tolerance and is not asked about the similarity model
        assertFalse(CandidateGate.activates(sure, false, 0.950, 0.952, Double.NaN, 0));
        assertTrue(CandidateGate.activates(sure, false, 0.953, 0.952, Double.NaN, 0));
    }

    @Test
    void anEqualCandidateNeverWins() {
        int[] labels = {1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0};
        double[] scores = {0.9, 0.1, 0.4, 0.6, 0.8, 0.3, 0.2, 0.7, 0.65, 0.35, 0.5, 0.45};
        assertEquals(
                0.0, CandidateGate.winConfidence(scores, scores.clone(), labels, equalWeights(labels.length), 0), 1e-9);
    }

    /** Six shortlisted pairs then six rejected ones, and a candidate that orders one more pair of them right. */
    private static final int[] FEW_LABELS = {1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0};

    private static final double[] FEW_ACTIVE = {0.9, 0.8, 0.7, 0.35, 0.3, 0.2, 0.6, 0.5, 0.4, 0.25, 0.15, 0.1};

    private static double[] slightlyBetter() {
        double[] candidate = FEW_ACTIVE.clone();
        candidate[3] = 0.45;
        return candidate;
    }

    @Test
    void theSameEvidenceAlwaysGivesTheSameConfidence() {
        double[] candidate = slightlyBetter();
        candidate[9] = 0.32;
        double first =
                CandidateGate.winConfidence(candidate, FEW_ACTIVE, FEW_LABELS, equalWeights(FEW_LABELS.length), 0);
        for (int run = 0; run < 5; run++) {
            assertEquals(
                    first,
                    CandidateGate.winConfidence(
                            candidate.clone(),
                            FEW_ACTIVE.clone(),
                            FEW_LABELS.clone(),
                            equalWeights(FEW_LABELS.length),
                            0));
        }
        double[] otherCandidate = candidate.clone();
        otherCandidate[4] = 0.55;
        assertNotEquals(
                first,
                CandidateGate.winConfidence(
                        otherCandidate, FEW_ACTIVE, FEW_LABELS, equalWeights(FEW_LABELS.length), 0));
    }

    @Test
    void aSlightEdgeOnAFewPairsIsNotEnough() {
        double confidence = CandidateGate.winConfidence(
                slightlyBetter(), FEW_ACTIVE, FEW_LABELS, equalWeights(FEW_LABELS.length), 0);
        assertTrue(confidence < CandidateGate.REQUIRED_WIN_CONFIDENCE, "confidence " + confidence);
        assertTrue(confidence > 0.3, "the edge counts for something: confidence " + confidence);
    }

    private static double[] equalWeights(int pairs) {
        double[] weights = new double[pairs];
        Arrays.fill(weights, 1);
        return weights;
    }
}
