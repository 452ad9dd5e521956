package dev.resumescreening.adapters.dynamodb;

import static dev.resumescreening.adapters.dynamodb.Attributes.bool;
import static dev.resumescreening.adapters.dynamodb.Attributes.bytes;
import static dev.resumescreening.adapters.dynamodb.Attributes.flag;
import static dev.resumescreening.adapters.dynamodb.Attributes.longNumber;
import static dev.resumescreening.adapters.dynamodb.Attributes.n;
import static dev.resumescreening.adapters.dynamodb.Attributes.number;
import static dev.resumescreening.adapters.dynamodb.Attributes.s;
import static dev.resumescreening.adapters.dynamodb.Attributes.string;

import dev.resumescreening.domain.Decision;
import dev.resumescreening.domain.Explanation;
import dev.resumescreening.domain.ScreeningResult;
import dev.resumescreening.domain.ScreeningResult.Document;
import dev.resumescreening.domain.ScreeningResult.Review;
import dev.resumescreening.embedding.TermVector;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The screening_results item layout. Unreviewed scored results carry the sparse review-queue keys; reviewed ones
 * carry the sparse reviewed-time key instead, so each index holds exactly the items it is for.
 */
public final class ResultItems {
    public static final String PENDING = "PENDING";
    public static final String REVIEWED = "REVIEWED";
    /**
     * The similar applicants' share of every score blended before results recorded it: a result read without one was
     * scored with this share, so its score is still reproduced from its explanation.
     */
    static final double SIMILAR_APPLICANTS_WEIGHT_BEFORE_IT_WAS_RECORDED = 0.5;

    private ResultItems() {}

    public static Map<String, AttributeValue> toItem(
            ScreeningResult result, double threshold, TermVector resumeEmbedding) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("result_id", s(result.resultId()));
        item.put("job_id", s(result.jobId()));
        if (result.candidateName() != null) {
            item.put("candidate_name", s(result.candidateName()));
        }
        item.put("decision", s(result.decision().name()));
        item.put("created_at", s(result.createdAt()));
        item.put("threshold", n(threshold));
        item.put("human_reviewed", bool(false));
        Document document = result.document();
        item.put("file_name", s(document.fileName()));
        item.put("content_type", s(document.contentType()));
        item.put("original_key", s(document.originalKey()));
        item.put("text_key", s(document.textKey()));
        item.put("text_extracted", bool(document.textExtracted()));
        item.put("pages", n(document.pages()));
        item.put("pages_read", n(document.pagesRead()));
        if (document.textTruncated()) {
            item.put("text_truncated", bool(true));
        }
        if (document.hiddenCharacters() > 0) {
            item.put("hidden_characters", n(document.hiddenCharacters()));
        }
        if (document.copiedCharacters() > 0) {
            item.put("copied_characters", n(document.copiedCharacters()));
        }
        if (document.repeatedCharacters() > 0) {
            item.put("repeated_characters", n(document.repeatedCharacters()));
        }
        item.put("size_bytes", n(document.sizeBytes()));
        if (document.contentSha256() != null) {
            item.put("content_sha256", s(document.contentSha256()));
        }
        if (result.score() != null) {
            item.put("model_version", s(result.modelVersion()));
            item.put("score", n(result.score()));
            item.put("confidence", n(result.confidence()));
            item.put("queue_partition", s(PENDING));
            item.put("queue_job_id", s(result.jobId()));
            item.put("uncertainty_key", s(uncertaintyKey(result.score(), threshold, result.resultId())));
            item.put("score_key", s(scoreKey(result.score(), result.resultId())));
        }
        if (result.explanation() != null) {
            item.put("explanation", explanationValue(result.explanation()));
        }
        if (resumeEmbedding != null) {
            item.put("resume_embedding", bytes(resumeEmbedding.toBytes()));
        }
        return item;
    }

    /** Sorts by distance from the decision threshold, closest (most uncertain) first. */
    public static String uncertaintyKey(double score, double threshold, String resultId) {
        return uncertaintyBound(Math.abs(score - threshold)) + "#" + resultId;
    }

    /** The lowest uncertainty key of results at least {@code distance} from their threshold. */
    static String uncertaintyBound(double distance) {
        return String.format(Locale.ROOT, "%09.4f", distance);
    }

    /** Sorts by score, lowest first (the by_job_score index; results without a score are not in it). */
    static String scoreKey(double score, String resultId) {
        return String.format(Locale.ROOT, "%08.4f#%s", score, resultId);
    }

    public static ScreeningResult fromItem(Map<String, AttributeValue> item) {
        Document document = new Document(
                string(item, "file_name"),
                string(item, "content_type"),
                string(item, "original_key"),
                string(item, "text_key"),
                flag(item, "text_extracted"),
                (int) longNumber(item, "pages"),
                (int) longNumber(item, "pages_read"),
                longNumber(item, "size_bytes"),
                flag(item, "text_truncated"),
                string(item, "content_sha256"),
                longNumber(item, "hidden_characters"),
                longNumber(item, "copied_characters"),
                longNumber(item, "repeated_characters"));
        Review review = null;
        if (flag(item, "human_reviewed")) {
            review = new Review(
                    Decision.valueOf(string(item, "human_decision")),
                    string(item, "reviewer"),
                    string(item, "reviewed_at"),
                    string(item, "notes"),
                    flag(item, "needs_retraining"));
        }
        return new ScreeningResult(
                string(item, "result_id"),
                string(item, "job_id"),
                string(item, "candidate_name"),
                number(item, "score"),
                Decision.valueOf(string(item, "decision")),
                number(item, "confidence"),
                string(item, "model_version"),
                string(item, "created_at"),
                document,
                review,
                explanation(item),
                longNumber(item, "review_version"));
    }

    private static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    private static AttributeValue explanationValue(Explanation explanation) {
        Map<String, AttributeValue> value = new HashMap<>();
        value.put("found", strings(explanation.found()));
        value.put("missing", strings(explanation.missing()));
        value.put("job_scale", n(explanation.jobScale()));
        if (explanation.ownScore() != null) {
            value.put("own_score", n(explanation.ownScore()));
        }
        value.put("similar_applicants", n(explanation.similarApplicants()));
        if (explanation.similarApplicantsScore() != null) {
            value.put("similar_applicants_score", n(explanation.similarApplicantsScore()));
            value.put("similar_applicants_weight", n(explanation.similarApplicantsWeight()));
        }
        return AttributeValue.fromM(value);
    }

    private static Explanation explanation(Map<String, AttributeValue> item) {
        AttributeValue value = item.get("explanation");
        if (value == null || !value.hasM()) {
            return null;
        }
        Map<String, AttributeValue> fields = value.m();
        Double jobScale = number(fields, "job_scale");
        Double similarApplicants = number(fields, "similar_applicants");
        boolean blended = similarApplicants != null && similarApplicants > 0;
        Double recordedWeight = number(fields, "similar_applicants_weight");
        double weight = !blended
                ? 0
                : recordedWeight == null ? SIMILAR_APPLICANTS_WEIGHT_BEFORE_IT_WAS_RECORDED : recordedWeight;
        return new Explanation(
                texts(fields.get("found")),
                texts(fields.get("missing")),
                jobScale == null ? 1.0 : jobScale,
                number(fields, "own_score"),
                blended ? similarApplicants.intValue() : 0,
                number(fields, "similar_applicants_score"),
                weight);
    }

    private static List<String> texts(AttributeValue list) {
        return list == null || !list.hasL()
                ? List.of()
                : list.l().stream().map(AttributeValue::s).toList();
    }
}
