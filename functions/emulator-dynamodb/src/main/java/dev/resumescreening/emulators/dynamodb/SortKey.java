package dev.resumescreening.emulators.dynamodb;

/**
 * Position of an item within a partition: its range key, followed by the table key for secondary indexes
 * (where several items may share an index key). Unused components are {@link KeyValue#MIN}.
 */
record SortKey(KeyValue range, KeyValue tableHash, KeyValue tableRange) implements Comparable<SortKey> {

    static SortKey of(KeyValue range) {
        return new SortKey(range, KeyValue.MIN, KeyValue.MIN);
    }

    /** Sorts before every item whose range key equals {@code range}. */
    static SortKey lowest(KeyValue range) {
        return new SortKey(range, KeyValue.MIN, KeyValue.MIN);
    }

    /** Sorts after every item whose range key equals {@code range}. */
    static SortKey highest(KeyValue range) {
        return new SortKey(range, KeyValue.MAX, KeyValue.MAX);
    }

    @Override
    public int compareTo(SortKey other) {
        int c = range.compareTo(other.range);
        if (c == 0) {
            c = tableHash.compareTo(other.tableHash);
        }
        return c != 0 ? c : tableRange.compareTo(other.tableRange);
    }
}
