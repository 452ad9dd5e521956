package dev.resumescreening.adapters.dynamodb;

import static dev.resumescreening.adapters.dynamodb.Attributes.bool;
import static dev.resumescreening.adapters.dynamodb.Attributes.n;
import static dev.resumescreening.adapters.dynamodb.Attributes.s;

import dev.resumescreening.domain.Decision;
import dev.resumescreening.domain.ScreeningResult;
import dev.resumescreening.embedding.TermVector;
import dev.resumescreening.ports.ResultRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

public final class DynamoResultRepository implements ResultRepository {
    static final String BY_JOB_CREATED = "by_job_created";
    static final String BY_JOB_SCORE = "by_job_score";
    static final String REVIEW_QUEUE = "review_queue";
    static final String REVIEW_QUEUE_BY_JOB = "review_queue_by_job";
    static final String BY_REVIEWED_AT = "by_reviewed_at";
    private static final int PAGE_SIZE = 200;
    private static final int MAX_ATTEMPTS = 3;

    private final DynamoDbClient dynamo;
    private final String table;
    private final PageTokens pageTokens;
    private final String selfIdentificationTable;
    private final String claimsTable;
    private final String countersTable;

    public DynamoResultRepository(
            DynamoDbClient dynamo,
            String table,
            PageTokens pageTokens,
            String selfIdentificationTable,
            String claimsTable,
            String countersTable) {
        this.dynamo = dynamo;
        this.table = table;
        this.pageTokens = pageTokens;
        this.selfIdentificationTable = selfIdentificationTable;
        this.claimsTable = claimsTable;
        this.countersTable = countersTable;
    }

    @Override
    public void create(NewResult created) {
        ScreeningResult result = created.result();
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder()
                .put(p -> p.tableName(table)
                        .item(ResultItems.toItem(result, created.threshold(), created.resumeEmbedding()))
                        .conditionExpression("attribute_not_exists(result_id)"))
                .build());
        for (UploadClaim claim : created.claims()) {
            items.add(TransactWriteItem.builder()
                    .put(p -> p.tableName(claimsTable)
                            .item(claimItem(claim))
                            .conditionExpression("attribute_not_exists(claim_key)"))
                    .build());
        }
        // the upload function may only PutItem on the self-identification table
        if (created.selfIdentification() != null) {
            items.add(TransactWriteItem.builder()
                    .put(p -> p.tableName(selfIdentificationTable)
                            .item(SelfIdentificationItems.toItem(
                                    result.resultId(), result.jobId(), created.selfIdentification()))
                            .conditionExpression("attribute_not_exists(result_id)"))
                    .build());
        }
        items.add(JobCounters.screened(countersTable, result, 1, created.jobSimilarity()));
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(b -> b.transactItems(items));
                return;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
                for (int k = 0; k < created.claims().size() && k + 1 < reasons.size(); k++) {
                    if ("ConditionalCheckFailed".equals(reasons.get(k + 1).code())) {
                        throw new ClaimTaken(created.claims().get(k).key());
                    }
                }
                // a concurrent upload with the same claim was mid-transaction: once it is done, the claim is its
                boolean conflict = reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
                if (!conflict || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static Map<String, AttributeValue> claimItem(UploadClaim claim) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("claim_key", s(claim.key()));
        item.put("result_id", s(claim.resultId()));
        item.put("job_id", s(claim.jobId()));
        item.put("content_sha256", s(claim.contentSha256()));
        if (claim.expiresAtEpochSeconds() != null) {
            item.put("expires_at", n(claim.expiresAtEpochSeconds()));
        }
        if (claim.ofEarlierResult()) {
            item.put("of_earlier_result", Attributes.bool(true));
        }
        return item;
    }

    @Override
    public void addClaim(UploadClaim claim) {
        try {
            dynamo.putItem(b -> b.tableName(claimsTable)
                    .item(claimItem(claim))
                    .conditionExpression("attribute_not_exists(claim_key)"));
        } catch (ConditionalCheckFailedException e) {
            throw new ClaimTaken(claim.key());
        }
    }

