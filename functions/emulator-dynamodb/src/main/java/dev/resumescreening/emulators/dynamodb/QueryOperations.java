package dev.resumescreening.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;

/** Query and Scan: key selection, Limit, pagination, filter (after Limit), projection and COUNT. */
final class QueryOperations {

    /** Like DynamoDB, a page stops once about 1 MB of items has been read. */
    private static final long MAX_PAGE_BYTES = 1024 * 1024;

    private static final int MAX_TOTAL_SEGMENTS = 1_000_000;

    private final Database database;
    private final ExpressionCache expressions;

    QueryOperations(Database database, ExpressionCache expressions) {
        this.database = database;
        this.expressions = expressions;
    }

    ObjectNode query(JsonNode request) {
        rejectLegacy(request, "KeyConditions", "QueryFilter", "AttributesToGet", "ScanFilter");
        Condition keyCondition = expressions.condition(Json.requiredText(request, "KeyConditionExpression"));
        ReadRequest read = ReadRequest.of(request, expressions);
        boolean forward = request.path("ScanIndexForward").asBoolean(true);
        return database.read(() -> {
            ItemIndex index =
                    database.table(Json.requiredText(request, "TableName")).index(read.indexName());
            KeyCondition key = KeyCondition.analyze(keyCondition, index.key(), read.context());
            KeyRange range = key.range();
            if (read.exclusiveStartKey() != null) {
                range = range.after(index.positionOf(read.exclusiveStartKey()).sortKey(), forward);
            }
            return page(index.query(key.hash(), range, forward), index, read);
        });
    }

    ObjectNode scan(JsonNode request) {
        rejectLegacy(request, "ScanFilter", "AttributesToGet", "ConditionalOperator");
        ReadRequest read = ReadRequest.of(request, expressions);
        JsonNode segmentNode = request.get("Segment");
        JsonNode totalNode = request.get("TotalSegments");
        int segment = 0;
        int totalSegments = 1;
        if (segmentNode != null || totalNode != null) {
            if (segmentNode == null || totalNode == null) {
                throw DynamoDbException.validation(
                        "The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
            }
            segment = segmentNode.asInt(-1);
            totalSegments = totalNode.asInt(0);
            if (totalSegments < 1 || totalSegments > MAX_TOTAL_SEGMENTS || segment < 0 || segment >= totalSegments) {
                throw DynamoDbException.validation("The Segment parameter must be less than TotalSegments");
            }
        }
        int selectedSegment = segment;
        int segments = totalSegments;
        return database.read(() -> {
            ItemIndex index =
                    database.table(Json.requiredText(request, "TableName")).index(read.indexName());
            ItemIndex.Position start =
                    read.exclusiveStartKey() == null ? null : index.positionOf(read.exclusiveStartKey());
            return page(index.scan(selectedSegment, segments, start), index, read);
        });
    }

    private static ObjectNode page(Iterator<ObjectNode> items, ItemIndex index, ReadRequest read) {
        ArrayNode results = Json.array();
        int scanned = 0;
        int count = 0;
        long bytes = 0;
        ObjectNode last = null;
        while (items.hasNext() && (read.limit() == 0 || scanned < read.limit()) && bytes < MAX_PAGE_BYTES) {
            ObjectNode item = index.project(items.next());
            scanned++;
            bytes += AttributeValues.itemSize(item);
            last = item;
            if (read.filter() == null || read.filter().test(item, read.context())) {
                count++;
                if (!read.countOnly()) {
                    results.add(Projector.apply(read.projector(), item));
                }
            }
        }
        ObjectNode response = Json.object();
        if (!read.countOnly()) {
            response.set("Items", results);
        }
        response.put("Count", count);
        response.put("ScannedCount", scanned);
        if (last != null && items.hasNext()) {
            response.set("LastEvaluatedKey", index.keyAttributes(last));
        }
        return response;
    }

    private static void rejectLegacy(JsonNode request, String... members) {
        for (String member : List.of(members)) {
            if (request.hasNonNull(member)) {
                throw DynamoDbException.validation("The legacy parameter " + member
                        + " is not supported by this emulator; use expressions instead");
            }
        }
    }

    /** The parameters shared by Query and Scan. */
    private record ReadRequest(
            String indexName,
            ExpressionContext context,
            Condition filter,
            Projector projector,
            int limit,
            boolean countOnly,
            ObjectNode exclusiveStartKey) {

        static ReadRequest of(JsonNode request, ExpressionCache expressions) {
            ExpressionContext context = ExpressionContext.of(request);
            String filter = Json.optionalText(request, "FilterExpression", null);
            String select = Json.optionalText(request, "Select", "ALL_ATTRIBUTES");
            if (!List.of("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT")
                    .contains(select)) {
                throw DynamoDbException.validation("Unknown Select value: " + select);
            }
            JsonNode startKey = request.get("ExclusiveStartKey");
            return new ReadRequest(
                    Json.optionalText(request, "IndexName", null),
                    context,
                    filter == null ? null : expressions.condition(filter),
                    Projector.of(request, expressions, context),
                    Json.optionalPositiveInt(request, "Limit"),
                    select.equals("COUNT"),
                    startKey == null || startKey.isNull() ? null : Json.requiredObject(request, "ExclusiveStartKey"));
        }
    }
}
