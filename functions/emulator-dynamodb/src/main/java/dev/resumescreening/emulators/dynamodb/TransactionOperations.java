package dev.resumescreening.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * TransactWriteItems and TransactGetItems. A write transaction evaluates every condition against the current
 * state first and applies all writes only when all conditions hold, under one exclusive lock.
 */
final class TransactionOperations {

    private static final int MAX_TRANSACTION_ITEMS = 100;

    private final Database database;
    private final ExpressionCache expressions;
    private final WritePlanner planner;

    TransactionOperations(Database database, ExpressionCache expressions, WritePlanner planner) {
        this.database = database;
        this.expressions = expressions;
        this.planner = planner;
    }

    ObjectNode transactWriteItems(JsonNode request) {
        ArrayNode transactItems = transactItems(request);
        database.write(() -> {
            List<PlannedWrite> writes = new ArrayList<>();
            List<JsonNode> operations = new ArrayList<>();
            Set<List<Object>> targets = new HashSet<>();
            for (JsonNode transactItem : transactItems) {
                JsonNode operation;
                PlannedWrite write;
                if ((operation = transactItem.get("Put")) != null) {
                    write = planner.planPut(tableOf(operation), operation);
                } else if ((operation = transactItem.get("Update")) != null) {
                    write = planner.planUpdate(tableOf(operation), operation);
                } else if ((operation = transactItem.get("Delete")) != null) {
                    write = planner.planDelete(tableOf(operation), operation);
                } else if ((operation = transactItem.get("ConditionCheck")) != null) {
                    write = planner.planConditionCheck(tableOf(operation), operation);
                } else {
                    throw DynamoDbException.validation(
                            "TransactItems can only contain one of Put, Update, Delete or ConditionCheck");
                }
                if (!targets.add(List.of(write.table().name(), write.key()))) {
                    throw DynamoDbException.validation(
                            "Transaction request cannot include multiple operations on one item");
                }
                writes.add(write);
                operations.add(operation);
            }
            if (writes.stream().anyMatch(w -> !w.conditionMet())) {
                throw canceled(writes, operations);
            }
            writes.forEach(database::apply);
            return null;
        });
        return Json.object();
    }

    ObjectNode transactGetItems(JsonNode request) {
        ArrayNode transactItems = transactItems(request);
        ArrayNode responses = database.read(() -> {
            ArrayNode results = Json.array();
            for (JsonNode transactItem : transactItems) {
                JsonNode get = transactItem.get("Get");
                if (get == null) {
                    throw DynamoDbException.validation("TransactGetItems can only contain Get operations");
                }
                Table table = tableOf(get);
                ObjectNode item = table.get(table.keyOf(AttributeValues.normalizeItem(get.get("Key"), "key")));
                ObjectNode result = Json.object();
                if (item != null) {
                    result.set(
                            "Item", Projector.apply(Projector.of(get, expressions, ExpressionContext.of(get)), item));
                }
                results.add(result);
            }
            return results;
        });
        return Json.object().set("Responses", responses);
    }

    private Table tableOf(JsonNode operation) {
        return database.table(Json.requiredText(operation, "TableName"));
    }

    private static ArrayNode transactItems(JsonNode request) {
        ArrayNode items = Json.requiredArray(request, "TransactItems");
        if (items.isEmpty() || items.size() > MAX_TRANSACTION_ITEMS) {
            throw DynamoDbException.validation("1 validation error detected: Value at 'transactItems' failed to "
                    + "satisfy constraint: Member must have length between 1 and " + MAX_TRANSACTION_ITEMS);
        }
        return items;
    }

    private static DynamoDbException canceled(List<PlannedWrite> writes, List<JsonNode> operations) {
        ArrayNode reasons = Json.array();
        StringJoiner codes = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < writes.size(); i++) {
            PlannedWrite write = writes.get(i);
            ObjectNode reason = reasons.addObject();
            if (write.conditionMet()) {
                reason.put("Code", "None");
                codes.add("None");
            } else {
                reason.put("Code", "ConditionalCheckFailed").put("Message", "The conditional request failed");
                codes.add("ConditionalCheckFailed");
                if ("ALL_OLD"
                                .equals(Json.optionalText(
                                        operations.get(i), "ReturnValuesOnConditionCheckFailure", "NONE"))
                        && write.oldItem() != null) {
                    reason.set("Item", write.oldItem());
                }
            }
        }
        return DynamoDbException.transactionCanceled(
                "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes,
                Json.object().set("CancellationReasons", reasons));
    }
}
