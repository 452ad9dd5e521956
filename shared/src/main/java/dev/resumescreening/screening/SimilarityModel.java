package dev.resumescreening.screening;

import dev.resumescreening.embedding.TermVector;
import dev.resumescreening.ports.ScoringModel;

/**
 * Model version 0: cosine similarity mapped through a logistic curve calibrated for the embedder, so the system
 * screens sensibly on day one, before any review exists.
 */
public final class SimilarityModel implements ScoringModel {
    public static final String VERSION = "0";

    private final double center;
    private final double steepness;

    public SimilarityModel(double center, double steepness) {
        this.center = center;
        this.steepness = steepness;
    }

    /**
     * Calibration: a logistic fit of the match label on the cosine over labelled resumes (466 real resumes against
     * job descriptions written apart from the model, a quarter of the pairs matching) gave center 0.090-0.096 and
     * steepness 74-81 for the lexical vectors. For the hybrid vectors, whose cosine is the mean of the lexical and
     * the Titan cosine, the center is the mean of the two centers (Titan's, 0.30, was measured in an earlier release)
     * and the steepness the harmonic mean of the two (Titan's was 18), since the spread of a mean of two cosines is
     * about the mean of their spreads.
     */
    public static SimilarityModel forEmbedder(String embedderName) {
        return embedderName.startsWith("hybrid:") ? new SimilarityModel(0.195, 29.0) : new SimilarityModel(0.09, 75.0);
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
        double cosine = resume.dot(job);
        return 1.0 / (1.0 + Math.exp(-steepness * (cosine - center)));
    }
}
