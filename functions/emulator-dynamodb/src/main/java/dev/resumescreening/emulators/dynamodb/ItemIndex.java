package dev.resumescreening.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;

/**
 * Items sorted by a key schema: partitions ordered by hash (so scan segments are contiguous), items within a
 * partition ordered by range key. Used for the table itself and for each secondary index (which orders items
 * sharing an index key by their table key, and contains only items having the index key attributes).
 */
final class ItemIndex {

    private final String name;
    private final KeySchema key;
    private final KeySchema tableKey;
    private final Set<String> projectedAttributes;
    private final Set<String> keyAttributeNames;
    private final TreeMap<KeyValue, TreeMap<SortKey, ObjectNode>> partitions = new TreeMap<>(KeyValue.PARTITION_ORDER);
    private long size;

    private ItemIndex(String name, KeySchema key, KeySchema tableKey, Set<String> projectedAttributes) {
        this.name = name;
        this.key = key;
        this.tableKey = tableKey;
        this.projectedAttributes = projectedAttributes;
        this.keyAttributeNames = new LinkedHashSet<>();
        if (tableKey != null) {
            addKeyNames(keyAttributeNames, tableKey);
        }
        addKeyNames(keyAttributeNames, key);
    }

    static ItemIndex primary(KeySchema tableKey) {
        return new ItemIndex(null, tableKey, null, null);
    }

    static ItemIndex secondary(IndexDefinition definition, KeySchema tableKey) {
        Set<String> projected = null;
        if (!definition.projectionType().equals("ALL")) {
            projected = new HashSet<>(definition.nonKeyAttributes());
            projected.add(tableKey.hashName());
            projected.add(definition.key().hashName());
            if (tableKey.hasRange()) {
                projected.add(tableKey.rangeName());
            }
            if (definition.key().hasRange()) {
                projected.add(definition.key().rangeName());
            }
        }
        return new ItemIndex(definition.name(), definition.key(), tableKey, projected);
    }

    String name() {
        return name;
    }

    KeySchema key() {
        return key;
    }

    long size() {
        return size;
    }

    /** Whether the item has this index's key attributes (secondary indexes are sparse). */
    boolean covers(ObjectNode item) {
        return item.has(key.hashName()) && (!key.hasRange() || item.has(key.rangeName()));
    }

    void add(ObjectNode item) {
        TreeMap<SortKey, ObjectNode> partition = partitions.computeIfAbsent(hashOf(item), k -> new TreeMap<>());
        if (partition.put(sortKeyOf(item), item) == null) {
            size++;
        }
    }

    void remove(ObjectNode item) {
        KeyValue hash = hashOf(item);
        TreeMap<SortKey, ObjectNode> partition = partitions.get(hash);
        if (partition != null && partition.remove(sortKeyOf(item)) != null) {
            size--;
            if (partition.isEmpty()) {
                partitions.remove(hash);
            }
        }
    }

    ObjectNode get(KeyValue hash, SortKey sortKey) {
        TreeMap<SortKey, ObjectNode> partition = partitions.get(hash);
        return partition == null ? null : partition.get(sortKey);
    }

    /** Items of one partition within a key range, in ascending or descending order. */
    Iterator<ObjectNode> query(KeyValue hash, KeyRange range, boolean forward) {
        TreeMap<SortKey, ObjectNode> partition = partitions.get(hash);
        if (partition == null) {
            return Collections.emptyIterator();
        }
        NavigableMap<SortKey, ObjectNode> selected = range.select(partition);
        return (forward ? selected : selected.descendingMap()).values().iterator();
    }

    /** All items of one scan segment, in partition order, starting after an optional exclusive start key. */
    Iterator<ObjectNode> scan(int segment, int totalSegments, Position exclusiveStart) {
        NavigableMap<KeyValue, TreeMap<SortKey, ObjectNode>> remaining = exclusiveStart != null
                ? partitions.tailMap(exclusiveStart.hash(), true)
                : partitions.tailMap(KeyValue.hashProbe(KeyValue.firstHashOfSegment(segment, totalSegments)), true);
        Iterator<Map.Entry<KeyValue, TreeMap<SortKey, ObjectNode>>> partitionIterator =
                remaining.entrySet().iterator();
        return new Iterator<>() {
            private Iterator<ObjectNode> items = Collections.emptyIterator();
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                while (!items.hasNext() && !exhausted) {
                    if (!partitionIterator.hasNext()) {
                        exhausted = true;
                        break;
                    }
                    Map.Entry<KeyValue, TreeMap<SortKey, ObjectNode>> entry = partitionIterator.next();
                    if (entry.getKey().segment(totalSegments) != segment) {
                        exhausted = true;
                        break;
                    }
                    NavigableMap<SortKey, ObjectNode> partition = entry.getValue();
                    if (exclusiveStart != null && entry.getKey().equals(exclusiveStart.hash())) {
                        partition = partition.tailMap(exclusiveStart.sortKey(), false);
                    }
                    items = partition.values().iterator();
                }
                return items.hasNext();
            }

            @Override
            public ObjectNode next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return items.next();
            }
        };
    }

    /** A position in the index: partition value and sort key. */
    record Position(KeyValue hash, SortKey sortKey) {}

    /** Parses an ExclusiveStartKey (table key plus index key attributes) into a position. */
    Position positionOf(ObjectNode startKey) {
        ObjectNode item = AttributeValues.normalizeItem(startKey, "exclusiveStartKey");
        for (String attribute : keyAttributeNames) {
            if (KeyValue.of(item.get(attribute)) == null) {
                throw DynamoDbException.validation("The provided starting key is invalid: "
                        + "The provided key element does not match the schema");
            }
        }
        return new Position(hashOf(item), sortKeyOf(item));
    }

    /** The LastEvaluatedKey for an item: table key attributes plus this index's key attributes. */
    ObjectNode keyAttributes(ObjectNode item) {
        ObjectNode keyAttributes = Json.object();
        for (String attribute : keyAttributeNames) {
            keyAttributes.set(attribute, item.get(attribute));
        }
        return keyAttributes;
    }

    /** Applies the index projection (KEYS_ONLY / INCLUDE); the table and ALL indexes return the item. */
    ObjectNode project(ObjectNode item) {
        if (projectedAttributes == null) {
            return item;
        }
        ObjectNode projected = Json.object();
        for (String attribute : projectedAttributes) {
            JsonNode value = item.get(attribute);
            if (value != null) {
                projected.set(attribute, value);
            }
        }
        return projected;
    }

    private static void addKeyNames(Set<String> names, KeySchema schema) {
        names.add(schema.hashName());
        if (schema.hasRange()) {
            names.add(schema.rangeName());
        }
    }

    private KeyValue hashOf(ObjectNode item) {
        return KeyValue.of(item.get(key.hashName()));
    }

    private SortKey sortKeyOf(ObjectNode item) {
        KeyValue range = key.hasRange() ? KeyValue.of(item.get(key.rangeName())) : KeyValue.MIN;
        if (tableKey == null) {
            return SortKey.of(range);
        }
        KeyValue tableRange = tableKey.hasRange() ? KeyValue.of(item.get(tableKey.rangeName())) : KeyValue.MIN;
        return new SortKey(range, KeyValue.of(item.get(tableKey.hashName())), tableRange);
    }
}
