package dev.resumescreening.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
