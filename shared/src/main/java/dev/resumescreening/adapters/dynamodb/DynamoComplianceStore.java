package dev.resumescreening.adapters.dynamodb;

import static dev.resumescreening.adapters.dynamodb.Attributes.n;
import static dev.resumescreening.adapters.dynamodb.Attributes.s;
import static dev.resumescreening.adapters.dynamodb.Attributes.string;

import dev.resumescreening.compliance.ComplianceStore;
import dev.resumescreening.compliance.SelfIdentification;
import dev.resumescreening.domain.Decision;
import dev.resumescreening.domain.ScreeningResult;
import dev.resumescreening.review.ReviewCounts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Erasure, report and audit reads on the results, self-identification, review history and counters tables. */
public final class DynamoComplianceStore implements ComplianceStore {
    /** DynamoDB's limit of items in one transaction. */
    private static final int MAX_TRANSACTION_ITEMS = 100;

    private static final int PAGE_SIZE = 200;
    /** What is left of a review of an erased result: decisions, model version and times; not who, not notes. */
    private static final String SCRUB = "SET #erased = :erased, #model = :model REMOVE #reviewer, #notes";

    private static final Map<String, String> SCRUB_NAMES =
            Map.of("#erased", "erased_at", "#model", "model_version", "#reviewer", "reviewer", "#notes", "notes");

    private final DynamoDbClient dynamo;
    private final String resultsTable;
    private final String selfIdentificationTable;
    private final String historyTable;
    private final String countersTable;
    private final String claimsTable;

    public DynamoComplianceStore(
            DynamoDbClient dynamo,
            String resultsTable,
            String selfIdentificationTable,
            String historyTable,
            String countersTable,
            String claimsTable) {
        this.claimsTable = claimsTable;
        this.dynamo = dynamo;
        this.resultsTable = resultsTable;
        this.selfIdentificationTable = selfIdentificationTable;
        this.historyTable = historyTable;
        this.countersTable = countersTable;
    }

    @Override
    public boolean erase(
            ScreeningResult result,
            long expectedReviewVersion,
            ReviewCounts.Delta counters,
            List<String> claims,
            String erasedAt) {
        List<TransactWriteItem> items = new ArrayList<>();
        Map<String, AttributeValue> key = Map.of("result_id", s(result.resultId()));
        Map<String, AttributeValue> versionValues = new HashMap<>();
        String condition = "attribute_exists(result_id) AND ";
        if (expectedReviewVersion == 0) {
            condition += "attribute_not_exists(review_version)";
        } else {
            condition += "review_version = :version";
            versionValues.put(":version", n(expectedReviewVersion));
        }
        String resultCondition = condition;
        items.add(TransactWriteItem.builder()
                .delete(d -> d.tableName(resultsTable)
                        .key(key)
                        .conditionExpression(resultCondition)
                        .expressionAttributeValues(versionValues.isEmpty() ? null : versionValues))
                .build());
        items.add(TransactWriteItem.builder()
                .delete(d -> d.tableName(selfIdentificationTable).key(key))
                .build());
        for (String claim : claims) {
            items.add(TransactWriteItem.builder()
                    .delete(d -> d.tableName(claimsTable).key(Map.of("claim_key", s(claim))))
                    .build());
        }
        if (counters == null) {
            items.add(JobCounters.screened(countersTable, result, -1, null));
        } else {
            items.addAll(counterUpdates(result, counters, erasedAt));
        }
        List<Map<String, AttributeValue>> scrubs = historyOf(result.resultId()).stream()
                .filter(entry -> !entry.containsKey("erased_at"))
                .toList();
        // the history of a result rarely has more than a few entries; any beyond one transaction are scrubbed
        // first (scrubbing is idempotent, so a retry or a failed transaction leaves nothing personal behind)
        int room = MAX_TRANSACTION_ITEMS - items.size();
        for (Map<String, AttributeValue> extra : scrubs.subList(Math.min(room, scrubs.size()), scrubs.size())) {
            dynamo.updateItem(b -> b.tableName(historyTable)
                    .key(historyKey(extra))
                    .updateExpression(SCRUB)
                    .expressionAttributeNames(SCRUB_NAMES)
                    .expressionAttributeValues(scrubValues(result, erasedAt)));
        }
        for (Map<String, AttributeValue> entry : scrubs.subList(0, Math.min(room, scrubs.size()))) {
            items.add(TransactWriteItem.builder()
                    .update(u -> u.tableName(historyTable)
                            .key(historyKey(entry))
                            .updateExpression(SCRUB)
                            .expressionAttributeNames(SCRUB_NAMES)
                            .expressionAttributeValues(scrubValues(result, erasedAt)))
                    .build());
        }
        try {
            dynamo.transactWriteItems(b -> b.transactItems(items));
            return true;
        } catch (TransactionCanceledException e) {
            if (e.hasCancellationReasons()
                    && e.cancellationReasons().stream()
                            .map(CancellationReason::code)
                            .noneMatch(code ->
                                    "ConditionalCheckFailed".equals(code) || "TransactionConflict".equals(code))) {
                throw e;
            }
            return false;
        }
    }

