package dev.resumescreening.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A KeyConditionExpression reduced to what Query needs: the partition value and the range of sort keys.
 * Accepts {@code hash = :v} optionally AND-ed with one condition on the range key
 * (= &lt; &lt;= &gt; &gt;= BETWEEN begins_with).
 */
record KeyCondition(KeyValue hash, KeyRange range) {

    static KeyCondition analyze(Condition condition, KeySchema key, ExpressionContext context) {
        List<Condition> parts = new ArrayList<>();
        flatten(condition, parts);
        KeyValue hash = null;
        KeyRange range = KeyRange.ALL;
        boolean rangeSeen = false;
        for (Condition part : parts) {
            Term term = Term.of(part, context);
            if (term.attribute().equals(key.hashName()) && hash == null) {
                if (!term.operator().equals("=")) {
                    throw DynamoDbException.validation("Query key condition not supported");
                }
                hash = keyValue(term.value(), key.hashType());
            } else if (term.attribute().equals(key.rangeName()) && !rangeSeen) {
                rangeSeen = true;
                KeyValue upper = term.upperValue() == null ? null : keyValue(term.upperValue(), key.rangeType());
                range = KeyRange.forCondition(term.operator(), keyValue(term.value(), key.rangeType()), upper);
            } else if (key.contains(term.attribute())) {
                throw DynamoDbException.validation("KeyConditionExpressions must only contain one condition per key");
            } else {
                throw DynamoDbException.validation("Query condition missed key schema element: " + key.hashName());
            }
        }
        if (hash == null) {
            throw DynamoDbException.validation("Query condition missed key schema element: " + key.hashName());
        }
        return new KeyCondition(hash, range);
    }

    private static void flatten(Condition condition, List<Condition> parts) {
        if (condition instanceof Condition.And and) {
            flatten(and.left(), parts);
            flatten(and.right(), parts);
        } else if (condition instanceof Condition.Or
                || condition instanceof Condition.Not
                || condition instanceof Condition.In) {
            throw DynamoDbException.validation("Invalid operator used in KeyConditionExpression: "
                    + condition.getClass().getSimpleName().toUpperCase());
        } else {
            parts.add(condition);
        }
    }

    private static KeyValue keyValue(JsonNode value, String type) {
        if (!value.has(type)) {
            throw DynamoDbException.validation(
                    "One or more parameter values were invalid: Condition parameter type does not match schema type");
        }
        return KeyValue.of(value);
    }

    /** One key condition: attribute, operator and value(s). */
    private record Term(String attribute, String operator, JsonNode value, JsonNode upperValue) {

        static Term of(Condition condition, ExpressionContext context) {
            if (condition instanceof Condition.Comparison comparison
                    && !comparison.operator().equals("<>")) {
                if (comparison.left() instanceof DocumentPath path
                        && comparison.right() instanceof Operand.ValueRef value) {
                    return new Term(
                            attribute(path, context), comparison.operator(), value.evaluate(null, context), null);
                }
                if (comparison.right() instanceof DocumentPath path
                        && comparison.left() instanceof Operand.ValueRef value) {
                    return new Term(
                            attribute(path, context), flip(comparison.operator()), value.evaluate(null, context), null);
                }
            } else if (condition instanceof Condition.Between between
                    && between.value() instanceof DocumentPath path
                    && between.lower() instanceof Operand.ValueRef lower
                    && between.upper() instanceof Operand.ValueRef upper) {
                return new Term(
                        attribute(path, context),
                        "BETWEEN",
                        lower.evaluate(null, context),
                        upper.evaluate(null, context));
            } else if (condition instanceof Condition.Function function
                    && function.name().equals("begins_with")
                    && function.argument() instanceof Operand.ValueRef prefix) {
                return new Term(
                        attribute(function.path(), context), "begins_with", prefix.evaluate(null, context), null);
            }
            throw DynamoDbException.validation("Invalid KeyConditionExpression: unsupported key condition");
        }

        private static String attribute(DocumentPath path, ExpressionContext context) {
            if (!path.isTopLevel()) {
                throw DynamoDbException.validation(
                        "Invalid KeyConditionExpression: nested attributes are not key attributes");
            }
            return path.topLevelName(context);
        }

        private static String flip(String operator) {
            return switch (operator) {
                case "<" -> ">";
                case "<=" -> ">=";
                case ">" -> "<";
                case ">=" -> "<=";
                default -> operator;
            };
        }
    }
}
