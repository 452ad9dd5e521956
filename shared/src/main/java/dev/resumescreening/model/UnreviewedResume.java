package dev.resumescreening.model;

import dev.resumescreening.embedding.TermVector;
import java.util.Objects;

/**
 * A resume screened for the job {@code jobId} that nobody has reviewed yet, with the job's embedding: no label, but
 * where the job's reviews leave no doubt about it, it adds to that job's prototypes (see {@link FeedbackStatistics}).
 */
public record UnreviewedResume(String id, String jobId, TermVector resume, TermVector job) {

    public UnreviewedResume {
        Objects.requireNonNull(id, "id");
        if (jobId == null || jobId.isEmpty()) {
            throw new IllegalArgumentException("unreviewed resume " + id + ": job id must not be empty");
        }
        if (resume == null || job == null) {
            throw new IllegalArgumentException("unreviewed resume " + id + ": embeddings must not be null");
        }
    }
}
