package dev.resumescreening.screening;

import dev.resumescreening.embedding.Vectors;
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

    /** Calibration measured on labelled resumes: the cosine where matches and non-matches cross, and the spread. */
    public static SimilarityModel forEmbedder(String embedderName) {
        return embedderName.startsWith("bedrock:") ? new SimilarityModel(0.30, 18.0) : new SimilarityModel(0.10, 30.0);
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
    public double probability(float[] resume, float[] job) {
        double cosine = Vectors.dot(resume, job);
        return 1.0 / (1.0 + Math.exp(-steepness * (cosine - center)));
    }
}
