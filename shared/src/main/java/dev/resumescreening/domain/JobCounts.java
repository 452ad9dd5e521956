package dev.resumescreening.domain;

/**
 * What a job's results came to: resumes screened, how many of them the AI shortlisted, how many people reviewed and
 * how many of those they shortlisted. Kept in one counters item per job, moved in the same transaction as each upload,
 * review and erasure, so they are exact and read in one request for a page of jobs.
 */
public record JobCounts(long screened, long shortlistedByAi, long reviewed, long shortlistedByPeople) {
    public static final JobCounts NONE = new JobCounts(0, 0, 0, 0);
}
