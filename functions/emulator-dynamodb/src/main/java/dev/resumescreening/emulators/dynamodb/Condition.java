package dev.resumescreening.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/** A boolean expression node of a condition, filter or key condition expression. */
interface Condition {

    boolean test(ObjectNode item, ExpressionContext context);

    /** {@code left <op> right} with op one of = <> < <= > >=. */
    record Comparison(String operator, Operand left, Operand right) implements Condition {
        @Override
        public boolean test(ObjectNode item, ExpressionContext context) {
            JsonNode a = left.evaluate(item, context);
            JsonNode b = right.evaluate(item, context);
            switch (operator) {
                case "=":
                    return AttributeValues.equal(a, b);
                case "<>":
                    return !AttributeValues.equal(a, b);
                default:
                    if (!AttributeValues.orderable(a, b)) {
                        return false;
                    }
                    int c = AttributeValues.compare(a, b);
                    return switch (operator) {
                        case "<" -> c < 0;
                        case "<=" -> c <= 0;
                        case ">" -> c > 0;
                        default -> c >= 0;
                    };
            }
        }
    }

    /** {@code value BETWEEN lower AND upper} (inclusive). */
    record Between(Operand value, Operand lower, Operand upper) implements Condition {
        @Override
        public boolean test(ObjectNode item, ExpressionContext context) {
            JsonNode v = value.evaluate(item, context);
            JsonNode lo = lower.evaluate(item, context);
            JsonNode hi = upper.evaluate(item, context);
            return AttributeValues.orderable(v, lo)
                    && AttributeValues.orderable(v, hi)
                    && AttributeValues.compare(v, lo) >= 0
                    && AttributeValues.compare(v, hi) <= 0;
        }
    }

    /** {@code value IN (a, b, ...)}. */
    record In(Operand value, List<Operand> candidates) implements Condition {
        @Override
        public boolean test(ObjectNode item, ExpressionContext context) {
            JsonNode v = value.evaluate(item, context);
            for (Operand candidate : candidates) {
                if (AttributeValues.equal(v, candidate.evaluate(item, context))) {
                    return true;
                }
            }
            return false;
        }
    }

    record And(Condition left, Condition right) implements Condition {
        @Override
        public boolean test(ObjectNode item, ExpressionContext context) {
            return left.test(item, context) && right.test(item, context);
        }
    }

    record Or(Condition left, Condition right) implements Condition {
        @Override
        public boolean test(ObjectNode item, ExpressionContext context) {
            return left.test(item, context) || right.test(item, context);
        }
    }

    record Not(Condition operand) implements Condition {
        @Override
        public boolean test(ObjectNode item, ExpressionContext context) {
            return !operand.test(item, context);
        }
    }

    /** attribute_exists, attribute_not_exists, attribute_type, begins_with and contains. */
    record Function(String name, DocumentPath path, Operand argument) implements Condition {

        static final Set<String> NAMES =
                Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");

        @Override
        public boolean test(ObjectNode item, ExpressionContext context) {
            JsonNode value = path.evaluate(item, context);
            switch (name) {
                case "attribute_exists":
                    return value != null;
                case "attribute_not_exists":
                    return value == null;
                case "attribute_type": {
                    JsonNode type = argument.evaluate(item, context);
                    return value != null
                            && AttributeValues.isType(type, "S")
                            && value.has(type.get("S").asText());
                }
                case "begins_with": {
                    JsonNode prefix = argument.evaluate(item, context);
                    return value != null
                            && prefix != null
                            && (AttributeValues.isType(value, "S") || AttributeValues.isType(value, "B"))
                            && KeyValue.of(value).startsWith(KeyValue.of(prefix));
                }
                default:
                    return contains(value, argument.evaluate(item, context));
            }
        }

        private static boolean contains(JsonNode container, JsonNode element) {
            if (container == null || element == null) {
                return false;
            }
            String type = AttributeValues.typeOf(container);
            JsonNode content = container.get(type);
            switch (type) {
                case "S":
                    return AttributeValues.isType(element, "S")
                            && content.asText().contains(element.get("S").asText());
                case "SS":
                case "NS":
                case "BS": {
                    String elementType = type.substring(0, 1);
                    if (!AttributeValues.isType(element, elementType)) {
                        return false;
                    }
                    String text = element.get(elementType).asText();
                    for (JsonNode member : content) {
                        if (member.asText().equals(text)) {
                            return true;
                        }
                    }
                    return false;
                }
                case "L":
                    for (JsonNode member : content) {
                        if (AttributeValues.equal(member, element)) {
                            return true;
                        }
                    }
                    return false;
                default:
                    return false;
            }
        }
    }
}
