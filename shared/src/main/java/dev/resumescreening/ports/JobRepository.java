package dev.resumescreening.ports;

import dev.resumescreening.domain.Job;
import dev.resumescreening.embedding.TermVector;
import java.util.Optional;

public interface JobRepository {
    void create(StoredJob job);

    Optional<StoredJob> find(String jobId);

    /**
     * A job with the embedding of its description, computed once when the job is created (null when it was stored by
     * an earlier release in another representation).
     */
    record StoredJob(Job job, TermVector embedding) {
    }
}
