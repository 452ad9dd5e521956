package dev.resumescreening.emulators.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An error reported to the client as a DynamoDB error response (HTTP 400 unless internal). */
final class DynamoDbException extends RuntimeException {

    private final String type;
    private final int status;
    private final transient ObjectNode extraFields;

    DynamoDbException(String type, String message, int status, ObjectNode extraFields) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
        this.extraFields = extraFields;
    }

    static DynamoDbException validation(String message) {
        return new DynamoDbException("ValidationException", message, 400, null);
    }

    static DynamoDbException resourceNotFound(String message) {
        return new DynamoDbException("ResourceNotFoundException", message, 400, null);
    }

    static DynamoDbException resourceInUse(String message) {
        return new DynamoDbException("ResourceInUseException", message, 400, null);
    }

    static DynamoDbException unknownOperation(String operation) {
        return new DynamoDbException("UnknownOperationException", "Unsupported operation: " + operation, 400, null);
    }

    static DynamoDbException conditionalCheckFailed(ObjectNode extraFields) {
        return new DynamoDbException(
                "ConditionalCheckFailedException", "The conditional request failed", 400, extraFields);
    }

    static DynamoDbException transactionCanceled(String message, ObjectNode extraFields) {
        return new DynamoDbException("TransactionCanceledException", message, 400, extraFields);
    }

    static DynamoDbException serialization(String message) {
        return new DynamoDbException("SerializationException", message, 400, null);
    }

    static DynamoDbException internal(String message) {
        return new DynamoDbException("InternalServerError", message, 500, null);
    }

    String type() {
        return type;
    }

    int status() {
        return status;
    }

    /** Additional members of the error body (for example {@code CancellationReasons}), or null. */
    ObjectNode extraFields() {
        return extraFields;
    }
}
