package dev.resumescreening.adapters.dynamodb;

import static dev.resumescreening.adapters.dynamodb.Attributes.n;
import static dev.resumescreening.adapters.dynamodb.Attributes.s;

import dev.resumescreening.domain.ApplicantSimilarity;
import dev.resumescreening.domain.Decision;
import dev.resumescreening.domain.ScreeningResult;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A job's counters item in the counters table ({@code job#<job id>}): results screened and shortlisted by the AI,
 * moved in the transaction that creates or erases a result, and its {@link ApplicantSimilarity}, moved by each scored
 * upload, beside the reviews by class that each review moves.
 */
final class JobCounters {
    static final String SCREENED = "screened";
    static final String AI_SHORTLISTED = "ai_shortlisted";
    static final String SIMILARITY_COUNT = "applicant_similarity_count";
    static final String SIMILARITY_SUM = "applicant_similarity_sum";

    private JobCounters() {}

    /**
     * Counts {@code result} in its job's item ({@code sign} 1 when it is created, -1 when it is erased) and, when it is
     * created with a score, its cosine with the job's description ({@code jobSimilarity}, null when it has none) in the
     * job's {@link ApplicantSimilarity}. Erasure leaves that sum as it is: two numbers over every applicant, from which
     * no resume can be told.
     */
    static TransactWriteItem screened(String countersTable, ScreeningResult result, long sign, Double jobSimilarity) {
        long shortlisted = result.decision() == Decision.SHORTLIST ? sign : 0;
        boolean scored = sign > 0 && jobSimilarity != null;
        return TransactWriteItem.builder()
                .update(u -> u.tableName(countersTable)
                        .key(Map.of("counter_id", s(DynamoReviewStore.JOB_COUNTER + result.jobId())))
                        .updateExpression(
                                "ADD #screened :screened, #shortlisted :shortlisted,"
                                        + " #similarity_count :similarity_count, #similarity_sum :similarity_sum SET #job = :job")
                        .expressionAttributeNames(Map.of(
                                "#screened",
                                SCREENED,
                                "#shortlisted",
                                AI_SHORTLISTED,
                                "#similarity_count",
                                SIMILARITY_COUNT,
                                "#similarity_sum",
                                SIMILARITY_SUM,
                                "#job",
                                "job_id"))
                        .expressionAttributeValues(Map.of(
                                ":screened",
                                n(sign),
                                ":shortlisted",
                                n(shortlisted),
                                ":similarity_count",
                                n(scored ? 1 : 0),
                                ":similarity_sum",
                                n(scored ? jobSimilarity : 0.0),
                                ":job",
                                s(result.jobId()))))
                .build();
    }

    /** The job's applicant similarity in its counters item ({@code item} null or empty: none yet). */
    static ApplicantSimilarity applicants(Map<String, AttributeValue> item) {
        if (item == null || !item.containsKey(SIMILARITY_COUNT)) {
            return ApplicantSimilarity.NONE;
        }
        return new ApplicantSimilarity(
                Long.parseLong(item.get(SIMILARITY_COUNT).n()),
                Double.parseDouble(item.get(SIMILARITY_SUM).n()));
    }
}
