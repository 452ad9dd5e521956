package dev.resumescreening.emulators.dynamodb;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/** HTTP entry point: routes {@code X-Amz-Target: DynamoDB_20120810.<Operation>} to the operation classes. */
final class RequestDispatcher implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(RequestDispatcher.class.getName());
    private static final String TARGET_PREFIX = "DynamoDB_20120810.";
    private static final String ERROR_TYPE_PREFIX = "com.amazonaws.dynamodb.v20120810#";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";

    private final Map<String, Function<JsonNode, ObjectNode>> operations = new HashMap<>();

    RequestDispatcher(Database database) {
        ExpressionCache expressions = new ExpressionCache();
        WritePlanner planner = new WritePlanner(expressions);
        TableOperations tables = new TableOperations(database);
        ItemOperations items = new ItemOperations(database, expressions, planner);
        QueryOperations queries = new QueryOperations(database, expressions);
        TransactionOperations transactions = new TransactionOperations(database, expressions, planner);
        operations.put("CreateTable", tables::createTable);
        operations.put("DescribeTable", tables::describeTable);
        operations.put("ListTables", tables::listTables);
        operations.put("DeleteTable", tables::deleteTable);
        operations.put("UpdateTimeToLive", tables::updateTimeToLive);
        operations.put("DescribeTimeToLive", tables::describeTimeToLive);
        operations.put("PutItem", items::putItem);
        operations.put("GetItem", items::getItem);
        operations.put("DeleteItem", items::deleteItem);
        operations.put("UpdateItem", items::updateItem);
        operations.put("BatchGetItem", items::batchGetItem);
        operations.put("BatchWriteItem", items::batchWriteItem);
        operations.put("Query", queries::query);
        operations.put("Scan", queries::scan);
        operations.put("TransactWriteItems", transactions::transactWriteItems);
        operations.put("TransactGetItems", transactions::transactGetItems);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] requestBody;
            try (InputStream in = exchange.getRequestBody()) {
                requestBody = in.readAllBytes();
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 200, "text/plain", "healthy: dynamodb emulator".getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] responseBody;
            int status = 200;
            try {
                responseBody = Json.MAPPER.writeValueAsBytes(
                        dispatch(exchange.getRequestHeaders().getFirst("X-Amz-Target"), requestBody));
            } catch (DynamoDbException e) {
                status = e.status();
                responseBody = errorBody(e);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Internal error in DynamoDB emulator", e);
                DynamoDbException internal = DynamoDbException.internal(String.valueOf(e));
                status = internal.status();
                responseBody = errorBody(internal);
            }
            send(exchange, status, CONTENT_TYPE, responseBody);
        }
    }

    private ObjectNode dispatch(String target, byte[] body) {
        if (target == null || !target.startsWith(TARGET_PREFIX)) {
            throw DynamoDbException.unknownOperation(String.valueOf(target));
        }
        Function<JsonNode, ObjectNode> operation = operations.get(target.substring(TARGET_PREFIX.length()));
        if (operation == null) {
            throw DynamoDbException.unknownOperation(target);
        }
        JsonNode request;
        try {
            request = body.length == 0 ? Json.object() : Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw DynamoDbException.serialization("Malformed request body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw DynamoDbException.serialization("Unreadable request body: " + e.getMessage());
        }
        if (request == null || !request.isObject()) {
            throw DynamoDbException.serialization("The request body must be a JSON object");
        }
        return operation.apply(request);
    }

    private static byte[] errorBody(DynamoDbException e) {
        ObjectNode body = Json.object();
        body.put("__type", ERROR_TYPE_PREFIX + e.type());
        body.put("message", e.getMessage());
        if (e.extraFields() != null) {
            body.setAll(e.extraFields());
        }
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