    @Override
    public Optional<UploadClaim> claim(String key) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(claimsTable)
                        .key(Map.of("claim_key", s(key)))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new UploadClaim(
                key,
                Attributes.string(item, "result_id"),
                Attributes.string(item, "job_id"),
                Attributes.string(item, "content_sha256"),
                item.containsKey("expires_at") ? Attributes.longNumber(item, "expires_at") : null,
                Attributes.flag(item, "of_earlier_result")));
    }

    @Override
    public Optional<ScreeningResult> find(String resultId) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        b -> b.tableName(table).key(Map.of("result_id", s(resultId))))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ResultItems.fromItem(item));
    }

    @Override
    public void forEachReviewed(String reviewedSince, Consumer<StoredSample> consumer) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":p", s(ResultItems.REVIEWED));
        String condition = "reviewed_partition = :p";
        if (reviewedSince != null) {
            values.put(":since", s(reviewedSince));
            condition += " AND reviewed_at >= :since";
        }
        QueryRequest request = QueryRequest.builder()
                .tableName(table)
                .indexName(BY_REVIEWED_AT)
                .keyConditionExpression(condition)
                .expressionAttributeValues(values)
                .limit(PAGE_SIZE)
                .build();
        for (QueryResponse page : dynamo.queryPaginator(request)) {
            for (Map<String, AttributeValue> item : page.items()) {
                consumer.accept(storedSample(item));
            }
        }
    }

    @Override
    public void forEachUnreviewed(String jobId, int limit, Consumer<StoredSample> consumer) {
        QueryRequest request = newestOfJob(jobId)
                .filterExpression("human_reviewed = :reviewed AND attribute_exists(resume_embedding)")
                .expressionAttributeValues(Map.of(":job", s(jobId), ":reviewed", bool(false)))
                .build();
        streamUpTo(limit, request, item -> {
            StoredSample sample = storedSample(item);
            if (sample.resumeEmbedding() == null) {
                return false;
            }
            consumer.accept(sample);
            return true;
        });
    }

    @Override
    public void forEachResumeVector(String jobId, int limit, Consumer<TermVector> consumer) {
        QueryRequest request = newestOfJob(jobId)
                .filterExpression("attribute_exists(resume_embedding)")
                .projectionExpression("resume_embedding")
                .expressionAttributeValues(Map.of(":job", s(jobId)))
                .build();
        streamUpTo(limit, request, item -> {
            byte[] embedding = Attributes.binary(item, "resume_embedding");
            TermVector vector = TermVector.isTermVector(embedding) ? TermVector.fromBytes(embedding) : TermVector.EMPTY;
            if (vector.isEmpty()) {
                return false;
            }
            consumer.accept(vector);
            return true;
        });
    }

    private QueryRequest.Builder newestOfJob(String jobId) {
        return QueryRequest.builder()
                .tableName(table)
                .indexName(BY_JOB_CREATED)
                .keyConditionExpression("job_id = :job")
                .scanIndexForward(false)
                .limit(PAGE_SIZE);
    }

    /** Pages through the query until {@code accepted} has taken {@code limit} items (it says whether it took one). */
    private void streamUpTo(int limit, QueryRequest request, Predicate<Map<String, AttributeValue>> accepted) {
        int streamed = 0;
        for (QueryResponse page : dynamo.queryPaginator(request)) {
            for (Map<String, AttributeValue> item : page.items()) {
                if (accepted.test(item) && ++streamed >= limit) {
                    return;
                }
            }
        }
    }

    private static StoredSample storedSample(Map<String, AttributeValue> item) {
        byte[] embedding = Attributes.binary(item, "resume_embedding");
        return new StoredSample(
                ResultItems.fromItem(item),
                TermVector.isTermVector(embedding) ? TermVector.fromBytes(embedding) : null);
    }

    @Override
    public List<QueuedResult> reviewQueue(String jobId, int limit) {
        return queue(jobId, null, null, limit, limit);
    }

    @Override
    public List<QueuedResult> queuedFrom(String jobId, double distance, int limit) {
        return queue(jobId, ResultItems.uncertaintyBound(distance), null, limit, limit);
    }

    @Override
    public Optional<QueuedResult> firstDecidedFrom(String jobId, double distance, Decision decision, int within) {
        return queue(jobId, ResultItems.uncertaintyBound(distance), decision, 1, within).stream()
                .findFirst();
    }

    /** Up to {@code limit} queued results, reading no more than {@code within} of them (a filter reads past some). */
    private List<QueuedResult> queue(String jobId, String fromKey, Decision decision, int limit, int within) {
        Map<String, AttributeValue> values = new HashMap<>();
        String range = fromKey == null ? "" : " AND uncertainty_key >= :from";
        if (fromKey != null) {
            values.put(":from", s(fromKey));
        }
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).scanIndexForward(true);
        if (jobId == null) {
            values.put(":p", s(ResultItems.PENDING));
            query.indexName(REVIEW_QUEUE).keyConditionExpression("queue_partition = :p" + range);
        } else {
            values.put(":job", s(jobId));
            query.indexName(REVIEW_QUEUE_BY_JOB).keyConditionExpression("queue_job_id = :job" + range);
        }
        if (decision != null) {
            values.put(":decision", s(decision.name()));
            query.filterExpression("decision = :decision");
        }
        query.expressionAttributeValues(values);
        List<QueuedResult> queued = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        int read = 0;
        do {
            int page = decision == null ? limit - queued.size() : Math.min(PAGE_SIZE, within - read);
            QueryResponse response =
                    dynamo.query(query.limit(page).exclusiveStartKey(startKey).build());
            for (Map<String, AttributeValue> item : response.items()) {
                if (queued.size() < limit) {
                    queued.add(new QueuedResult(
                            ResultItems.fromItem(item),
                            Double.parseDouble(
                                    Attributes.string(item, "uncertainty_key").split("#")[0])));
                }
            }
            read += response.scannedCount();
            startKey = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (startKey != null && queued.size() < limit && read < within);
        return queued;
    }

    @Override
    public Page listByJob(String jobId, Boolean reviewed, boolean byScore, int limit, String pageToken) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":job", s(jobId));
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(table)
                .indexName(byScore ? BY_JOB_SCORE : BY_JOB_CREATED)
                .keyConditionExpression("job_id = :job")
                .scanIndexForward(false);
        if (reviewed != null) {
            values.put(":reviewed", bool(reviewed));
            query.filterExpression("human_reviewed = :reviewed");
        }
        query.expressionAttributeValues(values);
        List<ScreeningResult> results = new ArrayList<>();
        // a token continues only the query it was issued for: this job, with this filter
        String scope = "results-by-job\n" + jobId + "\n" + reviewed + "\n" + byScore;
        Map<String, AttributeValue> startKey = pageTokens.decode(pageToken, scope);
        do {
            QueryResponse response = dynamo.query(query.limit(limit - results.size())
                    .exclusiveStartKey(startKey)
                    .build());
            response.items().forEach(item -> results.add(ResultItems.fromItem(item)));
            startKey = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (startKey != null && results.size() < limit);
        return new Page(results, pageTokens.encode(startKey, scope));
    }
}
