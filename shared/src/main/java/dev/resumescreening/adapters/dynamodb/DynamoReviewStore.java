package dev.resumescreening.adapters.dynamodb;

import static dev.resumescreening.adapters.dynamodb.Attributes.bool;
import static dev.resumescreening.adapters.dynamodb.Attributes.longNumber;
import static dev.resumescreening.adapters.dynamodb.Attributes.n;
import static dev.resumescreening.adapters.dynamodb.Attributes.s;
import static dev.resumescreening.adapters.dynamodb.Attributes.string;

import dev.resumescreening.domain.ScreeningResult;
import dev.resumescreening.domain.ScreeningResult.Review;
import dev.resumescreening.review.ReviewCounts;
import dev.resumescreening.review.ReviewCounts.Delta;
import dev.resumescreening.review.ReviewStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Reviews in DynamoDB: one TransactWriteItems moves the result (guarded by its review version), the counters item
 * and the append-only history together.
 */
public final class DynamoReviewStore implements ReviewStore {
    public static final String COUNTER_ID = "reviews";
    /** Counter items of one job each: {@code job#<job id>}. */
    static final String JOB_COUNTER = "job#";
    /** Attributes of the counters item, one pair per model version that scored a reviewed result. */
    static final String MODEL_REVIEWS = "model_reviews#";
    static final String MODEL_AGREEMENTS = "model_agreements#";

    private final DynamoDbClient dynamo;
    private final String resultsTable;
    private final String countersTable;
    private final String historyTable;

    public DynamoReviewStore(DynamoDbClient dynamo, String resultsTable, String countersTable, String historyTable) {
        this.dynamo = dynamo;
        this.resultsTable = resultsTable;
        this.countersTable = countersTable;
        this.historyTable = historyTable;
    }

