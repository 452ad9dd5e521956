package dev.resumescreening.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A parsed update expression: SET, REMOVE, ADD and DELETE actions. */
record UpdateExpression(
        List<SetAction> sets, List<DocumentPath> removes, List<ValueAction> adds, List<ValueAction> deletes) {

    private static final Set<String> ADDABLE_TYPES = Set.of("N", "SS", "NS", "BS");
    private static final Set<String> SET_TYPES = Set.of("SS", "NS", "BS");

    record SetAction(DocumentPath path, Operand value) {}

    /** An ADD or DELETE action: a path and a value placeholder. */
    record ValueAction(DocumentPath path, Operand value) {}

    /**
     * Applies the actions to {@code target} (a mutable copy of {@code original}, or the bare key when the item is
     * new). Operands are evaluated against the original item, as DynamoDB does.
     *
     * @return the top-level attribute names touched by the update
     */
    Set<String> apply(ObjectNode target, ObjectNode original, ExpressionContext context, Set<String> keyNames) {
        Set<String> touched = new LinkedHashSet<>();
        List<DocumentPath> allPaths = new ArrayList<>();
        sets.forEach(a -> allPaths.add(a.path()));
        allPaths.addAll(removes);
        adds.forEach(a -> allPaths.add(a.path()));
        deletes.forEach(a -> allPaths.add(a.path()));
        for (DocumentPath path : allPaths) {
            String name = path.topLevelName(context);
            if (keyNames.contains(name)) {
                throw DynamoDbException.validation("One or more parameter values were invalid: Cannot update attribute "
                        + name + ". This attribute is part of the key");
            }
            touched.add(name);
        }

        List<JsonNode> setValues = new ArrayList<>(sets.size());
        for (SetAction action : sets) {
            JsonNode value = action.value().evaluate(original, context);
            if (value == null) {
                throw DynamoDbException.validation(
                        "The provided expression refers to an attribute that does not exist in the item");
            }
            setValues.add(value.deepCopy());
        }
        for (int i = 0; i < sets.size(); i++) {
            sets.get(i).path().set(target, setValues.get(i), context);
        }

        List<DocumentPath> orderedRemoves = new ArrayList<>(removes);
        orderedRemoves.sort(Comparator.comparingInt(DocumentPath::lastIndex).reversed());
        for (DocumentPath path : orderedRemoves) {
            path.remove(target, context);
        }

        for (ValueAction action : adds) {
            add(target, action, context);
        }
        for (ValueAction action : deletes) {
            delete(target, action, context);
        }
        return touched;
    }

    private static void add(ObjectNode target, ValueAction action, ExpressionContext context) {
        JsonNode value = action.value().evaluate(target, context);
        String type = AttributeValues.typeOf(value);
        if (!ADDABLE_TYPES.contains(type)) {
            throw DynamoDbException.validation(
                    "Invalid UpdateExpression: Incorrect operand type for operator or function; "
                            + "operator: ADD, operand type: " + typeName(type));
        }
        JsonNode existing = action.path().evaluate(target, context);
        if (existing == null) {
            action.path().set(target, value.deepCopy(), context);
            return;
        }
        if (!existing.has(type)) {
            throw DynamoDbException.validation("An operand in the update expression has an incorrect data type");
        }
        if (type.equals("N")) {
            BigDecimal sum = new BigDecimal(existing.get("N").asText())
                    .add(new BigDecimal(value.get("N").asText()));
            action.path().set(target, AttributeValues.number(sum), context);
            return;
        }
        Set<String> union = new LinkedHashSet<>();
        existing.get(type).forEach(e -> union.add(e.asText()));
        value.get(type).forEach(e -> union.add(e.asText()));
        action.path().set(target, setOf(type, union), context);
    }

    private static void delete(ObjectNode target, ValueAction action, ExpressionContext context) {
        JsonNode value = action.value().evaluate(target, context);
        String type = AttributeValues.typeOf(value);
        if (!SET_TYPES.contains(type)) {
            throw DynamoDbException.validation(
                    "Invalid UpdateExpression: Incorrect operand type for operator or function; "
                            + "operator: DELETE, operand type: " + typeName(type));
        }
        JsonNode existing = action.path().evaluate(target, context);
        if (existing == null) {
            return;
        }
        if (!existing.has(type)) {
            throw DynamoDbException.validation("An operand in the update expression has an incorrect data type");
        }
        Set<String> remaining = new LinkedHashSet<>();
        existing.get(type).forEach(e -> remaining.add(e.asText()));
        value.get(type).forEach(e -> remaining.remove(e.asText()));
        if (remaining.isEmpty()) {
            action.path().remove(target, context);
        } else {
            action.path().set(target, setOf(type, remaining), context);
        }
    }

    private static ObjectNode setOf(String type, Set<String> elements) {
        ArrayNode array = Json.array();
        elements.forEach(array::add);
        return Json.object().set(type, array);
    }

    private static String typeName(String type) {
        return switch (type) {
            case "S" -> "STRING";
            case "B" -> "BINARY";
            case "BOOL" -> "BOOLEAN";
            case "L" -> "LIST";
            case "M" -> "MAP";
            default -> type;
        };
    }
}
