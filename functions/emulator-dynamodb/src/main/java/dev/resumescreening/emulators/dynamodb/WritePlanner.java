package dev.resumescreening.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Evaluates Put, Update, Delete and ConditionCheck requests (of single-item operations, batches and
 * transactions) into {@link PlannedWrite}s. Callers hold the database write lock.
 */
final class WritePlanner {

    private static final ObjectNode NO_ITEM = Json.object();

    private final ExpressionCache expressions;

    WritePlanner(ExpressionCache expressions) {
        this.expressions = expressions;
    }

    PlannedWrite planPut(Table table, JsonNode request) {
        rejectLegacy(request, "Expected");
        ObjectNode item = AttributeValues.normalizeItem(request.get("Item"), "item");
        PrimaryKey key = table.keyOfItem(item);
        AttributeValues.checkItemSize(item);
        ObjectNode old = table.get(key);
        return new PlannedWrite(
                table, key, old, item, true, conditionMet(request, old, ExpressionContext.of(request)), Set.of());
    }

    PlannedWrite planDelete(Table table, JsonNode request) {
        rejectLegacy(request, "Expected");
        PrimaryKey key = keyOf(table, request);
        ObjectNode old = table.get(key);
        return new PlannedWrite(
                table, key, old, null, true, conditionMet(request, old, ExpressionContext.of(request)), Set.of());
    }

    PlannedWrite planConditionCheck(Table table, JsonNode request) {
        Json.requiredText(request, "ConditionExpression");
        PrimaryKey key = keyOf(table, request);
        ObjectNode old = table.get(key);
        return new PlannedWrite(
                table, key, old, null, false, conditionMet(request, old, ExpressionContext.of(request)), Set.of());
    }

    PlannedWrite planUpdate(Table table, JsonNode request) {
        rejectLegacy(request, "Expected");
        rejectLegacy(request, "AttributeUpdates");
        ObjectNode keyAttributes = AttributeValues.normalizeItem(request.get("Key"), "key");
        PrimaryKey key = table.keyOf(keyAttributes);
        ObjectNode old = table.get(key);
        ExpressionContext context = ExpressionContext.of(request);
        if (!conditionMet(request, old, context)) {
            return new PlannedWrite(table, key, old, null, true, false, Set.of());
        }
        ObjectNode updated = old != null ? old.deepCopy() : keyAttributes;
        Set<String> touched = Set.of();
        String updateExpression = Json.optionalText(request, "UpdateExpression", null);
        if (updateExpression != null) {
            touched = expressions
                    .update(updateExpression)
                    .apply(updated, old != null ? old : NO_ITEM, context, table.keyNames());
            table.keyOfItem(updated);
            AttributeValues.checkItemSize(updated);
        }
        return new PlannedWrite(table, key, old, updated, true, true, touched);
    }

    private PrimaryKey keyOf(Table table, JsonNode request) {
        return table.keyOf(AttributeValues.normalizeItem(request.get("Key"), "key"));
    }

    private boolean conditionMet(JsonNode request, ObjectNode item, ExpressionContext context) {
        String expression = Json.optionalText(request, "ConditionExpression", null);
        if (expression == null) {
            return true;
        }
        return expressions.condition(expression).test(item != null ? item : NO_ITEM, context);
    }

    private static void rejectLegacy(JsonNode request, String member) {
        JsonNode value = request.get(member);
        if (value != null && !value.isNull()) {
            throw DynamoDbException.validation(
                    "The legacy parameter " + member + " is not supported by this emulator; use expressions instead");
        }
    }
}
