package dev.resumescreening.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

/** A table's schema, parsed from (and persisted as) its CreateTable request. */
final class TableDefinition {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
    private static final String ARN_PREFIX = "arn:aws:dynamodb:us-east-1:000000000000:table/";

    private final String name;
    private final KeySchema key;
    private final List<IndexDefinition> indexes;
    private final ObjectNode request;

    private TableDefinition(String name, KeySchema key, List<IndexDefinition> indexes, ObjectNode request) {
        this.name = name;
        this.key = key;
        this.indexes = indexes;
        this.request = request;
    }

    /** Validates a CreateTable request (or a persisted definition) and records its creation time. */
    static TableDefinition parse(JsonNode createTableRequest) {
        ObjectNode request = createTableRequest.deepCopy();
        String name = Json.requiredText(request, "TableName");
        if (!TABLE_NAME.matcher(name).matches()) {
            throw DynamoDbException.validation(
                    "1 validation error detected: Value '" + name
                            + "' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        Map<String, String> attributeTypes = new HashMap<>();
        for (JsonNode definition : Json.requiredArray(request, "AttributeDefinitions")) {
            String type = Json.requiredText(definition, "AttributeType");
            if (!Set.of("S", "N", "B").contains(type)) {
                throw DynamoDbException.validation("Invalid AttributeType: " + type);
            }
            attributeTypes.put(Json.requiredText(definition, "AttributeName"), type);
        }
        KeySchema key = KeySchema.parse(request.get("KeySchema"), attributeTypes, "table " + name);
        List<IndexDefinition> indexes = new ArrayList<>();
        Set<String> indexNames = new HashSet<>();
        for (String member : List.of("GlobalSecondaryIndexes", "LocalSecondaryIndexes")) {
            JsonNode list = request.get(member);
            if (list == null || list.isNull()) {
                continue;
            }
            for (JsonNode index : list) {
                IndexDefinition parsed = IndexDefinition.parse(index, member.startsWith("Global"), attributeTypes);
                if (!indexNames.add(parsed.name())) {
                    throw DynamoDbException.validation(
                            "One or more parameter values were invalid: Duplicate index name: " + parsed.name());
                }
                if (!parsed.global() && !parsed.key().hashName().equals(key.hashName())) {
                    throw DynamoDbException.validation(
                            "One or more parameter values were invalid: "
                                    + "Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
                }
                indexes.add(parsed);
            }
        }
        if (!request.has("CreationDateTime")) {
            request.put("CreationDateTime", System.currentTimeMillis() / 1000.0);
        }
        return new TableDefinition(name, key, List.copyOf(indexes), request);
    }

    String name() {
        return name;
    }

    KeySchema key() {
        return key;
    }

    List<IndexDefinition> indexes() {
        return indexes;
    }

    /** The persisted form: the CreateTable request including its creation time. */
    ObjectNode toJson() {
        return request;
    }

    String arn() {
        return ARN_PREFIX + name;
    }

    /** A TableDescription as returned by CreateTable, DescribeTable and DeleteTable. */
    ObjectNode describe(String status, long itemCount, ToLongFunction<String> indexItemCount) {
        ObjectNode description = Json.object();
        description.set("AttributeDefinitions", request.get("AttributeDefinitions"));
        description.put("TableName", name);
        description.set("KeySchema", request.get("KeySchema"));
        description.put("TableStatus", status);
        description.set("CreationDateTime", request.get("CreationDateTime"));
        description.set("ProvisionedThroughput", throughput(request.get("ProvisionedThroughput")));
        description.put("TableSizeBytes", 0);
        description.put("ItemCount", itemCount);
        description.put("TableArn", arn());
        description.put(
                "TableId",
                UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
        String billingMode = Json.optionalText(request, "BillingMode", "PROVISIONED");
        description.set("BillingModeSummary", Json.object().put("BillingMode", billingMode));
        ArrayNode globals = Json.array();
        ArrayNode locals = Json.array();
        for (IndexDefinition index : indexes) {
            ObjectNode indexDescription = Json.object();
            indexDescription.put("IndexName", index.name());
            indexDescription.set("KeySchema", index.source().get("KeySchema"));
            ObjectNode projection = Json.object().put("ProjectionType", index.projectionType());
            if (!index.nonKeyAttributes().isEmpty()) {
                ArrayNode nonKey = projection.putArray("NonKeyAttributes");
                index.nonKeyAttributes().forEach(nonKey::add);
            }
            indexDescription.set("Projection", projection);
            indexDescription.put("IndexSizeBytes", 0);
            indexDescription.put("ItemCount", indexItemCount.applyAsLong(index.name()));
            indexDescription.put("IndexArn", arn() + "/index/" + index.name());
            if (index.global()) {
                indexDescription.put("IndexStatus", "ACTIVE");
                indexDescription.set(
                        "ProvisionedThroughput", throughput(index.source().get("ProvisionedThroughput")));
                globals.add(indexDescription);
            } else {
                locals.add(indexDescription);
            }
        }
        if (!globals.isEmpty()) {
            description.set("GlobalSecondaryIndexes", globals);
        }
        if (!locals.isEmpty()) {
            description.set("LocalSecondaryIndexes", locals);
        }
        return description;
    }

    private static ObjectNode throughput(JsonNode requested) {
        ObjectNode throughput = Json.object().put("NumberOfDecreasesToday", 0);
        throughput.put(
                "ReadCapacityUnits",
                requested == null ? 0 : requested.path("ReadCapacityUnits").asLong());
        throughput.put(
                "WriteCapacityUnits",
                requested == null ? 0 : requested.path("WriteCapacityUnits").asLong());
        return throughput;
    }
}
