package dev.resumescreening.adapters.dynamodb;

import static dev.resumescreening.adapters.dynamodb.Attributes.n;
import static dev.resumescreening.adapters.dynamodb.Attributes.s;

import dev.resumescreening.domain.Decision;
import dev.resumescreening.domain.ScreeningResult;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A job's counters item in the counters table ({@code job#<job id>}): results screened and shortlisted by the AI,
 * moved in the transaction that creates or erases a result, beside the reviews by class that each review moves.
 */
final class JobCounters {
    static final String SCREENED = "screened";
    static final String AI_SHORTLISTED = "ai_shortlisted";

    private JobCounters() {}

    /** Counts {@code result} in its job's item ({@code sign} 1 when it is created, -1 when it is erased). */
    static TransactWriteItem screened(String countersTable, ScreeningResult result, long sign) {
        long shortlisted = result.decision() == Decision.SHORTLIST ? sign : 0;
        return TransactWriteItem.builder()
                .update(u -> u.tableName(countersTable)
                        .key(Map.of("counter_id", s(DynamoReviewStore.JOB_COUNTER + result.jobId())))
                        .updateExpression("ADD #screened :screened, #shortlisted :shortlisted SET #job = :job")
                        .expressionAttributeNames(
                                Map.of("#screened", SCREENED, "#shortlisted", AI_SHORTLISTED, "#job", "job_id"))
                        .expressionAttributeValues(Map.of(
                                ":screened", n(sign), ":shortlisted", n(shortlisted), ":job", s(result.jobId()))))
                .build();
    }
}
