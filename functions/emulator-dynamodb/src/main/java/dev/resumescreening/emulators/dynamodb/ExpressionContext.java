package dev.resumescreening.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The ExpressionAttributeNames and (normalized) ExpressionAttributeValues of one request. */
final class ExpressionContext {

    private static final ExpressionContext EMPTY = new ExpressionContext(null, Json.object());

    private final JsonNode names;
    private final ObjectNode values;

    private ExpressionContext(JsonNode names, ObjectNode values) {
        this.names = names;
        this.values = values;
    }

    static ExpressionContext of(JsonNode request) {
        JsonNode names = request.get("ExpressionAttributeNames");
        JsonNode values = request.get("ExpressionAttributeValues");
        if ((names == null || names.isNull()) && (values == null || values.isNull())) {
            return EMPTY;
        }
        ObjectNode normalized = values == null || values.isNull()
                ? Json.object()
                : AttributeValues.normalizeItem(values, "expressionAttributeValues");
        return new ExpressionContext(names, normalized);
    }

    /** Resolves a path element name, substituting {@code #placeholder}s. */
    String name(String token) {
        if (token.charAt(0) != '#') {
            return token;
        }
        JsonNode name = names == null ? null : names.get(token);
        if (name == null || !name.isTextual()) {
            throw DynamoDbException.validation(
                    "Value provided in ExpressionAttributeNames unused in expressions or undefined; "
                            + "An expression attribute name used in the document path is not defined; attribute name: "
                            + token);
        }
        return name.asText();
    }

    JsonNode value(String placeholder) {
        JsonNode value = values.get(placeholder);
        if (value == null) {
            throw DynamoDbException.validation(
                    "An expression attribute value used in expression is not defined; attribute value: " + placeholder);
        }
        return value;
    }
}
