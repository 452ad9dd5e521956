package dev.resumescreening.model;

import java.util.Objects;

/**
 * One human-labelled (resume, job) pair: {@code label} 1 = shortlisted, 0 = rejected.
 * Embeddings are L2-normalised vectors of the same dimension. Arrays are not copied.
 */
public record TrainingSample(String id, float[] resume, float[] job, int label) {

    public TrainingSample {
        Objects.requireNonNull(id, "id");
        if (resume == null || job == null) {
            throw new IllegalArgumentException("sample " + id + ": embeddings must not be null");
        }
        if (resume.length == 0 || resume.length != job.length) {
            throw new IllegalArgumentException("sample " + id + ": resume embedding has " + resume.length
                    + " dims and job embedding " + job.length + " (must be equal and non-zero)");
        }
        if (label != 0 && label != 1) {
            throw new IllegalArgumentException("sample " + id + ": label must be 0 or 1, got " + label);
        }
    }

    public int dimension() {
        return resume.length;
    }

    public float[] features() {
        return PairFeatures.of(resume, job);
    }
}
