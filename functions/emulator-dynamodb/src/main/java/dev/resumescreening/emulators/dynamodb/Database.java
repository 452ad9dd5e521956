package dev.resumescreening.emulators.dynamodb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * All tables plus their journals. A single read-write lock guards everything: reads run concurrently, writes
 * (including transactions spanning several tables) are exclusive and journaled before the lock is released.
 */
final class Database implements AutoCloseable {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final TreeMap<String, Table> tables = new TreeMap<>();
    private final Map<String, TableJournal> journals = new HashMap<>();
    private final Path dataDir;

    private Database(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Opens an in-memory database, or replays and compacts the journals found in {@code dataDir}. */
    static Database open(Path dataDir) {
        Database database = new Database(dataDir);
        if (dataDir != null) {
            database.load();
        }
        return database;
    }

    private void load() {
        try {
            Files.createDirectories(dataDir);
            List<Path> files = new ArrayList<>();
            try (Stream<Path> listing = Files.list(dataDir)) {
                listing.filter(p -> p.getFileName().toString().endsWith(TableJournal.SUFFIX))
                        .forEach(files::add);
            }
            for (Path file : files) {
                Table table = TableJournal.replay(file);
                if (table != null) {
                    tables.put(table.name(), table);
                    journals.put(table.name(), TableJournal.create(file, table));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open data directory " + dataDir, e);
        }
    }

    <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The named table; callers hold the lock. */
    Table table(String name) {
        Table table = tables.get(name);
        if (table == null) {
            throw DynamoDbException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
        }
        return table;
    }

    List<String> tableNames() {
        return new ArrayList<>(tables.keySet());
    }

    Table createTable(TableDefinition definition) {
        if (tables.containsKey(definition.name())) {
            throw DynamoDbException.resourceInUse("Table already exists: " + definition.name());
        }
        Table table = new Table(definition);
        tables.put(definition.name(), table);
        if (dataDir != null) {
            journals.put(
                    definition.name(), TableJournal.create(TableJournal.fileFor(dataDir, definition.name()), table));
        }
        return table;
    }

    Table deleteTable(String name) {
        Table table = table(name);
        tables.remove(name);
        TableJournal journal = journals.remove(name);
        if (journal != null) {
            journal.delete();
        }
        return table;
    }

    void setTimeToLive(Table table, String attribute) {
        table.setTimeToLiveAttribute(attribute);
        TableJournal journal = journals.get(table.name());
        if (journal != null) {
            journal.appendTimeToLive(attribute);
        }
    }

    /** Applies a planned write (put, replace or delete) to its table and journal. */
    void apply(PlannedWrite write) {
        if (!write.writes()) {
            return;
        }
        Table table = write.table();
        TableJournal journal = journals.get(table.name());
        if (write.newItem() != null) {
            table.put(write.key(), write.newItem());
            if (journal != null) {
                journal.appendPut(write.newItem());
            }
        } else if (table.delete(write.key()) != null && journal != null) {
            journal.appendDelete(table.keyAttributes(write.oldItem()));
        }
    }

    @Override
    public void close() {
        write(() -> {
            journals.values().forEach(TableJournal::close);
            journals.clear();
            return null;
        });
    }
}
