package dev.resumescreening.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/** PutItem, GetItem, DeleteItem, UpdateItem, BatchGetItem and BatchWriteItem. */
final class ItemOperations {

    private static final int MAX_BATCH_GET_KEYS = 100;
    private static final int MAX_BATCH_WRITES = 25;

    private final Database database;
    private final ExpressionCache expressions;
    private final WritePlanner planner;

    ItemOperations(Database database, ExpressionCache expressions, WritePlanner planner) {
        this.database = database;
        this.expressions = expressions;
        this.planner = planner;
    }

    ObjectNode putItem(JsonNode request) {
        return writeOne(request, false, planner::planPut);
    }

    ObjectNode deleteItem(JsonNode request) {
        return writeOne(request, false, planner::planDelete);
    }

    ObjectNode updateItem(JsonNode request) {
        return writeOne(request, true, planner::planUpdate);
    }

    /** One item's write: planned on its table, applied if its condition holds, answered with the ReturnValues. */
    private ObjectNode writeOne(JsonNode request, boolean update, BiFunction<Table, JsonNode, PlannedWrite> plan) {
        String returnValues = returnValues(request, update);
        PlannedWrite write = database.write(() -> {
            PlannedWrite planned = plan.apply(database.table(Json.requiredText(request, "TableName")), request);
            applyIfConditionMet(planned, request);
            return planned;
        });
        return attributesResponse(returnValues, write);
    }

    ObjectNode getItem(JsonNode request) {
        Projector projector = Projector.of(request, expressions, ExpressionContext.of(request));
        ObjectNode item = database.read(() -> {
            Table table = database.table(Json.requiredText(request, "TableName"));
            return table.get(table.keyOf(AttributeValues.normalizeItem(request.get("Key"), "key")));
        });
        ObjectNode response = Json.object();
        if (item != null) {
            response.set("Item", Projector.apply(projector, item));
        }
        return response;
    }

    ObjectNode batchGetItem(JsonNode request) {
        ObjectNode requestItems = Json.requiredObject(request, "RequestItems");
        int keyCount = 0;
        for (JsonNode tableRequest : requestItems) {
            keyCount += Json.requiredArray(tableRequest, "Keys").size();
        }
        if (keyCount == 0 || keyCount > MAX_BATCH_GET_KEYS) {
            throw DynamoDbException.validation("Too many items requested for the BatchGetItem call");
        }
        ObjectNode responses = database.read(() -> {
            ObjectNode byTable = Json.object();
            for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                Table table = database.table(entry.getKey());
                Projector projector =
                        Projector.of(entry.getValue(), expressions, ExpressionContext.of(entry.getValue()));
                ArrayNode items = byTable.putArray(entry.getKey());
                Set<PrimaryKey> seen = new HashSet<>();
                for (JsonNode key : entry.getValue().get("Keys")) {
                    PrimaryKey primaryKey = table.keyOf(AttributeValues.normalizeItem(key, "key"));
                    if (!seen.add(primaryKey)) {
                        throw DynamoDbException.validation("Provided list of item keys contains duplicates");
                    }
                    ObjectNode item = table.get(primaryKey);
                    if (item != null) {
                        items.add(Projector.apply(projector, item));
                    }
                }
            }
            return byTable;
        });
        ObjectNode response = Json.object();
        response.set("Responses", responses);
        response.set("UnprocessedKeys", Json.object());
        return response;
    }

    ObjectNode batchWriteItem(JsonNode request) {
        ObjectNode requestItems = Json.requiredObject(request, "RequestItems");
        int writeCount = 0;
        for (JsonNode tableRequests : requestItems) {
            writeCount += tableRequests.size();
        }
        if (writeCount == 0 || writeCount > MAX_BATCH_WRITES) {
            throw DynamoDbException.validation("1 validation error detected: Value at 'requestItems' failed to satisfy "
                    + "constraint: Member must have length less than or equal to 25");
        }
        database.write(() -> {
            List<PlannedWrite> writes = new ArrayList<>();
            Set<List<Object>> seen = new HashSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                Table table = database.table(entry.getKey());
                for (JsonNode writeRequest : entry.getValue()) {
                    PlannedWrite write;
                    if (writeRequest.has("PutRequest")) {
                        write = planner.planPut(table, writeRequest.get("PutRequest"));
                    } else if (writeRequest.has("DeleteRequest")) {
                        write = planner.planDelete(table, writeRequest.get("DeleteRequest"));
                    } else {
                        throw DynamoDbException.validation(
                                "A WriteRequest must contain a PutRequest or a DeleteRequest");
                    }
                    if (!seen.add(List.of(table.name(), write.key()))) {
                        throw DynamoDbException.validation("Provided list of item keys contains duplicates");
                    }
                    writes.add(write);
                }
            }
            writes.forEach(database::apply);
            return null;
        });
        return Json.object().set("UnprocessedItems", Json.object());
    }

    private void applyIfConditionMet(PlannedWrite write, JsonNode request) {
        if (!write.conditionMet()) {
            ObjectNode extra = null;
            if ("ALL_OLD".equals(Json.optionalText(request, "ReturnValuesOnConditionCheckFailure", "NONE"))
                    && write.oldItem() != null) {
                extra = Json.object().set("Item", write.oldItem());
            }
            throw DynamoDbException.conditionalCheckFailed(extra);
        }
        database.apply(write);
    }

    private static String returnValues(JsonNode request, boolean update) {
        String mode = Json.optionalText(request, "ReturnValues", "NONE");
        Set<String> allowed =
                update ? Set.of("NONE", "ALL_OLD", "ALL_NEW", "UPDATED_OLD", "UPDATED_NEW") : Set.of("NONE", "ALL_OLD");
        if (!allowed.contains(mode)) {
            throw DynamoDbException.validation(
                    update ? "Unknown ReturnValues: " + mode : "ReturnValues can only be ALL_OLD or NONE");
        }
        return mode;
    }

    private static ObjectNode attributesResponse(String returnValues, PlannedWrite write) {
        ObjectNode attributes = switch (returnValues) {
            case "ALL_OLD" -> write.oldItem();
            case "ALL_NEW" -> write.newItem();
            case "UPDATED_OLD" -> subset(write.oldItem(), write.updatedAttributes());
            case "UPDATED_NEW" -> subset(write.newItem(), write.updatedAttributes());
            default -> null;
        };
        ObjectNode response = Json.object();
        if (attributes != null && !attributes.isEmpty()) {
            response.set("Attributes", attributes);
        }
        return response;
    }

    private static ObjectNode subset(ObjectNode item, Set<String> names) {
        if (item == null) {
            return null;
        }
        ObjectNode subset = Json.object();
        for (String name : names) {
            JsonNode value = item.get(name);
            if (value != null) {
                subset.set(name, value);
            }
        }
        return subset;
    }
}
