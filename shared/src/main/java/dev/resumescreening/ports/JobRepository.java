package dev.resumescreening.ports;

import dev.resumescreening.domain.Job;
import java.util.Optional;

public interface JobRepository {
    void create(StoredJob job);

    Optional<StoredJob> find(String jobId);

    /** A job with the embedding of its description, computed once when the job is created. */
    record StoredJob(Job job, float[] embedding) {
    }
}
