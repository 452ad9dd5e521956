package dev.resumescreening.adapters.dynamodb;

import static dev.resumescreening.adapters.dynamodb.Attributes.bool;
import static dev.resumescreening.adapters.dynamodb.Attributes.longNumber;
import static dev.resumescreening.adapters.dynamodb.Attributes.n;
import static dev.resumescreening.adapters.dynamodb.Attributes.number;
import static dev.resumescreening.adapters.dynamodb.Attributes.s;
import static dev.resumescreening.adapters.dynamodb.Attributes.string;

import dev.resumescreening.domain.ScreeningResult;
import dev.resumescreening.domain.ScreeningResult.Review;
import dev.resumescreening.review.ReviewCounts;
import dev.resumescreening.review.ReviewCounts.Delta;
import dev.resumescreening.review.ReviewStore;
import dev.resumescreening.review.ReviewStore.Current;
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
    public static final String JOB_COUNTER = "job#";
    /** Attributes of the counters item, one pair per model version that scored a reviewed result. */
    static final String MODEL_REVIEWS = "model_reviews#";

    static final String MODEL_AGREEMENTS = "model_agreements#";
    /** The history entry's {@code action}: a review, or the undo of one (the audit export's line types). */
    public static final String REVIEW_ACTION = "review";

    public static final String UNDO_ACTION = "review_undo";

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
    public Optional<Current> current(String resultId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(resultsTable)
                        .key(Map.of("result_id", s(resultId)))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Current(ResultItems.fromItem(item), number(item, "threshold")));
    }

    @Override
    public boolean record(ScreeningResult reviewed, long expectedVersion, Delta delta, String previousDecision) {
        Review review = reviewed.review();
        long next = expectedVersion + 1;
        Map<String, String> names = attributeNames(REVIEW_ATTRIBUTES);
        names.putAll(attributeNames(QUEUE_ATTRIBUTES));
        Map<String, AttributeValue> values = new HashMap<>();
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
        TransactWriteItem result = TransactWriteItem.builder()
                .update(u -> u.tableName(resultsTable)
                        .key(Map.of("result_id", s(reviewed.resultId())))
                        .updateExpression(
                                "SET #human_reviewed = :reviewed, #human_decision = :decision, #reviewer = :reviewer, "
                                        + "#reviewed_at = :at, #notes = :notes, #needs_retraining = :retrain, "
                                        + "#reviewed_partition = :partition, #review_version = :next "
                                        + "REMOVE #queue_partition, #queue_job_id, #uncertainty_key")
                        .conditionExpression(finalCondition)
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values))
                .build();
        List<TransactWriteItem> counters = counterUpdates(countersTable, reviewed, delta, review.reviewedAt());
        Map<String, AttributeValue> entry = new HashMap<>();
        entry.put("result_id", s(reviewed.resultId()));
        entry.put("review_key", s(historyKey(review.reviewedAt(), next)));
        entry.put("action", s(REVIEW_ACTION));
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
        return write(result, counters, entry);
    }

    @Override
    public boolean undo(ScreeningResult result, double threshold, Delta withdrawal, String undoneBy, String undoneAt) {
        long expectedVersion = result.reviewVersion();
        Review undone = result.review();
        long next = expectedVersion + 1;
        Map<String, String> names = attributeNames(REVIEW_ATTRIBUTES);
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":reviewed",
                bool(true),
                ":unreviewed",
                bool(false),
                ":expected",
                n(expectedVersion),
                ":next",
                n(next)));
        String set = "SET #human_reviewed = :unreviewed, #review_version = :next";
        if (result.score() != null) {
            // back into the review queue, where its upload put it
            names.putAll(attributeNames(QUEUE_ATTRIBUTES));
            values.putAll(Map.of(
                    ":pending",
                    s(ResultItems.PENDING),
                    ":job",
                    s(result.jobId()),
                    ":uncertainty",
                    s(ResultItems.uncertaintyKey(result.score(), threshold, result.resultId()))));
            set += ", #queue_partition = :pending, #queue_job_id = :job, #uncertainty_key = :uncertainty";
        }
        String update = set + " REMOVE #human_decision, #reviewer, #reviewed_at, #notes, #needs_retraining, "
                + "#reviewed_partition";
        TransactWriteItem resultUpdate = TransactWriteItem.builder()
                .update(u -> u.tableName(resultsTable)
                        .key(Map.of("result_id", s(result.resultId())))
                        .updateExpression(update)
                        .conditionExpression("attribute_exists(#result_id) AND #review_version = :expected "
                                + "AND #human_reviewed = :reviewed")
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values))
                .build();
        Map<String, AttributeValue> entry = new HashMap<>();
        entry.put("result_id", s(result.resultId()));
        entry.put("review_key", s(historyKey(undoneAt, next)));
        entry.put("action", s(UNDO_ACTION));
        entry.put("reviewer", s(undoneBy));
        entry.put("previous_decision", s(undone.humanDecision().name()));
        entry.put("undone_review_version", n(expectedVersion));
        entry.put("ai_decision", s(result.decision().name()));
        if (result.modelVersion() != null) {
            entry.put("model_version", s(result.modelVersion()));
        }
        return write(resultUpdate, counterUpdates(countersTable, result, withdrawal, undoneAt), entry);
    }

    /** What a review sets on its result, and the key the conditions name. */
    private static final List<String> REVIEW_ATTRIBUTES = List.of(
            "human_reviewed",
            "human_decision",
            "reviewer",
            "reviewed_at",
            "notes",
            "needs_retraining",
            "reviewed_partition",
            "review_version",
            "result_id");
    /** What puts a result in the review queue: a review removes them, an undo sets them again. */
    private static final List<String> QUEUE_ATTRIBUTES = List.of("queue_partition", "queue_job_id", "uncertainty_key");

    /** {@code #name -> name} for an update's expression attribute names. */
    private static Map<String, String> attributeNames(List<String> attributes) {
        Map<String, String> names = new HashMap<>();
        attributes.forEach(attribute -> names.put("#" + attribute, attribute));
        return names;
    }

    /** The result's change, the counters' and the history entry in one transaction; false on a lost race. */
    private boolean write(
            TransactWriteItem result, List<TransactWriteItem> counters, Map<String, AttributeValue> historyEntry) {
        TransactWriteItem history = TransactWriteItem.builder()
                .put(p -> p.tableName(historyTable)
                        .item(historyEntry)
                        .conditionExpression("attribute_not_exists(review_key)"))
                .build();
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(result);
        items.addAll(counters);
        items.add(history);
        try {
            dynamo.transactWriteItems(b -> b.transactItems(items));
            return true;
        } catch (TransactionCanceledException e) {
            if (isConflict(e)) {
                return false;
            }
            throw e;
        }
    }

    private static String historyKey(String at, long version) {
        return at + "#" + String.format(Locale.ROOT, "%06d", version);
    }

    /**
     * What a review (or, negated, its undo or erasure) moves: the training counters, the agreement counters of the
     * model version that scored the result, and the job's reviews by class.
     */
    static List<TransactWriteItem> counterUpdates(
            String countersTable, ScreeningResult result, Delta delta, String at) {
        return List.of(
                globalCounters(countersTable, result, delta, at),
                TransactWriteItem.builder()
                        .update(u -> u.tableName(countersTable)
                                .key(Map.of("counter_id", s(JOB_COUNTER + result.jobId())))
                                .updateExpression("ADD #positive :positive, #negative :negative SET #job = :job")
                                .expressionAttributeNames(Map.of(
                                        "#positive",
                                        "positive_samples",
                                        "#negative",
                                        "negative_samples",
                                        "#job",
                                        "job_id"))
                                .expressionAttributeValues(Map.of(
                                        ":positive",
                                        n(delta.positive()),
                                        ":negative",
                                        n(delta.negative()),
                                        ":job",
                                        s(result.jobId()))))
                        .build());
    }

    /** The training and agreement counters in the single counters item. */
    static TransactWriteItem globalCounters(String countersTable, ScreeningResult result, Delta delta, String at) {
        Map<String, String> names = new HashMap<>(Map.of(
                "#total",
                "total_samples",
                "#positive",
                "positive_samples",
                "#negative",
                "negative_samples",
                "#retrain",
                "needs_retraining",
                "#fresh",
                "new_samples_since_last_training",
                "#updated",
                "updated_at"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":total",
                n(delta.total()),
                ":positive",
                n(delta.positive()),
                ":negative",
                n(delta.negative()),
                ":retrain",
                n(delta.needsRetraining()),
                ":fresh",
                n(delta.newSamples()),
                ":at",
                s(at)));
        String update = "ADD #total :total, #positive :positive, #negative :negative, #retrain :retrain, #fresh :fresh";
        if (result.modelVersion() != null) {
            names.put("#modelReviews", MODEL_REVIEWS + result.modelVersion());
            names.put("#modelAgreements", MODEL_AGREEMENTS + result.modelVersion());
            values.put(":agreed", n(delta.agreed()));
            update += ", #modelReviews :total, #modelAgreements :agreed";
        }
        String expression = update + " SET #updated = :at";
        return TransactWriteItem.builder()
                .update(u -> u.tableName(countersTable)
                        .key(Map.of("counter_id", s(COUNTER_ID)))
                        .updateExpression(expression)
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values))
                .build();
    }

    /** Our version check failed, or DynamoDB saw a concurrent transaction on the same items: read again and retry. */
    private static boolean isConflict(TransactionCanceledException e) {
        if (!e.hasCancellationReasons() || e.cancellationReasons().isEmpty()) {
            return true;
        }
        return e.cancellationReasons().stream()
                .map(CancellationReason::code)
                .anyMatch(code -> "ConditionalCheckFailed".equals(code) || "TransactionConflict".equals(code));
    }

    @Override
    public ReviewCounts counts() {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(countersTable)
                        .key(Map.of("counter_id", s(COUNTER_ID)))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return ReviewCounts.ZERO;
        }
        return new ReviewCounts(
                longNumber(item, "total_samples"),
                longNumber(item, "positive_samples"),
                longNumber(item, "negative_samples"),
                longNumber(item, "needs_retraining"),
                longNumber(item, "new_samples_since_last_training"));
    }

    @Override
    public Map<String, ReviewCounts.Agreement> agreementByModel() {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(countersTable)
                        .key(Map.of("counter_id", s(COUNTER_ID)))
                        .consistentRead(true))
                .item();
        Map<String, ReviewCounts.Agreement> byModel = new TreeMap<>();
        if (item != null) {
            item.forEach((name, value) -> {
                if (name.startsWith(MODEL_REVIEWS)) {
                    String version = name.substring(MODEL_REVIEWS.length());
                    byModel.put(
                            version,
                            new ReviewCounts.Agreement(
                                    longNumber(item, name), longNumber(item, MODEL_AGREEMENTS + version)));
                }
            });
        }
        return byModel;
    }

    @Override
    public ReviewCounts.JobBalance balance(String jobId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(countersTable)
                        .key(Map.of("counter_id", s(JOB_COUNTER + jobId)))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return new ReviewCounts.JobBalance(jobId, 0, 0);
        }
        return new ReviewCounts.JobBalance(
                jobId, longNumber(item, "positive_samples"), longNumber(item, "negative_samples"));
    }

    @Override
    public List<ReviewCounts.JobBalance> balanceByJob() {
        List<ReviewCounts.JobBalance> jobs = new ArrayList<>();
        ScanRequest request = ScanRequest.builder()
                .tableName(countersTable)
                .consistentRead(true)
                .filterExpression("begins_with(counter_id, :job)")
                .expressionAttributeValues(Map.of(":job", s(JOB_COUNTER)))
                .build();
        for (ScanResponse page : dynamo.scanPaginator(request)) {
            for (Map<String, AttributeValue> item : page.items()) {
                ReviewCounts.JobBalance balance = new ReviewCounts.JobBalance(
                        string(item, "job_id"),
                        longNumber(item, "positive_samples"),
                        longNumber(item, "negative_samples"));
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
