package dev.resumescreening.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A global or local secondary index: its key schema and projection. */
record IndexDefinition(
        String name,
        boolean global,
        KeySchema key,
        String projectionType,
        List<String> nonKeyAttributes,
        JsonNode source) {

    static IndexDefinition parse(JsonNode index, boolean global, Map<String, String> attributeTypes) {
        String name = Json.requiredText(index, "IndexName");
        KeySchema key = KeySchema.parse(index.get("KeySchema"), attributeTypes, "index " + name);
        JsonNode projection = index.get("Projection");
        String projectionType = projection == null ? "ALL" : Json.optionalText(projection, "ProjectionType", "ALL");
        if (!List.of("ALL", "KEYS_ONLY", "INCLUDE").contains(projectionType)) {
            throw DynamoDbException.validation("Unknown ProjectionType: " + projectionType);
        }
        List<String> nonKeyAttributes = new ArrayList<>();
        if (projection != null && projection.has("NonKeyAttributes")) {
            projection.get("NonKeyAttributes").forEach(a -> nonKeyAttributes.add(a.asText()));
        }
        return new IndexDefinition(name, global, key, projectionType, List.copyOf(nonKeyAttributes), index);
    }
}
