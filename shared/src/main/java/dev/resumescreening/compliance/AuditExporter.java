package dev.resumescreening.compliance;

import dev.resumescreening.domain.Explanation;
import dev.resumescreening.json.Json;
import dev.resumescreening.logging.JsonLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The audit trail as JSON lines: every screening decision (result, job, model version, score, how the score was made:
 * the job's scale, the model's own score, how many similar applicants were blended in and their mean score; decision,
 * time) and every review (who, when, the decision before and after) and every undo of a review (type review_undo: who
 * undid it, when, the decision taken back as "before", no "after"). Written as it is read, a page at a time, so memory
 * stays bounded whatever the range. Reviews of erased results keep their decisions and times; reviewer and notes are
 * gone.
 */
@Singleton
public final class AuditExporter {
    private final ComplianceStore store;

    @Inject
    public AuditExporter(ComplianceStore store) {
        this.store = store;
    }

    public record Counts(long decisions, long reviews) {}

    /** Writes the decisions created and the reviews made in {@code [from, to)}; returns how many of each. */
    public Counts export(String from, String to, Writer out) {
        long[] counts = new long[2];
        store.forEachResult(null, from, to, result -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("type", "screening_decision");
            line.put("result_id", result.resultId());
            line.put("job_id", result.jobId());
            line.put("model_version", result.modelVersion());
            line.put("score", result.score());
            Explanation explanation = result.explanation();
            line.put("job_scale", explanation == null ? null : explanation.jobScale());
            line.put("own_score", explanation == null ? null : explanation.ownScore());
            line.put("similar_applicants", explanation == null ? 0 : explanation.similarApplicants());
            line.put("similar_applicants_score", explanation == null ? null : explanation.similarApplicantsScore());
            line.put("similar_applicants_weight", explanation == null ? 0 : explanation.similarApplicantsWeight());
            line.put("hidden_characters", result.document().hiddenCharacters());
            line.put("copied_characters", result.document().copiedCharacters());
            line.put("repeated_characters", result.document().repeatedCharacters());
            line.put("decision", result.decision().name().toLowerCase(java.util.Locale.ROOT));
            line.put("at", result.createdAt());
            write(out, line);
            counts[0]++;
        });
        store.forEachReview(from, to, review -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("type", review.action());
            line.put("result_id", review.resultId());
            line.put("reviewer", review.reviewer());
            line.put("at", review.reviewedAt());
            line.put("before", lower(review.previousDecision()));
            line.put("after", lower(review.humanDecision()));
            line.put("ai_decision", lower(review.aiDecision()));
            line.put("model_version", review.modelVersion());
            if (review.erasedAt() != null) {
                line.put("erased_at", review.erasedAt());
            }
            write(out, line);
            counts[1]++;
        });
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonLog.info("audit.exported", Map.of("decisions", counts[0], "reviews", counts[1]));
        return new Counts(counts[0], counts[1]);
    }

    private static String lower(String decision) {
        return decision == null ? null : decision.toLowerCase(java.util.Locale.ROOT);
    }

    private static void write(Writer out, Map<String, Object> line) {
        try {
            out.write(Json.write(line));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
