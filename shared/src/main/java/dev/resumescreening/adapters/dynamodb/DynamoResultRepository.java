package dev.resumescreening.adapters.dynamodb;

import static dev.resumescreening.adapters.dynamodb.Attributes.bool;
import static dev.resumescreening.adapters.dynamodb.Attributes.s;

import dev.resumescreening.compliance.SelfIdentification;
import dev.resumescreening.domain.ScreeningResult;
import dev.resumescreening.embedding.TermVector;
import dev.resumescreening.ports.ResultRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

public final class DynamoResultRepository implements ResultRepository {
    static final String BY_JOB_CREATED = "by_job_created";
    static final String REVIEW_QUEUE = "review_queue";
    static final String REVIEW_QUEUE_BY_JOB = "review_queue_by_job";
    static final String BY_REVIEWED_AT = "by_reviewed_at";
    private static final int PAGE_SIZE = 200;

    private final DynamoDbClient dynamo;
    private final String table;
    private final PageTokens pageTokens;
    private final String selfIdentificationTable;

    public DynamoResultRepository(DynamoDbClient dynamo, String table, PageTokens pageTokens) {
        this(dynamo, table, pageTokens, null);
    }

    public DynamoResultRepository(DynamoDbClient dynamo, String table, PageTokens pageTokens,
                                  String selfIdentificationTable) {
        this.dynamo = dynamo;
        this.table = table;
        this.pageTokens = pageTokens;
        this.selfIdentificationTable = selfIdentificationTable;
    }

    @Override
    public void create(ScreeningResult result, double threshold, TermVector resumeEmbedding,
                       SelfIdentification selfIdentification) {
        Map<String, AttributeValue> item = ResultItems.toItem(result, threshold, resumeEmbedding);
        if (selfIdentification == null) {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(result_id)"));
            return;
        }
        if (selfIdentificationTable == null) {
            throw new IllegalStateException("this repository has no self-identification table");
        }
        // both or neither: the upload function may only PutItem on the self-identification table
        dynamo.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                        .conditionExpression("attribute_not_exists(result_id)")).build(),
                TransactWriteItem.builder().put(p -> p.tableName(selfIdentificationTable)
                        .item(SelfIdentificationItems.toItem(result.resultId(), result.jobId(), selfIdentification))
                        .conditionExpression("attribute_not_exists(result_id)")).build()));
    }

    @Override
    public Optional<ScreeningResult> find(String resultId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Map.of("result_id", s(resultId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ResultItems.fromItem(item));
    }

    @Override
    public void forEachReviewed(String reviewedSince, Consumer<ReviewedSample> consumer) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":p", s(ResultItems.REVIEWED));
        String condition = "reviewed_partition = :p";
        if (reviewedSince != null) {
            values.put(":since", s(reviewedSince));
            condition += " AND reviewed_at >= :since";
        }
        QueryRequest request = QueryRequest.builder().tableName(table).indexName(BY_REVIEWED_AT)
                .keyConditionExpression(condition).expressionAttributeValues(values).limit(PAGE_SIZE).build();
        for (QueryResponse page : dynamo.queryPaginator(request)) {
            for (Map<String, AttributeValue> item : page.items()) {
                byte[] embedding = Attributes.binary(item, "resume_embedding");
                consumer.accept(new ReviewedSample(ResultItems.fromItem(item),
                        TermVector.isTermVector(embedding) ? TermVector.fromBytes(embedding) : null));
            }
        }
    }

    @Override
    public List<QueuedResult> reviewQueue(String jobId, int limit) {
        return queue(jobId, null, limit);
    }

    @Override
    public List<QueuedResult> queuedFrom(String jobId, double distance, int limit) {
        return queue(jobId, ResultItems.uncertaintyBound(distance), limit);
    }

    private List<QueuedResult> queue(String jobId, String fromKey, int limit) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).limit(limit).scanIndexForward(true);
        Map<String, AttributeValue> values = new HashMap<>();
        String range = fromKey == null ? "" : " AND uncertainty_key >= :from";
        if (fromKey != null) {
            values.put(":from", s(fromKey));
        }
        if (jobId == null) {
            values.put(":p", s(ResultItems.PENDING));
            query.indexName(REVIEW_QUEUE).keyConditionExpression("queue_partition = :p" + range);
        } else {
            values.put(":job", s(jobId));
            query.indexName(REVIEW_QUEUE_BY_JOB).keyConditionExpression("queue_job_id = :job" + range);
        }
        return dynamo.query(query.expressionAttributeValues(values).build()).items().stream()
                .map(item -> new QueuedResult(ResultItems.fromItem(item),
                        Double.parseDouble(Attributes.string(item, "uncertainty_key").split("#")[0])))
                .toList();
    }

    @Override
    public Page listByJob(String jobId, Boolean reviewed, int limit, String pageToken) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":job", s(jobId));
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(table)
                .indexName(BY_JOB_CREATED)
                .keyConditionExpression("job_id = :job")
                .scanIndexForward(false);
        if (reviewed != null) {
            values.put(":reviewed", bool(reviewed));
            query.filterExpression("human_reviewed = :reviewed");
        }
        query.expressionAttributeValues(values);
        List<ScreeningResult> results = new ArrayList<>();
        // a token continues only the query it was issued for: this job, with this filter
        String scope = "results-by-job\n" + jobId + "\n" + reviewed;
        Map<String, AttributeValue> startKey = pageTokens.decode(pageToken, scope);
        do {
            QueryResponse response = dynamo.query(query.limit(limit - results.size()).exclusiveStartKey(startKey).build());
            response.items().forEach(item -> results.add(ResultItems.fromItem(item)));
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (startKey != null && results.size() < limit);
        return new Page(results, pageTokens.encode(startKey, scope));
    }
}
