package dev.resumescreening.ports;

/** Scores how well a resume matches a job, from their embeddings. */
public interface ScoringModel {
    String version();

    /** Probability, 0 to 1, that a reviewer would shortlist this resume for this job. */
    double probability(float[] resume, float[] job);
}
