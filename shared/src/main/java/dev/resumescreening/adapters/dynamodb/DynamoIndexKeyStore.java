package dev.resumescreening.adapters.dynamodb;

import static dev.resumescreening.adapters.dynamodb.Attributes.n;
import static dev.resumescreening.adapters.dynamodb.Attributes.number;
import static dev.resumescreening.adapters.dynamodb.Attributes.s;
import static dev.resumescreening.adapters.dynamodb.Attributes.string;

import dev.resumescreening.maintenance.IndexKeyStore;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The score_key of screening_results ({@link ResultItems#scoreKey}) and the run_partition of training_runs
 * ({@link DynamoTrainingRunStore}), added to items written without them. Completion is recorded as one item of the
 * counters table.
 */
public final class DynamoIndexKeyStore implements IndexKeyStore {
    static final String BACKFILL_MARKER = "backfill#index-keys";
    private static final int PAGE_SIZE = 200;

    private final DynamoDbClient dynamo;
    private final String resultsTable;
    private final String runsTable;
    private final String countersTable;

    public DynamoIndexKeyStore(DynamoDbClient dynamo, String resultsTable, String runsTable, String countersTable) {
        this.dynamo = dynamo;
        this.resultsTable = resultsTable;
        this.runsTable = runsTable;
        this.countersTable = countersTable;
    }

    @Override
    public Stream<ScoredResult> scoredResultsWithoutScoreKey() {
        ScanRequest scan = ScanRequest.builder()
                .tableName(resultsTable)
                .limit(PAGE_SIZE)
                .filterExpression("attribute_exists(score) AND attribute_not_exists(score_key)")
                .projectionExpression("result_id, score")
                .build();
        return dynamo.scanPaginator(scan).items().stream()
                .map(item -> new ScoredResult(string(item, "result_id"), number(item, "score")));
    }

    @Override
    public boolean addScoreKey(ScoredResult result) {
        return addIfAbsent(
                resultsTable,
                Map.of("result_id", s(result.resultId())),
                "result_id",
                "score_key",
                s(ResultItems.scoreKey(result.score(), result.resultId())));
    }

    @Override
    public Stream<String> runsWithoutPartition() {
        ScanRequest scan = ScanRequest.builder()
                .tableName(runsTable)
                .limit(PAGE_SIZE)
                .filterExpression("attribute_not_exists(run_partition)")
                .projectionExpression("run_id")
                .build();
        return dynamo.scanPaginator(scan).items().stream().map(item -> string(item, "run_id"));
    }

    @Override
    public boolean addRunPartition(String runId) {
        return addIfAbsent(
                runsTable, Map.of("run_id", s(runId)), "run_id", "run_partition", s(DynamoTrainingRunStore.PARTITION));
    }

    @Override
    public boolean backfillRecorded() {
        Map<String, AttributeValue> item = dynamo.getItem(b ->
                        b.tableName(countersTable).consistentRead(true).key(Map.of("counter_id", s(BACKFILL_MARKER))))
                .item();
        return item != null && !item.isEmpty();
    }

    @Override
    public void recordBackfill(Backfilled backfilled, String completedAt) {
        dynamo.putItem(b -> b.tableName(countersTable)
                .item(Map.of(
                        "counter_id", s(BACKFILL_MARKER),
                        "completed_at", s(completedAt),
                        "results", n(backfilled.results()),
                        "runs", n(backfilled.runs()))));
    }

    /** Sets the attribute only on an item that exists (an update would otherwise create one) and still lacks it. */
    private boolean addIfAbsent(
            String table, Map<String, AttributeValue> key, String keyName, String name, AttributeValue value) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key)
                    .updateExpression("SET #name = :value")
                    .conditionExpression("attribute_exists(#key) AND attribute_not_exists(#name)")
                    .expressionAttributeNames(Map.of("#name", name, "#key", keyName))
                    .expressionAttributeValues(Map.of(":value", value)));
            return true;
        } catch (ConditionalCheckFailedException alreadySetOrGone) {
            return false;
        }
    }
}
