package dev.resumescreening.ports;

import dev.resumescreening.domain.ScreeningResult;
import java.util.List;
import java.util.Optional;

public interface ResultRepository {
    /**
     * Saves a new result with what training needs later: the job's threshold (it orders the review queue by
     * uncertainty) and the resume's embedding (null when the document had no text).
     */
    void create(ScreeningResult result, double threshold, float[] resumeEmbedding);

    Optional<ScreeningResult> find(String resultId);

    /** Results of one job, newest first. {@code reviewed} null means both. */
    Page listByJob(String jobId, Boolean reviewed, int limit, String pageToken);

    record Page(List<ScreeningResult> results, String nextToken) {
    }
}
