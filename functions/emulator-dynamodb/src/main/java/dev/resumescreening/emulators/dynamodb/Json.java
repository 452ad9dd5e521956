package dev.resumescreening.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Shared JSON mapper and small helpers for reading request members. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    static String requiredText(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw DynamoDbException.validation("1 validation error detected: Value null at '" + lowerFirst(field)
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value.asText();
    }

    static String optionalText(JsonNode request, String field, String defaultValue) {
        JsonNode value = request.get(field);
        return value == null || value.isNull() ? defaultValue : value.asText();
    }

    static ObjectNode requiredObject(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || !value.isObject()) {
            throw DynamoDbException.validation("1 validation error detected: Value null at '" + lowerFirst(field)
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return (ObjectNode) value;
    }

    static ArrayNode requiredArray(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || !value.isArray()) {
            throw DynamoDbException.validation("1 validation error detected: Value null at '" + lowerFirst(field)
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return (ArrayNode) value;
    }

    /** Returns the positive integer member, or 0 when absent. */
    static int optionalPositiveInt(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.canConvertToInt() || value.asInt() < 1) {
            throw DynamoDbException.validation(
                    "1 validation error detected: Value '" + value.asText() + "' at '" + lowerFirst(field)
                            + "' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        return value.asInt();
    }

    private static String lowerFirst(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
