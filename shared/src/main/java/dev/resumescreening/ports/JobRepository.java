package dev.resumescreening.ports;

import dev.resumescreening.domain.ApplicantSimilarity;
import dev.resumescreening.domain.Job;
import dev.resumescreening.domain.JobCounts;
import dev.resumescreening.embedding.TermVector;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface JobRepository {
    void create(StoredJob job);

    Optional<StoredJob> find(String jobId);

    /**
     * One page of jobs in the table's order (not by creation time: the table has no index for that), and the token
     * of the next page (null after the last).
     */
    JobPage list(int limit, String pageToken);

    /**
     * Sets the job's shortlist threshold; empty when there is no such job. Results screened before keep the decision
     * (and the threshold) they were screened with.
     */
    Optional<Job> updateThreshold(String jobId, double threshold);

    /** The counts of each of {@code jobIds} (a job with no result yet has {@link JobCounts#NONE}). */
    Map<String, JobCounts> counts(List<String> jobIds);

    record JobPage(List<Job> jobs, String nextToken) {}

    /**
     * A job with the embedding of its description, computed once when the job is created (null when it was stored by
     * an earlier release in another representation), and how closely its applicants so far match it.
     */
    record StoredJob(Job job, TermVector embedding, ApplicantSimilarity applicants) {
        public StoredJob {
            applicants = applicants == null ? ApplicantSimilarity.NONE : applicants;
        }

        /** A job no resume was scored for yet. */
        public StoredJob(Job job, TermVector embedding) {
            this(job, embedding, ApplicantSimilarity.NONE);
        }
    }
}
