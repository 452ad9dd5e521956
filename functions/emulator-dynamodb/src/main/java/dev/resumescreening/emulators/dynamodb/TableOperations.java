package dev.resumescreening.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** CreateTable, DescribeTable, ListTables, DeleteTable, UpdateTimeToLive and DescribeTimeToLive. */
final class TableOperations {

    private static final int MAX_LIST_TABLES = 100;

    private final Database database;

    TableOperations(Database database) {
        this.database = database;
    }

    ObjectNode createTable(JsonNode request) {
        TableDefinition definition = TableDefinition.parse(request);
        ObjectNode description =
                database.write(() -> database.createTable(definition).describe("ACTIVE"));
        return Json.object().set("TableDescription", description);
    }

    ObjectNode describeTable(JsonNode request) {
        String name = Json.requiredText(request, "TableName");
        ObjectNode description = database.read(() -> database.table(name).describe("ACTIVE"));
        return Json.object().set("Table", description);
    }

    ObjectNode deleteTable(JsonNode request) {
        String name = Json.requiredText(request, "TableName");
        ObjectNode description = database.write(() -> database.deleteTable(name).describe("DELETING"));
        return Json.object().set("TableDescription", description);
    }

    ObjectNode listTables(JsonNode request) {
        String exclusiveStart = Json.optionalText(request, "ExclusiveStartTableName", null);
        int limit = Json.optionalPositiveInt(request, "Limit");
        int pageSize = limit == 0 ? MAX_LIST_TABLES : Math.min(limit, MAX_LIST_TABLES);
        List<String> names = database.read(database::tableNames);
        ArrayNode page = Json.array();
        String last = null;
        boolean more = false;
        for (String name : names) {
            if (exclusiveStart != null && name.compareTo(exclusiveStart) <= 0) {
                continue;
            }
            if (page.size() == pageSize) {
                more = true;
                break;
            }
            page.add(name);
            last = name;
        }
        ObjectNode response = Json.object();
        response.set("TableNames", page);
        if (more) {
            response.put("LastEvaluatedTableName", last);
        }
        return response;
    }

    ObjectNode updateTimeToLive(JsonNode request) {
        String name = Json.requiredText(request, "TableName");
        ObjectNode specification = Json.requiredObject(request, "TimeToLiveSpecification");
        String attribute = Json.requiredText(specification, "AttributeName");
        boolean enabled = specification.path("Enabled").asBoolean(false);
        database.write(() -> {
            Table table = database.table(name);
            if (enabled == (table.timeToLiveAttribute() != null)) {
                throw DynamoDbException.validation(
                        enabled ? "TimeToLive is already enabled" : "TimeToLive is already disabled");
            }
            database.setTimeToLive(table, enabled ? attribute : null);
            return null;
        });
        return Json.object()
                .set(
                        "TimeToLiveSpecification",
                        Json.object().put("AttributeName", attribute).put("Enabled", enabled));
    }

    ObjectNode describeTimeToLive(JsonNode request) {
        String name = Json.requiredText(request, "TableName");
        String attribute = database.read(() -> database.table(name).timeToLiveAttribute());
        ObjectNode description = Json.object();
        if (attribute == null) {
            description.put("TimeToLiveStatus", "DISABLED");
        } else {
            description.put("TimeToLiveStatus", "ENABLED").put("AttributeName", attribute);
        }
        return Json.object().set("TimeToLiveDescription", description);
    }
}
