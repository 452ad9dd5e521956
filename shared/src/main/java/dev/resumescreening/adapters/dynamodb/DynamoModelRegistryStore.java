package dev.resumescreening.adapters.dynamodb;

import static dev.resumescreening.adapters.dynamodb.Attributes.longNumber;
import static dev.resumescreening.adapters.dynamodb.Attributes.n;
import static dev.resumescreening.adapters.dynamodb.Attributes.number;
import static dev.resumescreening.adapters.dynamodb.Attributes.s;
import static dev.resumescreening.adapters.dynamodb.Attributes.string;

import dev.resumescreening.json.Json;
import dev.resumescreening.registry.Activation;
import dev.resumescreening.registry.ActivePointer;
import dev.resumescreening.registry.ModelRecord;
import dev.resumescreening.registry.ModelRegistryStore;
import dev.resumescreening.registry.ModelStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The models table: items {@code model/<version>}, the live pointer {@code pointer/active} and the history
 * {@code activation/<timestamp>#<id>}, which sorts by time.
 */
public final class DynamoModelRegistryStore implements ModelRegistryStore {
    static final String POINTER_TYPE = "pointer";
    static final String ACTIVE_ID = "active";
    static final String MODEL_TYPE = "model";
    static final String ACTIVATION_TYPE = "activation";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoModelRegistryStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<ModelRecord> find(String version) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        b -> b.tableName(table).consistentRead(true).key(key(MODEL_TYPE, version)))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toRecord(item));
    }

    @Override
    public List<ModelRecord> versions() {
        List<ModelRecord> records = new ArrayList<>();
        query(MODEL_TYPE, Integer.MAX_VALUE).forEach(item -> records.add(toRecord(item)));
        records.sort((a, b) -> String.valueOf(b.createdAt()).compareTo(String.valueOf(a.createdAt())));
        return records;
    }

    @Override
    public boolean register(ModelRecord record) {
        try {
            dynamo.putItem(b ->
                    b.tableName(table).item(toItem(record)).conditionExpression("attribute_not_exists(record_id)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public void updateStatus(String version, ModelStatus status) {
        dynamo.updateItem(b -> b.tableName(table)
                .key(key(MODEL_TYPE, version))
                .updateExpression("SET #status = :status")
                .conditionExpression("attribute_exists(record_id)")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":status", s(status.name()))));
    }

    @Override
    public ActivePointer pointer() {
        Map<String, AttributeValue> item = dynamo.getItem(
                        b -> b.tableName(table).consistentRead(true).key(key(POINTER_TYPE, ACTIVE_ID)))
                .item();
        if (item == null || item.isEmpty()) {
            return ActivePointer.INITIAL;
        }
        return new ActivePointer(
                string(item, "champion_version"),
                string(item, "challenger_version"),
                (int) longNumber(item, "challenger_weight"),
                string(item, "updated_at"));
    }

    @Override
    public void activate(ActivePointer pointer, Activation activation, Map<String, ModelStatus> statuses) {
        List<TransactWriteItem> writes = new ArrayList<>();
        Map<String, AttributeValue> pointerItem = new HashMap<>(key(POINTER_TYPE, ACTIVE_ID));
        pointerItem.put("champion_version", s(pointer.championVersion()));
        if (pointer.challengerVersion() != null) {
            pointerItem.put("challenger_version", s(pointer.challengerVersion()));
        }
        pointerItem.put("challenger_weight", n(pointer.challengerWeight()));
        pointerItem.put("updated_at", s(pointer.updatedAt()));
        writes.add(TransactWriteItem.builder()
                .put(p -> p.tableName(table).item(pointerItem))
                .build());

        Map<String, AttributeValue> history =
                new HashMap<>(key(ACTIVATION_TYPE, activation.activatedAt() + "#" + UUID.randomUUID()));
        history.put("activated_at", s(activation.activatedAt()));
        history.put("actor", s(activation.actor()));
        history.put("champion_version", s(activation.championVersion()));
        if (activation.challengerVersion() != null) {
            history.put("challenger_version", s(activation.challengerVersion()));
        }
        history.put("challenger_weight", n(activation.challengerWeight()));
        history.put("previous_champion", s(activation.previousChampion()));
        history.put("reason", s(activation.reason()));
        history.put("kind", s(activation.kind()));
        writes.add(TransactWriteItem.builder()
                .put(p -> p.tableName(table).item(history))
                .build());

        statuses.forEach((version, status) -> writes.add(TransactWriteItem.builder()
                .update(u -> u.tableName(table)
                        .key(key(MODEL_TYPE, version))
                        .updateExpression("SET #status = :status")
                        .conditionExpression("attribute_exists(record_id)")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(Map.of(":status", s(status.name()))))
                .build()));
        dynamo.transactWriteItems(b -> b.transactItems(writes));
    }

    @Override
    public List<Activation> history(int limit) {
        return query(ACTIVATION_TYPE, limit).stream()
                .map(item -> new Activation(
                        string(item, "activated_at"),
                        string(item, "actor"),
                        string(item, "champion_version"),
                        string(item, "challenger_version"),
                        (int) longNumber(item, "challenger_weight"),
                        string(item, "previous_champion"),
                        string(item, "reason"),
                        kind(item)))
                .toList();
    }

    /** Items written before the kind was recorded: rollbacks are known by their reason. */
    private static String kind(Map<String, AttributeValue> item) {
        String kind = string(item, "kind");
        if (kind != null) {
            return kind;
        }
        String reason = string(item, "reason");
        return reason != null && reason.startsWith("rollback from") ? Activation.ROLLBACK : Activation.ACTIVATE;
    }

    private List<Map<String, AttributeValue>> query(String recordType, int limit) {
        QueryRequest request = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("record_type = :t")
                .expressionAttributeValues(Map.of(":t", s(recordType)))
                .scanIndexForward(false)
                .limit(Math.min(limit, 100))
                .build();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (QueryResponse page : dynamo.queryPaginator(request)) {
            for (Map<String, AttributeValue> item : page.items()) {
                if (items.size() == limit) {
                    return items;
                }
                items.add(item);
            }
        }
        return items;
    }

    private static Map<String, AttributeValue> key(String recordType, String recordId) {
        return Map.of("record_type", s(recordType), "record_id", s(recordId));
    }

    private static Map<String, AttributeValue> toItem(ModelRecord record) {
        Map<String, AttributeValue> item = new HashMap<>(key(MODEL_TYPE, record.version()));
        item.put("framework", s(record.framework()));
        item.put("status", s(record.status().name()));
        item.put("metrics", s(Json.write(record.metrics())));
        putNumber(item, "accuracy", record.accuracy());
        putNumber(item, "auc", record.auc());
        putNumber(item, "f1", record.f1());
        item.put("training_samples", n(record.trainingSamples()));
        item.put("created_at", s(record.createdAt()));
        item.put("artifact_prefix", s(record.artifactPrefix()));
        item.put("weights_sha256", s(record.weightsSha256()));
        item.put("embedder", s(record.embedder()));
        item.put("embedding_dimension", n(record.embeddingDimension()));
        if (record.runId() != null) {
            item.put("run_id", s(record.runId()));
        }
        return item;
    }

    private static void putNumber(Map<String, AttributeValue> item, String name, Double value) {
        if (value != null && Double.isFinite(value)) {
            item.put(name, n(value));
        }
    }

    private static ModelRecord toRecord(Map<String, AttributeValue> item) {
        Map<String, Object> metrics = Attributes.jsonObject(item, "metrics");
        return new ModelRecord(
                string(item, "record_id"),
                string(item, "framework"),
                ModelStatus.valueOf(string(item, "status")),
                number(item, "accuracy"),
                number(item, "auc"),
                number(item, "f1"),
                metrics,
                longNumber(item, "training_samples"),
                string(item, "created_at"),
                string(item, "artifact_prefix"),
                string(item, "weights_sha256"),
                string(item, "embedder"),
                (int) longNumber(item, "embedding_dimension"),
                string(item, "run_id"));
    }
}
