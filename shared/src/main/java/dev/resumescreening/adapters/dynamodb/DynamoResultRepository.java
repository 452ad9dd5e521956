package dev.resumescreening.adapters.dynamodb;

import static dev.resumescreening.adapters.dynamodb.Attributes.bool;
import static dev.resumescreening.adapters.dynamodb.Attributes.s;

import dev.resumescreening.domain.ScreeningResult;
import dev.resumescreening.ports.ResultRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

public final class DynamoResultRepository implements ResultRepository {
    static final String BY_JOB_CREATED = "by_job_created";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoResultRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void create(ScreeningResult result, double threshold, float[] resumeEmbedding) {
        dynamo.putItem(b -> b.tableName(table)
                .item(ResultItems.toItem(result, threshold, resumeEmbedding))
                .conditionExpression("attribute_not_exists(result_id)"));
    }

    @Override
    public Optional<ScreeningResult> find(String resultId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Map.of("result_id", s(resultId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ResultItems.fromItem(item));
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
        Map<String, AttributeValue> startKey = PageTokens.decode(pageToken);
        do {
            QueryResponse response = dynamo.query(query.limit(limit - results.size()).exclusiveStartKey(startKey).build());
            response.items().forEach(item -> results.add(ResultItems.fromItem(item)));
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (startKey != null && results.size() < limit);
        return new Page(results, PageTokens.encode(startKey));
    }
}
