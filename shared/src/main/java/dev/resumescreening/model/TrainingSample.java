package dev.resumescreening.model;

import dev.resumescreening.embedding.TermVector;
import java.util.Objects;

/**
 * One human-labelled (resume, job) pair of the job {@code jobId}: {@code label} 1 = shortlisted, 0 = rejected.
 * Embeddings are L2-normalised term vectors of the same embedder.
 */
public record TrainingSample(String id, String jobId, TermVector resume, TermVector job, int label) {

    public TrainingSample {
        Objects.requireNonNull(id, "id");
        if (jobId == null || jobId.isEmpty()) {
            throw new IllegalArgumentException("sample " + id + ": job id must not be empty");
        }
        if (resume == null || job == null) {
            throw new IllegalArgumentException("sample " + id + ": embeddings must not be null");
        }
        if (label != 0 && label != 1) {
            throw new IllegalArgumentException("sample " + id + ": label must be 0 or 1, got " + label);
        }
    }
}