    @Override
    public Optional<Versioned> current(String resultId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(resultsTable)
                .key(Map.of("result_id", s(resultId))).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Versioned(ResultItems.fromItem(item), longNumber(item, "review_version")));
    }

    @Override
    public boolean record(ScreeningResult reviewed, long expectedVersion, Delta delta, String previousDecision) {
        Review review = reviewed.review();
        long next = expectedVersion + 1;
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        for (String attribute : List.of("human_reviewed", "human_decision", "reviewer", "reviewed_at", "notes",
                "needs_retraining", "reviewed_partition", "review_version", "queue_partition", "queue_job_id",
                "uncertainty_key", "result_id")) {
            names.put("#" + attribute, attribute);
        }
        values.put(":reviewed", bool(true));
        values.put(":decision", s(review.humanDecision().name()));
        values.put(":reviewer", s(review.reviewer()));
        values.put(":at", s(review.reviewedAt()));
        values.put(":notes", s(review.notes()));
        values.put(":retrain", bool(review.needsRetraining()));
        values.put(":partition", s(ResultItems.REVIEWED));
        values.put(":next", n(next));
        String condition = "attribute_exists(#result_id) AND ";
        if (expectedVersion == 0) {
            condition += "attribute_not_exists(#review_version)";
        } else {
            condition += "#review_version = :expected";
            values.put(":expected", n(expectedVersion));
        }
        String finalCondition = condition;
        TransactWriteItem result = TransactWriteItem.builder().update(u -> u.tableName(resultsTable)
                .key(Map.of("result_id", s(reviewed.resultId())))
                .updateExpression("SET #human_reviewed = :reviewed, #human_decision = :decision, #reviewer = :reviewer, "
                        + "#reviewed_at = :at, #notes = :notes, #needs_retraining = :retrain, "
                        + "#reviewed_partition = :partition, #review_version = :next "
                        + "REMOVE #queue_partition, #queue_job_id, #uncertainty_key")
                .conditionExpression(finalCondition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)).build();
        Map<String, String> counterNames = new HashMap<>(Map.of("#total", "total_samples",
                "#positive", "positive_samples", "#negative", "negative_samples", "#retrain", "needs_retraining",
                "#fresh", "new_samples_since_last_training", "#updated", "updated_at"));
        Map<String, AttributeValue> counterValues = new HashMap<>(Map.of(":total", n(delta.total()),
                ":positive", n(delta.positive()), ":negative", n(delta.negative()),
                ":retrain", n(delta.needsRetraining()), ":fresh", n(delta.newSamples()), ":at", s(review.reviewedAt())));
        String counterUpdate = "ADD #total :total, #positive :positive, #negative :negative, #retrain :retrain, "
                + "#fresh :fresh";
        if (reviewed.modelVersion() != null) {
            counterNames.put("#modelReviews", MODEL_REVIEWS + reviewed.modelVersion());
            counterNames.put("#modelAgreements", MODEL_AGREEMENTS + reviewed.modelVersion());
            counterValues.put(":agreed", n(delta.agreed()));
            counterUpdate += ", #modelReviews :total, #modelAgreements :agreed";
        }
        String counterExpression = counterUpdate + " SET #updated = :at";
        TransactWriteItem counters = TransactWriteItem.builder().update(u -> u.tableName(countersTable)
                .key(Map.of("counter_id", s(COUNTER_ID)))
                .updateExpression(counterExpression)
                .expressionAttributeNames(counterNames)
                .expressionAttributeValues(counterValues)).build();
        TransactWriteItem jobCounters = TransactWriteItem.builder().update(u -> u.tableName(countersTable)
                .key(Map.of("counter_id", s(JOB_COUNTER + reviewed.jobId())))
                .updateExpression("ADD #positive :positive, #negative :negative SET #job = :job")
                .expressionAttributeNames(Map.of("#positive", "positive_samples", "#negative", "negative_samples",
                        "#job", "job_id"))
                .expressionAttributeValues(Map.of(":positive", n(delta.positive()), ":negative", n(delta.negative()),
                        ":job", s(reviewed.jobId())))).build();
        Map<String, AttributeValue> entry = new HashMap<>();
        entry.put("result_id", s(reviewed.resultId()));
        entry.put("review_key", s(review.reviewedAt() + "#" + String.format(Locale.ROOT, "%06d", next)));
        entry.put("reviewer", s(review.reviewer()));
        entry.put("human_decision", s(review.humanDecision().name()));
        entry.put("ai_decision", s(reviewed.decision().name()));
        entry.put("notes", s(review.notes()));
        if (reviewed.modelVersion() != null) {
            entry.put("model_version", s(reviewed.modelVersion()));
        }
        if (previousDecision != null) {
            entry.put("previous_decision", s(previousDecision));
        }
        TransactWriteItem history = TransactWriteItem.builder().put(p -> p.tableName(historyTable).item(entry)
                .conditionExpression("attribute_not_exists(review_key)")).build();
        try {
            dynamo.transactWriteItems(b -> b.transactItems(result, counters, jobCounters, history));
            return true;
        } catch (TransactionCanceledException e) {
            if (isConflict(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Our version check failed, or DynamoDB saw a concurrent transaction on the same items: read again and retry. */
    private static boolean isConflict(TransactionCanceledException e) {
        if (!e.hasCancellationReasons() || e.cancellationReasons().isEmpty()) {
            return true;
        }
        return e.cancellationReasons().stream().map(CancellationReason::code)
                .anyMatch(code -> "ConditionalCheckFailed".equals(code) || "TransactionConflict".equals(code));
    }

    @Override
    public ReviewCounts counts() {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(countersTable)
                .key(Map.of("counter_id", s(COUNTER_ID))).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return ReviewCounts.ZERO;
        }
        return new ReviewCounts(longNumber(item, "total_samples"), longNumber(item, "positive_samples"),
                longNumber(item, "negative_samples"), longNumber(item, "needs_retraining"),
                longNumber(item, "new_samples_since_last_training"));
    }

    @Override
    public Map<String, ReviewCounts.Agreement> agreementByModel() {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(countersTable)
                .key(Map.of("counter_id", s(COUNTER_ID))).consistentRead(true)).item();
        Map<String, ReviewCounts.Agreement> byModel = new TreeMap<>();
        if (item != null) {
            item.forEach((name, value) -> {
                if (name.startsWith(MODEL_REVIEWS)) {
                    String version = name.substring(MODEL_REVIEWS.length());
                    byModel.put(version, new ReviewCounts.Agreement(longNumber(item, name),
                            longNumber(item, MODEL_AGREEMENTS + version)));
                }
            });
        }
        return byModel;
    }

    @Override
    public ReviewCounts.JobBalance balance(String jobId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(countersTable)
                .key(Map.of("counter_id", s(JOB_COUNTER + jobId))).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return new ReviewCounts.JobBalance(jobId, 0, 0);
        }
        return new ReviewCounts.JobBalance(jobId, longNumber(item, "positive_samples"),
                longNumber(item, "negative_samples"));
    }

    @Override
    public List<ReviewCounts.JobBalance> balanceByJob() {
        List<ReviewCounts.JobBalance> jobs = new ArrayList<>();
        ScanRequest request = ScanRequest.builder().tableName(countersTable).consistentRead(true)
                .filterExpression("begins_with(counter_id, :job)")
                .expressionAttributeValues(Map.of(":job", s(JOB_COUNTER))).build();
        for (ScanResponse page : dynamo.scanPaginator(request)) {
            for (Map<String, AttributeValue> item : page.items()) {
                ReviewCounts.JobBalance balance = new ReviewCounts.JobBalance(string(item, "job_id"),
                        longNumber(item, "positive_samples"), longNumber(item, "negative_samples"));
                // a job's item also counts its screened results, from its first upload on
                if (balance.total() > 0) {
                    jobs.add(balance);
                }
            }
        }
        jobs.sort(Comparator.comparing(ReviewCounts.JobBalance::jobId));
        return jobs;
    }
}
