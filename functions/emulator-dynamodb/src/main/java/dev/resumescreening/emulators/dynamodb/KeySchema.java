package dev.resumescreening.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Hash (partition) and optional range (sort) key attribute names and their scalar types. */
record KeySchema(String hashName, String hashType, String rangeName, String rangeType) {

    static KeySchema parse(JsonNode keySchema, Map<String, String> attributeTypes, String owner) {
        if (keySchema == null || !keySchema.isArray() || keySchema.isEmpty() || keySchema.size() > 2) {
            throw DynamoDbException.validation("1 validation error detected: Value at 'keySchema' of " + owner
                    + " failed to satisfy constraint: Member must have length between 1 and 2");
        }
        String hash = null;
        String range = null;
        for (JsonNode element : keySchema) {
            String name = Json.requiredText(element, "AttributeName");
            String keyType = Json.requiredText(element, "KeyType");
            if (keyType.equals("HASH") && hash == null) {
                hash = name;
            } else if (keyType.equals("RANGE") && range == null) {
                range = name;
            } else {
                throw DynamoDbException.validation("Invalid KeySchema of " + owner
                        + ": exactly one HASH key and at most one RANGE key are allowed");
            }
        }
        if (hash == null) {
            throw DynamoDbException.validation("Invalid KeySchema of " + owner + ": no HASH key");
        }
        return new KeySchema(
                hash, typeOf(hash, attributeTypes), range, range == null ? null : typeOf(range, attributeTypes));
    }

    private static String typeOf(String attribute, Map<String, String> attributeTypes) {
        String type = attributeTypes.get(attribute);
        if (type == null) {
            throw DynamoDbException.validation("One or more parameter values were invalid: "
                    + "Some index key attributes are not defined in AttributeDefinitions. Keys: [" + attribute + "]");
        }
        return type;
    }

    boolean hasRange() {
        return rangeName != null;
    }

    boolean contains(String attribute) {
        return attribute.equals(hashName) || attribute.equals(rangeName);
    }
}
