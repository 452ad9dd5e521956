package dev.resumescreening.ports;

import dev.resumescreening.compliance.SelfIdentification;
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
        create(result, threshold, resumeEmbedding, null);
    }

    /**
     * As {@link #create(ScreeningResult, double, TermVector)}, and the candidate's voluntary self-identification
     * (null when none) in its own table, in the same write: both are stored or neither.
     */
    void create(ScreeningResult result, double threshold, TermVector resumeEmbedding,
                SelfIdentification selfIdentification);

    Optional<ScreeningResult> find(String resultId);

    /** Results of one job, newest first. {@code reviewed} null means both. */
    Page listByJob(String jobId, Boolean reviewed, int limit, String pageToken);

    /** Unreviewed scored results, closest to their job's threshold first; all jobs when {@code jobId} is null. */
    List<QueuedResult> reviewQueue(String jobId, int limit);

    /** As {@link #reviewQueue}, among the results at least {@code distance} from their threshold. */
    List<QueuedResult> queuedFrom(String jobId, double distance, int limit);

    /**
     * Streams every reviewed result reviewed at or after {@code reviewedSince} (ISO timestamp; null for all), oldest
     * review first, a page at a time: memory stays bounded whatever the table size.
     */
    void forEachReviewed(String reviewedSince, Consumer<ReviewedSample> consumer);

    /** A reviewed result with the resume embedding it was scored with (null when it had no text, or was stored by an earlier
     * release in another representation). */
    record ReviewedSample(ScreeningResult result, TermVector resumeEmbedding) {
    }

    /** A result waiting for review and how far its score is from the decision threshold. */
    record QueuedResult(ScreeningResult result, double distanceFromThreshold) {
    }

    record Page(List<ScreeningResult> results, String nextToken) {
    }
}
