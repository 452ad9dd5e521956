package dev.resumescreening.ports;

import dev.resumescreening.compliance.SelfIdentification;
import dev.resumescreening.domain.Decision;
import dev.resumescreening.domain.ScreeningResult;
import dev.resumescreening.embedding.TermVector;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

public interface ResultRepository {
    /**
     * Saves a new result with what training needs later: the job's threshold (it orders the review queue by
     * uncertainty) and the resume's embedding (null when the document had no text).
     */
    default void create(ScreeningResult result, double threshold, TermVector resumeEmbedding) {
        create(new NewResult(result, threshold, resumeEmbedding, null, null, List.of()));
    }

    /**
     * Saves a new result, the candidate's voluntary self-identification (null when none) in its own table, and the
     * upload's claims, and counts it in its job's counters: all in one write, so all are stored or none.
     *
     * @throws ClaimTaken when one of the claims exists already (nothing is stored)
     */
    void create(NewResult result);

    /**
     * Stores a claim on its own, for a result that exists already.
     *
     * @throws ClaimTaken when a claim exists under its key already
     */
    void addClaim(UploadClaim claim);

    /** The claim stored under {@code key}, if any. */
    Optional<UploadClaim> claim(String key);

    Optional<ScreeningResult> find(String resultId);

    /**
     * Results of one job, newest first, or with {@code byScore} by score (highest first; results without a score,
     * which a person screens, are left out). {@code reviewed} null means both.
     */
    Page listByJob(String jobId, Boolean reviewed, boolean byScore, int limit, String pageToken);

    /** Unreviewed scored results, closest to their job's threshold first; all jobs when {@code jobId} is null. */
    List<QueuedResult> reviewQueue(String jobId, int limit);

    /** As {@link #reviewQueue}, among the results at least {@code distance} from their threshold. */
    List<QueuedResult> queuedFrom(String jobId, double distance, int limit);

    /**
     * As {@link #queuedFrom}, the first result the model decided {@code decision}, looking at no more than
     * {@code within} queued results; empty when none of them was so decided.
     */
    Optional<QueuedResult> firstDecidedFrom(String jobId, double distance, Decision decision, int within);

    /**
     * Streams every reviewed result reviewed at or after {@code reviewedSince} (ISO timestamp; null for all), oldest
     * review first, a page at a time: memory stays bounded whatever the table size.
     */
    void forEachReviewed(String reviewedSince, Consumer<StoredSample> consumer);

    /** Streams the job's newest {@code limit} results nobody has reviewed yet that were scored (they have a vector). */
    void forEachUnreviewed(String jobId, int limit, Consumer<StoredSample> consumer);

    /**
     * Streams the resume vectors of the job's newest {@code limit} scored results (reviewed or not; a resume without a
     * usable word has an empty vector and is left out), newest first, and nothing else of them.
     */
    void forEachResumeVector(String jobId, int limit, Consumer<TermVector> consumer);

    /**
     * What {@link #create(NewResult)} writes; {@code jobSimilarity} is the cosine of the resume with the job's
     * description as embedded (unscaled), counted in the job's {@link dev.resumescreening.domain.ApplicantSimilarity}
     * (null when the resume was not scored).
     */
    record NewResult(
            ScreeningResult result,
            double threshold,
            TermVector resumeEmbedding,
            Double jobSimilarity,
            SelfIdentification selfIdentification,
            List<UploadClaim> claims) {
        public NewResult {
            claims = List.copyOf(claims);
        }
    }

    /**
     * Something only one result may have: {@code key} names it (a file's content for a job, a client's idempotency
     * key), and it points at the result that has it. {@code expiresAtEpochSeconds} is null for a claim that lasts as
     * long as its result. {@code ofEarlierResult}: the upload that claimed it was answered with an earlier result of
     * the same file, not a new one.
     */
    record UploadClaim(
            String key,
            String resultId,
            String jobId,
            String contentSha256,
            Long expiresAtEpochSeconds,
            boolean ofEarlierResult) {}

    /** A claim of the new result was held already, by the result it names. */
    final class ClaimTaken extends RuntimeException {
        private final String key;

        public ClaimTaken(String key) {
            super("upload claim taken", null, false, false);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** A result with the resume embedding it was scored with (null when it had no text, or was stored by an earlier
     * release in another representation). */
    record StoredSample(ScreeningResult result, TermVector resumeEmbedding) {}

    /** A result waiting for review and how far its score is from the decision threshold. */
    record QueuedResult(ScreeningResult result, double distanceFromThreshold) {}

    record Page(List<ScreeningResult> results, String nextToken) {}
}