    private static Map<String, AttributeValue> scrubValues(ScreeningResult result, String erasedAt) {
        return Map.of(
                ":erased",
                s(erasedAt),
                ":model",
                result.modelVersion() == null
                        ? AttributeValue.builder().nul(true).build()
                        : s(result.modelVersion()));
    }

    private static Map<String, AttributeValue> historyKey(Map<String, AttributeValue> entry) {
        return Map.of("result_id", entry.get("result_id"), "review_key", entry.get("review_key"));
    }

    private List<Map<String, AttributeValue>> historyOf(String resultId) {
        List<Map<String, AttributeValue>> entries = new ArrayList<>();
        QueryRequest request = QueryRequest.builder()
                .tableName(historyTable)
                .consistentRead(true)
                .keyConditionExpression("result_id = :id")
                .expressionAttributeValues(Map.of(":id", s(resultId)))
                .build();
        for (QueryResponse page : dynamo.queryPaginator(request)) {
            entries.addAll(page.items());
        }
        return entries;
    }

    /** The negative of the review's counts, on the global counters item and the job's, as a review moves them. */
    private List<TransactWriteItem> counterUpdates(ScreeningResult result, ReviewCounts.Delta delta, String at) {
        TransactWriteItem global = DynamoReviewStore.globalCounters(countersTable, result, delta, at);
        // one update of the job's item: its reviews by class, and the result leaving its screened count
        TransactWriteItem job = TransactWriteItem.builder()
                .update(u -> u.tableName(countersTable)
                        .key(Map.of("counter_id", s(DynamoReviewStore.JOB_COUNTER + result.jobId())))
                        .updateExpression("ADD #positive :positive, #negative :negative, #screened :screened, "
                                + "#shortlisted :shortlisted")
                        .expressionAttributeNames(Map.of(
                                "#positive",
                                "positive_samples",
                                "#negative",
                                "negative_samples",
                                "#screened",
                                JobCounters.SCREENED,
                                "#shortlisted",
                                JobCounters.AI_SHORTLISTED))
                        .expressionAttributeValues(Map.of(
                                ":positive",
                                n(delta.positive()),
                                ":negative",
                                n(delta.negative()),
                                ":screened",
                                n(-1),
                                ":shortlisted",
                                n(result.decision() == Decision.SHORTLIST ? -1 : 0))))
                .build();
        return List.of(global, job);
    }

