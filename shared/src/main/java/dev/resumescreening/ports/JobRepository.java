package dev.resumescreening.ports;

import dev.resumescreening.domain.Job;
import dev.resumescreening.embedding.TermVector;
import java.util.List;
import java.util.Optional;

public interface JobRepository {
    void create(StoredJob job);

    Optional<StoredJob> find(String jobId);

    /**
     * One page of jobs in the table's order (not by creation time: the table has no index for that), and the token
     * of the next page (null after the last).
     */
    JobPage list(int limit, String pageToken);

    record JobPage(List<Job> jobs, String nextToken) {
    }

    /**
     * A job with the embedding of its description, computed once when the job is created (null when it was stored by
     * an earlier release in another representation).
     */
    record StoredJob(Job job, TermVector embedding) {
    }
}
