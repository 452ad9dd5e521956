package dev.resumescreening.screening;

import dev.resumescreening.domain.Job;
import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.embedding.TermVector;
import dev.resumescreening.logging.JsonLog;
import dev.resumescreening.ports.Embedder;
import dev.resumescreening.ports.JobRepository;
import dev.resumescreening.ports.JobRepository.StoredJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Creates jobs, embedding each description once, and changes their threshold; reads them through a per-container
 * cache. Title and description never change; a threshold set in another container (the jobs function) reaches this
 * one's uploads within {@link #CACHE_TTL}.
 */
@Singleton
public final class JobService {
    public static final int MAX_TITLE_CHARS = 200;
    static final int MAX_DESCRIPTION_CHARS = 50_000;
    private static final int CACHE_LIMIT = 512;
    static final Duration CACHE_TTL = Duration.ofSeconds(30);

    private final JobRepository jobs;
    private final Embedder embedder;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, Explainer.JobTerms> explanationTerms = new ConcurrentHashMap<>();

    @Inject
    public JobService(JobRepository jobs, Embedder embedder, Clock clock) {
        this.jobs = jobs;
        this.embedder = embedder;
        this.clock = clock;
    }

    /** {@code blindReview} null means on: new jobs are reviewed blind unless their creator says otherwise. */
    public Job create(String title, String description, Double threshold, Boolean blindReview) {
        String cleanTitle = required("title", title, MAX_TITLE_CHARS);
        String cleanDescription = required("description", description, MAX_DESCRIPTION_CHARS);
        double cutOff = threshold == null ? Job.DEFAULT_THRESHOLD : threshold;
        if (!(cutOff >= 0 && cutOff <= 100)) {
            throw ProblemException.invalid("invalid_threshold", "threshold must be a number from 0 to 100");
        }
        Job job = new Job(
                "job-" + UUID.randomUUID(),
                cleanTitle,
                cleanDescription,
                cutOff,
                Timestamps.format(clock.instant()),
                blindReview == null || blindReview);
        TermVector embedding = embedder.embed(job.matchedText());
        if (embedding.isEmpty()) {
            throw ProblemException.invalid(
                    "description_without_terms",
                    "the title and description have no words the"
                            + " screen can match resumes on (words of two or more letters or digits, other than the most"
                            + " common ones such as 'and' or 'the')");
        }
        jobs.create(new StoredJob(job, embedding));
        return job;
    }

    /** Sets the threshold of new screenings of the job; results screened before keep theirs. */
    public Job updateThreshold(String jobId, Double threshold) {
        if (threshold == null) {
            throw ProblemException.invalid("missing_threshold", "threshold is required");
        }
        if (!(threshold >= 0 && threshold <= 100)) {
            throw ProblemException.invalid("invalid_threshold", "threshold must be a number from 0 to 100");
        }
        Job job = jobs.updateThreshold(jobId, threshold).orElseThrow(() -> ProblemException.notFound("job", jobId));
        cache.remove(jobId);
        JsonLog.info("job.threshold_changed", Map.of("job_id", jobId, "threshold", threshold));
        return job;
    }

    /**
     * The job's vector as every model scores with it: its description's embedding, scaled up when its applicants
     * match it less than the typical applicant of the embedder's calibration ({@link SimilarityModel#jobScale}).
     */
    public TermVector scoringVector(StoredJob stored) {
        return stored.embedding().scaled(jobScale(stored));
    }

    /** What {@link #scoringVector} multiplies the job's cosines by. */
    public double jobScale(StoredJob stored) {
        return SimilarityModel.forEmbedder(embedder.name()).jobScale(stored.applicants());
    }

    public StoredJob find(String jobId) {
        return lookup(jobId).orElseThrow(() -> ProblemException.notFound("job", jobId));
    }

    /** The job, or empty when there is none (a job removed from the table leaves its results without one). */
    public Optional<StoredJob> lookup(String jobId) {
        Cached cached = cache.get(jobId);
        if (cached != null && clock.instant().isBefore(cached.readAt().plus(CACHE_TTL))) {
            return Optional.of(cached.job());
        }
        Optional<StoredJob> found = jobs.find(jobId);
        if (found.isEmpty()) {
            return found;
        }
        StoredJob stored = found.get();
        if (stored.embedding() == null) {
            stored = new StoredJob(stored.job(), embedder.embed(stored.job().matchedText()), stored.applicants());
        }
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(jobId, new Cached(stored, clock.instant()));
        return Optional.of(stored);
    }

    /**
     * What explaining a resume against {@code job} reads from its text, worked out once per job and container: a
     * job's title and description never change.
     */
    public Explainer.JobTerms explanationTerms(Job job) {
        if (explanationTerms.size() >= CACHE_LIMIT) {
            explanationTerms.clear();
        }
        return explanationTerms.computeIfAbsent(job.jobId(), id -> Explainer.JobTerms.of(job.matchedText()));
    }

    /** Forgets every job read so far: the next read of each sees its threshold and applicants as they are now. */
    public void forgetCached() {
        cache.clear();
    }

    private record Cached(StoredJob job, Instant readAt) {}

    private static String required(String field, String value, int maxChars) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid("missing_" + field, field + " is required");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxChars) {
            throw ProblemException.invalid(field + "_too_long", field + " must be at most " + maxChars + " characters");
        }
        return trimmed;
    }
}
