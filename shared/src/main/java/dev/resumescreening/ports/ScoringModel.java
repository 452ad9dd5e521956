package dev.resumescreening.ports;

import dev.resumescreening.embedding.TermVector;

/** Scores how well a resume matches a job, from their embeddings and what the model learned about that job. */
public interface ScoringModel {
    String version();

    /** Probability, 0 to 1, that a reviewer would shortlist this resume for the job {@code jobId}. */
    double probability(String jobId, TermVector resume, TermVector job);
}