    @Override
    public void forEachResult(String jobId, String from, String to, Consumer<ScreeningResult> consumer) {
        Map<String, String> names = new HashMap<>(Map.of("#created", "created_at"));
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> filters = new ArrayList<>();
        if (from != null) {
            values.put(":from", s(from));
            filters.add("#created >= :from");
        }
        if (to != null) {
            values.put(":to", s(to));
            filters.add("#created < :to");
        }
        if (jobId != null) {
            names.put("#job", "job_id");
            values.put(":job", s(jobId));
            if (from == null && to == null) {
                names.remove("#created");
            }
            // the index's key is job_id and created_at: the whole condition is a key condition
            QueryRequest request = QueryRequest.builder()
                    .tableName(resultsTable)
                    .indexName(DynamoResultRepository.BY_JOB_CREATED)
                    .keyConditionExpression(keyCondition(from, to))
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .limit(PAGE_SIZE)
                    .build();
            for (QueryResponse page : dynamo.queryPaginator(request)) {
                for (Map<String, AttributeValue> item : page.items()) {
                    if (to == null || string(item, "created_at").compareTo(to) < 0) {
                        consumer.accept(ResultItems.fromItem(item));
                    }
                }
            }
            return;
        }
        ScanRequest.Builder scan = ScanRequest.builder().tableName(resultsTable).limit(PAGE_SIZE);
        if (!filters.isEmpty()) {
            scan.filterExpression(String.join(" AND ", filters))
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values);
        }
        for (ScanResponse page : dynamo.scanPaginator(scan.build())) {
            page.items().forEach(item -> consumer.accept(ResultItems.fromItem(item)));
        }
    }

    private static String keyCondition(String from, String to) {
        if (from != null && to != null) {
            // BETWEEN is inclusive at both ends; results created exactly at the (exclusive) end are skipped on read
            return "#job = :job AND #created BETWEEN :from AND :to";
        }
        if (from != null) {
            return "#job = :job AND #created >= :from";
        }
        return to != null ? "#job = :job AND #created < :to" : "#job = :job";
    }

    @Override
    public Map<String, SelfIdentification> selfIdentifications(Collection<String> resultIds) {
        Map<String, SelfIdentification> answers = new HashMap<>();
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(resultIds));
        for (int start = 0; start < ids.size(); start += 100) {
            List<Map<String, AttributeValue>> keys = ids.subList(start, Math.min(ids.size(), start + 100)).stream()
                    .map(id -> Map.of("result_id", s(id)))
                    .toList();
            Map<String, KeysAndAttributes> request = Map.of(
                    selfIdentificationTable,
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            while (request != null && !request.isEmpty()) {
                Map<String, KeysAndAttributes> pending = request;
                BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(pending));
                response.responses()
                        .getOrDefault(selfIdentificationTable, List.of())
                        .forEach(
                                item -> answers.put(string(item, "result_id"), SelfIdentificationItems.fromItem(item)));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : null;
            }
        }
        return answers;
    }

    @Override
    public void forEachReview(String from, String to, Consumer<ReviewEntry> consumer) {
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> filters = new ArrayList<>();
        if (from != null) {
            values.put(":from", s(from));
            filters.add("review_key >= :from");
        }
        if (to != null) {
            values.put(":to", s(to));
            filters.add("review_key < :to");
        }
        ScanRequest.Builder scan = ScanRequest.builder().tableName(historyTable).limit(PAGE_SIZE);
        if (!filters.isEmpty()) {
            scan.filterExpression(String.join(" AND ", filters)).expressionAttributeValues(values);
        }
        for (ScanResponse page : dynamo.scanPaginator(scan.build())) {
            for (Map<String, AttributeValue> item : page.items()) {
                String reviewKey = string(item, "review_key");
                String action = string(item, "action");
                consumer.accept(new ReviewEntry(
                        string(item, "result_id"),
                        action == null ? DynamoReviewStore.REVIEW_ACTION : action,
                        reviewKey.contains("#") ? reviewKey.substring(0, reviewKey.indexOf('#')) : reviewKey,
                        string(item, "reviewer"),
                        string(item, "previous_decision"),
                        string(item, "human_decision"),
                        string(item, "ai_decision"),
                        string(item, "model_version"),
                        string(item, "notes"),
                        string(item, "erased_at")));
            }
        }
    }
}
