package dev.resumescreening.emulators.dynamodb;

/** The primary key of an item: hash value and range value ({@link KeyValue#MIN} when the table has none). */
record PrimaryKey(KeyValue hash, KeyValue range) {}
