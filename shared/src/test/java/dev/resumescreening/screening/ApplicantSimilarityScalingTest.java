package dev.resumescreening.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.resumescreening.domain.ApplicantSimilarity;
import dev.resumescreening.domain.Job;
import dev.resumescreening.embedding.LexicalEmbedder;
import dev.resumescreening.embedding.TermVector;
import dev.resumescreening.ports.JobRepository.StoredJob;
import org.junit.jupiter.api.Test;

/** A job whose applicants match it less than the typical applicant has its cosines raised; more, lowered, within bounds. */
class ApplicantSimilarityScalingTest {
    private static final double TYPICAL =
            SimilarityModel.forEmbedder(LexicalEmbedder.NAME).typicalApplicantCosine();
    private static final TermVector JOB = LexicalEmbedder.vectorOf("Senior accountant: ledger, reconciliations, audit");
    private static final TermVector RESUME = LexicalEmbedder.vectorOf("Accountant, general ledger and audit work");

    @Test
    void aJobWithoutApplicantsIsScoredAsDescribed() {
        assertEquals(1.0, ApplicantSimilarity.NONE.scale(TYPICAL), 1e-12);
        assertEquals(RESUME.dot(JOB), RESUME.dot(scoringVector(ApplicantSimilarity.NONE)), 1e-6);
    }

    @Test
    void aJobWhoseApplicantsMatchItLessThanTypicalHasItsCosinesRaised() {
        ApplicantSimilarity lowerThanTypical = new ApplicantSimilarity(180, 180 * 0.75 * TYPICAL);
        // 20 applicants at the typical cosine join the job's own before the mean is taken
        double expected = TYPICAL / ((180 * 0.75 * TYPICAL + 20 * TYPICAL) / 200);
        assertEquals(expected, lowerThanTypical.scale(TYPICAL), 1e-12);
        assertEquals(expected * RESUME.dot(JOB), RESUME.dot(scoringVector(lowerThanTypical)), 1e-6);
    }

    @Test
    void aJobWhoseApplicantsMatchItMoreThanTypicalHasItsCosinesLowered() {
        ApplicantSimilarity higherThanTypical = new ApplicantSimilarity(180, 180 * 1.25 * TYPICAL);
        double expected = TYPICAL / ((180 * 1.25 * TYPICAL + 20 * TYPICAL) / 200);
        assertEquals(expected, higherThanTypical.scale(TYPICAL), 1e-12);
        assertEquals(expected * RESUME.dot(JOB), RESUME.dot(scoringVector(higherThanTypical)), 1e-6);
    }

    @Test
    void aJobsFirstApplicantsMoveTheScaleLittle() {
        assertEquals(21 / 20.5, new ApplicantSimilarity(1, 0.5 * TYPICAL).scale(TYPICAL), 1e-12);
        assertEquals(21.0 / 20.0, new ApplicantSimilarity(1, 0).scale(TYPICAL), 1e-12);
        assertEquals(21 / 22.0, new ApplicantSimilarity(1, 2 * TYPICAL).scale(TYPICAL), 1e-12);
    }

    @Test
    void theScaleStaysWithinItsBounds() {
        // applicants at 0.4 of the typical cosine are raised 2.5 times, past 2: abbreviated ads need it
        assertEquals(2.5, new ApplicantSimilarity(1_000_000, 1_000_000 * 0.4 * TYPICAL).scale(TYPICAL), 1e-4);
        assertEquals(3.0, new ApplicantSimilarity(10_000, 0).scale(TYPICAL), 1e-12);
        assertEquals(0.7, new ApplicantSimilarity(10_000, 10_000 * 0.9).scale(TYPICAL), 1e-12);
        assertEquals(3.0, new ApplicantSimilarity(10_000, -10_000).scale(TYPICAL), 1e-12);
    }

    @Test
    void jobsAreNotScaledWithHybridVectorsWhoseTypicalCosineWasNotMeasured() {
        SimilarityModel hybrid = SimilarityModel.forEmbedder("hybrid:" + LexicalEmbedder.NAME + "+titan");
        assertEquals(1.0, hybrid.jobScale(new ApplicantSimilarity(1_000, 0)), 1e-12);
        SimilarityModel lexical = SimilarityModel.forEmbedder(LexicalEmbedder.NAME);
        assertEquals(3.0, lexical.jobScale(new ApplicantSimilarity(1_000, 0)), 1e-12);
    }

    @Test
    void aVectorIsScaledOnlyByAPositiveFiniteFactor() {
        assertEquals(3 * RESUME.dot(JOB), RESUME.dot(JOB.scaled(3)), 1e-6);
        assertSame(JOB, JOB.scaled(1.0), "a factor of 1 is the vector itself");
        assertThrows(IllegalArgumentException.class, () -> JOB.scaled(0));
        assertThrows(IllegalArgumentException.class, () -> JOB.scaled(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> JOB.scaled(Double.POSITIVE_INFINITY));
    }

    private static TermVector scoringVector(ApplicantSimilarity applicants) {
        JobService jobs = JobServices.withoutStorage();
        Job job = new Job("job-1", "Senior accountant", "ledger", 50, "2026-11-27T00:00:00Z", false);
        return jobs.scoringVector(new StoredJob(job, JOB, applicants));
    }
}
