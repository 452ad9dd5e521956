package dev.resumescreening.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One table: its definition, the items (in the primary index) and the secondary indexes maintained on every
 * write. Stored items are never mutated; writes replace them. Not thread-safe: guarded by {@link Database}.
 */
final class Table {

    private final TableDefinition definition;
    private final ItemIndex primary;
    private final Map<String, ItemIndex> secondaryIndexes = new LinkedHashMap<>();
    private final Set<String> keyNames;
    private String timeToLiveAttribute;

    Table(TableDefinition definition) {
        this.definition = definition;
        KeySchema key = definition.key();
        this.primary = ItemIndex.primary(key);
        for (IndexDefinition index : definition.indexes()) {
            secondaryIndexes.put(index.name(), ItemIndex.secondary(index, key));
        }
        this.keyNames = key.hasRange() ? Set.of(key.hashName(), key.rangeName()) : Set.of(key.hashName());
    }

    TableDefinition definition() {
        return definition;
    }

    String name() {
        return definition.name();
    }

    Set<String> keyNames() {
        return keyNames;
    }

    long itemCount() {
        return primary.size();
    }

    /** The time-to-live attribute name, or null when TTL is disabled. */
    String timeToLiveAttribute() {
        return timeToLiveAttribute;
    }

    void setTimeToLiveAttribute(String attribute) {
        this.timeToLiveAttribute = attribute;
    }

    ObjectNode describe(String status) {
        return definition.describe(
                status,
                itemCount(),
                indexName -> secondaryIndexes.get(indexName).size());
    }

    /** The table's primary index ({@code indexName == null}) or the named secondary index. */
    ItemIndex index(String indexName) {
        if (indexName == null) {
            return primary;
        }
        ItemIndex index = secondaryIndexes.get(indexName);
        if (index == null) {
            throw DynamoDbException.validation("The table does not have the specified index: " + indexName);
        }
        return index;
    }

    ObjectNode get(PrimaryKey key) {
        return primary.get(key.hash(), SortKey.of(key.range()));
    }

    /** Stores an item (validated with {@link #keyOfItem}), replacing any item with the same key. */
    void put(PrimaryKey key, ObjectNode item) {
        ObjectNode old = get(key);
        if (old != null) {
            removeFromIndexes(old);
        }
        primary.add(item);
        for (ItemIndex index : secondaryIndexes.values()) {
            if (index.covers(item)) {
                index.add(item);
            }
        }
    }

    /** Deletes the item with the given key; returns the deleted item or null. */
    ObjectNode delete(PrimaryKey key) {
        ObjectNode old = get(key);
        if (old != null) {
            removeFromIndexes(old);
        }
        return old;
    }

    private void removeFromIndexes(ObjectNode item) {
        primary.remove(item);
        for (ItemIndex index : secondaryIndexes.values()) {
            if (index.covers(item)) {
                index.remove(item);
            }
        }
    }

    Iterator<ObjectNode> items() {
        return primary.scan(0, 1, null);
    }

    /** Validates a Key parameter (exactly the key attributes, of the declared types) and returns the key. */
    PrimaryKey keyOf(ObjectNode key) {
        if (key.size() != keyNames.size()) {
            throw DynamoDbException.validation("The provided key element does not match the schema");
        }
        KeySchema schema = definition.key();
        return new PrimaryKey(
                keyValue(key, schema.hashName(), schema.hashType(), true),
                schema.hasRange() ? keyValue(key, schema.rangeName(), schema.rangeType(), true) : KeyValue.MIN);
    }

    /** Validates an item's key attributes and secondary index key attributes, and returns its key. */
    PrimaryKey keyOfItem(ObjectNode item) {
        KeySchema schema = definition.key();
        PrimaryKey key = new PrimaryKey(
                keyValue(item, schema.hashName(), schema.hashType(), false),
                schema.hasRange() ? keyValue(item, schema.rangeName(), schema.rangeType(), false) : KeyValue.MIN);
        for (ItemIndex index : secondaryIndexes.values()) {
            checkIndexKey(item, index, index.key().hashName(), index.key().hashType());
            if (index.key().hasRange()) {
                checkIndexKey(item, index, index.key().rangeName(), index.key().rangeType());
            }
        }
        return key;
    }

    /** The key attributes of an item. */
    ObjectNode keyAttributes(ObjectNode item) {
        return primary.keyAttributes(item);
    }

    private static KeyValue keyValue(ObjectNode attributes, String name, String type, boolean keyParameter) {
        JsonNode value = attributes.get(name);
        if (value == null) {
            throw DynamoDbException.validation(
                    keyParameter
                            ? "The provided key element does not match the schema"
                            : "One or more parameter values were invalid: Missing the key " + name + " in the item");
        }
        if (!value.has(type)) {
            throw DynamoDbException.validation(
                    keyParameter
                            ? "The provided key element does not match the schema"
                            : "One or more parameter values were invalid: Type mismatch for key " + name + " expected: "
                                    + type + " actual: " + AttributeValues.typeOf(value));
        }
        KeyValue keyValue = KeyValue.of(value);
        if (keyValue.isEmpty()) {
            throw DynamoDbException.validation("One or more parameter values are not valid. The AttributeValue for a "
                    + "key attribute cannot contain an empty string value. Key: " + name);
        }
        return keyValue;
    }

    private static void checkIndexKey(ObjectNode item, ItemIndex index, String name, String type) {
        JsonNode value = item.get(name);
        if (value == null) {
            return;
        }
        if (!value.has(type)) {
            throw DynamoDbException.validation("One or more parameter values were invalid: Type mismatch for Index Key "
                    + name + " Expected: " + type + " Actual: " + AttributeValues.typeOf(value) + " IndexName: "
                    + index.name());
        }
        if (KeyValue.of(value).isEmpty()) {
            throw DynamoDbException.validation("One or more parameter values are not valid. A value specified for a "
                    + "secondary index key is not supported. The AttributeValue for a key attribute cannot contain an "
                    + "empty string value. IndexName: " + index.name() + ", IndexKey: " + name);
        }
    }
}
