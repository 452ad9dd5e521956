package dev.resumescreening.compliance;

import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.domain.ProblemKind;
import dev.resumescreening.domain.ScreeningResult;
import dev.resumescreening.logging.JsonLog;
import dev.resumescreening.ports.DocumentStore;
import dev.resumescreening.review.ReviewCounts;
import dev.resumescreening.review.ReviewService;
import dev.resumescreening.review.ReviewStore;
import dev.resumescreening.screening.ScreeningService;
import dev.resumescreening.screening.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;

/**
 * Erases a candidate: the original file and its text (every stored version of both), the result, the self-identification and the personal fields of
 * the review history (reviewer, notes; decisions, model version and times stay for audit). A reviewed result takes
 * its review out of the counters in the same transaction, so they stay equal to a recount, and out of every later
 * training set (training reads the results table). The retention sweep erases results older than
 * {@code RETENTION_DAYS} the same way.
 */
@Singleton
public final class ErasureService {
    public static final String RETENTION_DAYS = "RETENTION_DAYS";
    static final int MAX_ATTEMPTS = 25;

    private final ReviewStore reviews;
    private final ComplianceStore store;
    private final DocumentStore documents;
    private final Clock clock;
    private final long retentionDays;

    @Inject
    public ErasureService(
            ReviewStore reviews,
            ComplianceStore store,
            DocumentStore documents,
            Clock clock,
            @Named(RETENTION_DAYS) long retentionDays) {
        this.reviews = reviews;
        this.store = store;
        this.documents = documents;
        this.clock = clock;
        this.retentionDays = retentionDays;
    }

    /** What an erasure removed. */
    public record Erased(String resultId, String jobId, boolean wasReviewed) {}

    /** Erases one result; 404 when there is none (also when it was erased before). */
    public Erased erase(String resultId) {
        if (resultId == null || resultId.isBlank()) {
            throw ProblemException.invalid("missing_result_id", "a result id is required");
        }
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            ScreeningResult result = reviews.current(resultId)
                    .orElseThrow(() -> ProblemException.notFound("screening_result", resultId))
                    .result();
            // files first: deleting is idempotent, so if the records' transaction fails a retry finds and finishes it;
            // the other order could leave files no record points at
            documents.deleteEveryVersion(result.document().originalKey());
            documents.deleteEveryVersion(result.document().textKey());
            ReviewCounts.Delta counters = result.review() == null
                    ? null
                    : ReviewService.withdrawal(result.review(), reviews.counts().newSamplesSinceLastTraining() > 0);
            String sha256 = result.document().contentSha256();
            List<String> claims =
                    sha256 == null ? List.of() : List.of(ScreeningService.contentClaim(result.jobId(), sha256));
            if (store.erase(result, result.reviewVersion(), counters, claims, Timestamps.format(clock.instant()))) {
                JsonLog.info(
                        "result.erased",
                        Map.of(
                                "result_id",
                                resultId,
                                "job_id",
                                result.jobId(),
                                "was_reviewed",
                                result.review() != null,
                                "attempt",
                                attempt));
                return new Erased(resultId, result.jobId(), result.review() != null);
            }
        }
        throw new ProblemException(
                ProblemKind.CONFLICT, "erasure_conflict", "the result is being reviewed right now; try again");
    }

    /** How many days results are kept; 0 keeps them for ever. */
    public long retentionDays() {
        return retentionDays;
    }

    /** Erases every result created more than {@code RETENTION_DAYS} ago; returns how many. 0 days: none. */
    public int sweepRetention() {
        if (retentionDays <= 0) {
            JsonLog.info("retention.sweep", Map.of("retention_days", retentionDays, "erased", 0));
            return 0;
        }
        String cutoff = Timestamps.format(clock.instant().minus(Duration.ofDays(retentionDays)));
        List<String> expired = new ArrayList<>();
        store.forEachResult(null, null, cutoff, result -> expired.add(result.resultId()));
        int erased = 0;
        for (String resultId : expired) {
            try {
                erase(resultId);
                erased++;
            } catch (ProblemException e) {
                if (e.kind() != ProblemKind.NOT_FOUND) {
                    throw e;
                }
            }
        }
        JsonLog.info("retention.sweep", Map.of("retention_days", retentionDays, "cutoff", cutoff, "erased", erased));
        return erased;
    }
}
