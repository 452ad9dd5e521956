package dev.resumescreening.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/** A value-producing expression node; {@link #evaluate} returns null for a missing attribute. */
interface Operand {

    JsonNode evaluate(ObjectNode item, ExpressionContext context);

    /** An {@code :placeholder} from ExpressionAttributeValues. */
    record ValueRef(String placeholder) implements Operand {
        @Override
        public JsonNode evaluate(ObjectNode item, ExpressionContext context) {
            return context.value(placeholder);
        }
    }

    /** {@code size(path)}: string/binary length, number of set, list or map elements. */
    record Size(DocumentPath path) implements Operand {
        @Override
        public JsonNode evaluate(ObjectNode item, ExpressionContext context) {
            JsonNode value = path.evaluate(item, context);
            if (value == null) {
                return null;
            }
            String type = AttributeValues.typeOf(value);
            JsonNode content = value.get(type);
            long size = switch (type) {
                case "S" -> content.asText().codePointCount(0, content.asText().length());
                case "B" ->
                    content.asText().length() * 3L / 4
                            - (content.asText().endsWith("==")
                                    ? 2
                                    : content.asText().endsWith("=") ? 1 : 0);
                case "M", "L", "SS", "NS", "BS" -> content.size();
                default -> -1;
            };
            return size < 0 ? null : AttributeValues.number(BigDecimal.valueOf(size));
        }
    }

    /** {@code a + b} or {@code a - b} on numbers (update expressions only). */
    record Arithmetic(Operand left, boolean add, Operand right) implements Operand {
        @Override
        public JsonNode evaluate(ObjectNode item, ExpressionContext context) {
            BigDecimal a = numberOf(left.evaluate(item, context));
            BigDecimal b = numberOf(right.evaluate(item, context));
            return AttributeValues.number(add ? a.add(b) : a.subtract(b));
        }

        private static BigDecimal numberOf(JsonNode value) {
            if (value == null) {
                throw missingOperand();
            }
            if (!AttributeValues.isType(value, "N")) {
                throw DynamoDbException.validation("An operand in the update expression has an incorrect data type");
            }
            return new BigDecimal(value.get("N").asText());
        }
    }

    /** {@code if_not_exists(path, fallback)} (update expressions only). */
    record IfNotExists(DocumentPath path, Operand fallback) implements Operand {
        @Override
        public JsonNode evaluate(ObjectNode item, ExpressionContext context) {
            JsonNode existing = path.evaluate(item, context);
            return existing != null ? existing : fallback.evaluate(item, context);
        }
    }

    /** {@code list_append(a, b)} (update expressions only). */
    record ListAppend(Operand first, Operand second) implements Operand {
        @Override
        public JsonNode evaluate(ObjectNode item, ExpressionContext context) {
            JsonNode a = first.evaluate(item, context);
            JsonNode b = second.evaluate(item, context);
            if (a == null || b == null) {
                throw missingOperand();
            }
            if (!AttributeValues.isType(a, "L") || !AttributeValues.isType(b, "L")) {
                throw DynamoDbException.validation(
                        "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append");
            }
            ArrayNode joined = Json.array();
            joined.addAll((ArrayNode) a.get("L"));
            joined.addAll((ArrayNode) b.get("L"));
            return Json.object().set("L", joined);
        }
    }

    private static DynamoDbException missingOperand() {
        return DynamoDbException.validation(
                "The provided expression refers to an attribute that does not exist in the item");
    }
}
