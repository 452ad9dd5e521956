package dev.resumescreening.emulators.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.NavigableMap;

/** A range of sort keys within a partition, selected by a key condition and an ExclusiveStartKey. */
record KeyRange(Bound lower, Bound upper) {

    /** One end of a range; null bounds are open. */
    record Bound(SortKey key, boolean inclusive) {}

    static final KeyRange ALL = new KeyRange(null, null);

    static KeyRange forCondition(String operator, KeyValue value, KeyValue upperValue) {
        return switch (operator) {
            case "=" -> new KeyRange(new Bound(SortKey.lowest(value), true), new Bound(SortKey.highest(value), true));
            case "<" -> new KeyRange(null, new Bound(SortKey.lowest(value), false));
            case "<=" -> new KeyRange(null, new Bound(SortKey.highest(value), true));
            case ">" -> new KeyRange(new Bound(SortKey.highest(value), false), null);
            case ">=" -> new KeyRange(new Bound(SortKey.lowest(value), true), null);
            case "BETWEEN" -> {
                if (value.compareTo(upperValue) > 0) {
                    throw DynamoDbException.validation("Invalid KeyConditionExpression: The BETWEEN operator requires "
                            + "upper bound to be greater than or equal to lower bound");
                }
                yield new KeyRange(
                        new Bound(SortKey.lowest(value), true), new Bound(SortKey.highest(upperValue), true));
            }
            case "begins_with" -> {
                KeyValue successor = value.prefixSuccessor();
                yield new KeyRange(
                        new Bound(SortKey.lowest(value), true),
                        successor == KeyValue.MAX ? null : new Bound(SortKey.lowest(successor), false));
            }
            default ->
                throw DynamoDbException.validation(
                        "Invalid KeyConditionExpression: Unsupported operator on range key: " + operator);
        };
    }

    /** Narrows this range to keys after (forward) or before (backward) an exclusive start key. */
    KeyRange after(SortKey exclusiveStart, boolean forward) {
        Bound start = new Bound(exclusiveStart, false);
        if (forward) {
            return new KeyRange(tighter(lower, start, 1), upper);
        }
        return new KeyRange(lower, tighter(upper, start, -1));
    }

    private static Bound tighter(Bound current, Bound candidate, int direction) {
        if (current == null) {
            return candidate;
        }
        int c = candidate.key().compareTo(current.key()) * direction;
        return c > 0 || c == 0 && !candidate.inclusive() ? candidate : current;
    }

    NavigableMap<SortKey, ObjectNode> select(NavigableMap<SortKey, ObjectNode> partition) {
        if (lower != null && upper != null) {
            int c = lower.key().compareTo(upper.key());
            if (c > 0 || c == 0 && !(lower.inclusive() && upper.inclusive())) {
                return Collections.emptyNavigableMap();
            }
            return partition.subMap(lower.key(), lower.inclusive(), upper.key(), upper.inclusive());
        }
        if (lower != null) {
            return partition.tailMap(lower.key(), lower.inclusive());
        }
        if (upper != null) {
            return partition.headMap(upper.key(), upper.inclusive());
        }
        return partition;
    }
}
