package dev.resumescreening.adapters.dynamodb;

import static dev.resumescreening.adapters.dynamodb.Attributes.bool;
import static dev.resumescreening.adapters.dynamodb.Attributes.flag;
import static dev.resumescreening.adapters.dynamodb.Attributes.longNumber;
import static dev.resumescreening.adapters.dynamodb.Attributes.n;
import static dev.resumescreening.adapters.dynamodb.Attributes.s;
import static dev.resumescreening.adapters.dynamodb.Attributes.string;

import dev.resumescreening.json.Json;
import dev.resumescreening.training.RunState;
import dev.resumescreening.training.TrainingRun;
import dev.resumescreening.training.TrainingRunStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Training runs, one item per run_id; metrics are kept as a JSON string. Every run is in one partition of the
 * {@value #BY_CREATED} index, by creation time: runs are few (one a day, and a few on request), so the partition stays
 * far below what one DynamoDB partition serves.
 */
public final class DynamoTrainingRunStore implements TrainingRunStore {
    static final String BY_CREATED = "runs_by_created";
    static final String PARTITION = "RUN";
    private static final String LIST_SCOPE = "training-runs";

    private final DynamoDbClient dynamo;
    private final String table;
    private final PageTokens pageTokens;

    /** A store whose list pages are signed with a random key of this process. */
    public DynamoTrainingRunStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, PageTokens.fromSetting(null));
    }

    public DynamoTrainingRunStore(DynamoDbClient dynamo, String table, PageTokens pageTokens) {
        this.dynamo = dynamo;
        this.table = table;
        this.pageTokens = pageTokens;
    }

    @Override
    public RunPage list(int limit, String pageToken) {
        Map<String, AttributeValue> startKey = pageTokens.decode(pageToken, LIST_SCOPE);
        QueryResponse page = dynamo.query(b -> b.tableName(table)
                .indexName(BY_CREATED)
                .keyConditionExpression("run_partition = :p")
                .expressionAttributeValues(Map.of(":p", s(PARTITION)))
                .scanIndexForward(false)
                .limit(limit)
                .exclusiveStartKey(startKey));
        List<TrainingRun> runs =
                page.items().stream().map(DynamoTrainingRunStore::fromItem).toList();
        return new RunPage(
                runs,
                page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                        ? pageTokens.encode(page.lastEvaluatedKey(), LIST_SCOPE)
                        : null);
    }

    @Override
    public boolean create(TrainingRun run) {
        try {
            dynamo.putItem(
                    b -> b.tableName(table).item(toItem(run)).conditionExpression("attribute_not_exists(run_id)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public void save(TrainingRun run) {
        dynamo.putItem(b -> b.tableName(table).item(toItem(run)));
    }

    @Override
    public boolean saveIf(TrainingRun run, RunState expected) {
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(toItem(run))
                    .conditionExpression("#state = :expected")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":expected", s(expected.name()))));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    @Override
    public Optional<TrainingRun> find(String runId) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        b -> b.tableName(table).consistentRead(true).key(Map.of("run_id", s(runId))))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    private static Map<String, AttributeValue> toItem(TrainingRun run) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("run_id", s(run.runId()));
        item.put("run_partition", s(PARTITION));
        item.put("state", s(run.state().name()));
        putText(item, "reason", run.reason());
        putText(item, "trigger", run.trigger());
        putText(item, "created_at", run.createdAt());
        putText(item, "started_at", run.startedAt());
        putText(item, "finished_at", run.finishedAt());
        item.put("sample_count", n(run.sampleCount()));
        item.put("new_samples_at_start", n(run.newSamplesAtStart()));
        putText(item, "mode", run.mode());
        putText(item, "candidate_version", run.candidateVersion());
        putText(item, "active_version", run.activeVersion());
        item.put("metrics", s(Json.write(run.metrics())));
        item.put("activated", bool(run.activated()));
        putText(item, "log_file", run.logFile());
        putText(item, "training_job_name", run.trainingJobName());
        return item;
    }

    private static void putText(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static TrainingRun fromItem(Map<String, AttributeValue> item) {
        Map<String, Object> metrics = Attributes.jsonObject(item, "metrics");
        return new TrainingRun(
                string(item, "run_id"),
                RunState.valueOf(string(item, "state")),
                string(item, "reason"),
                string(item, "trigger"),
                string(item, "created_at"),
                string(item, "started_at"),
                string(item, "finished_at"),
                longNumber(item, "sample_count"),
                longNumber(item, "new_samples_at_start"),
                string(item, "mode"),
                string(item, "candidate_version"),
                string(item, "active_version"),
                metrics,
                flag(item, "activated"),
                string(item, "log_file"),
                string(item, "training_job_name"));
    }
}
