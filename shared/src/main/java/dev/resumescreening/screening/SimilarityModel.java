package dev.resumescreening.screening;

import dev.resumescreening.domain.ApplicantSimilarity;
import dev.resumescreening.embedding.TermVector;
import dev.resumescreening.ports.ScoringModel;

/**
 * Model version 0: cosine similarity mapped through a logistic curve calibrated for the embedder, so the system
 * screens sensibly on day one, before any review exists. Like every model, it is given the job's vector scaled by
 * {@link #jobScale} (see {@link dev.resumescreening.screening.JobService#scoringVector}).
 */
public final class SimilarityModel implements ScoringModel {
    public static final String VERSION = "0";

    /**
     * Calibration: a logistic fit of the match label on the cosine over labelled resumes (466 real resumes against
     * job descriptions written apart from the model, a quarter of the pairs matching) gave center 0.090-0.096 and
     * steepness 74-81 for the lexical vectors. For the hybrid vectors, whose cosine is the mean of the lexical and
     * the Titan cosine, the center is the mean of the two centers (Titan's, 0.30, was measured in an earlier release)
     * and the steepness the harmonic mean of the two (Titan's was 18), since the spread of a mean of two cosines is
     * about the mean of their spreads.
     */
    private static final SimilarityModel LEXICAL = new SimilarityModel(0.09, 75.0, 0.0625);
    /**
     * Jobs are not scaled with the hybrid vectors ({@link #jobScale}): Titan's typical applicant cosine was never
     * measured (no Bedrock where the scale was), and a wrong one would move every decision of every job.
     */
    private static final SimilarityModel HYBRID = new SimilarityModel(0.195, 29.0, 0);

    private final double center;
    private final double steepness;
    private final double typicalApplicantCosine;

    /**
     * {@code typicalApplicantCosine}: for the lexical vectors, the mean over jobs of each job's mean cosine with all
     * 466 resumes was 0.062 on the three sets of job descriptions the curve was measured with (0.0625 taken); 0 when
     * not measured.
     */
    private SimilarityModel(double center, double steepness, double typicalApplicantCosine) {
        this.center = center;
        this.steepness = steepness;
        this.typicalApplicantCosine = typicalApplicantCosine;
    }

    /** The calibration of the vectors of the embedder named {@code embedderName}. */
    public static SimilarityModel forEmbedder(String embedderName) {
        return embedderName.startsWith("hybrid:") ? HYBRID : LEXICAL;
    }

    /** The cosine of a typical applicant of the jobs the curve was calibrated on; 0 when not measured. */
    public double typicalApplicantCosine() {
        return typicalApplicantCosine;
    }

    /**
     * What a job's cosines are multiplied by before any model scores them: the typical applicant's cosine of the
     * calibration over its applicants' mean, within bounds ({@link ApplicantSimilarity#scale}); 1 when that is not
     * measured.
     */
    public double jobScale(ApplicantSimilarity applicants) {
        return typicalApplicantCosine > 0 ? applicants.scale(typicalApplicantCosine) : 1.0;
    }

    /** Cosine at which the probability is 0.5; the trainer's warm start reads it (with {@link #steepness()}). */
    public double center() {
        return center;
    }

    /** Slope of the logit in the cosine: {@code logit = steepness * (cosine - center)}. */
    public double steepness() {
        return steepness;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public double probability(String jobId, TermVector resume, TermVector job) {
        return probabilityOf(resume.dot(job));
    }

    /** The calibrated probability of a match at {@code cosine}. */
    public double probabilityOf(double cosine) {
        return 1.0 / (1.0 + Math.exp(-steepness * (cosine - center)));
    }
}
