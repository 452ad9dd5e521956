package dev.resumescreening.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;

/**
 * Append-only journal of one table, as JSON lines: {@code {"table":<definition>}} first, then
 * {@code {"ttl":<attribute or null>}}, {@code {"put":<item>}} and {@code {"delete":<key>}} entries.
 * Every append is flushed to the operating system (no fsync). Lines are the UTF-8 bytes Jackson encodes, which
 * write half of a surrogate pair (which UTF-8 cannot carry) as a JSON escape: any string an item holds is journaled
 * and replayed as it was, and no entry can leave the file unwritable for the next.
 */
final class TableJournal implements Closeable {

    static final String SUFFIX = ".table.jsonl";

    private final Path file;
    private final OutputStream writer;

    private TableJournal(Path file, OutputStream writer) {
        this.file = file;
        this.writer = writer;
    }

    static Path fileFor(Path dataDir, String tableName) {
        return dataDir.resolve(tableName + SUFFIX);
    }

    /** Creates a new journal holding the table's current state (definition, TTL setting and items). */
    static TableJournal create(Path file, Table table) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary))) {
                writeLine(out, Json.object().set("table", table.definition().toJson()));
                if (table.timeToLiveAttribute() != null) {
                    writeLine(out, Json.object().put("ttl", table.timeToLiveAttribute()));
                }
                for (Iterator<ObjectNode> it = table.items(); it.hasNext(); ) {
                    writeLine(out, Json.object().set("put", it.next()));
                }
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new TableJournal(
                    file, new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.APPEND)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write journal " + file, e);
        }
    }

    /**
     * Rebuilds a table from its journal. A damaged line (for example one cut short by a crash) ends the replay.
     */
    static Table replay(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            if (line == null) {
                return null;
            }
            Table table =
                    new Table(TableDefinition.parse(Json.MAPPER.readTree(line).get("table")));
            while ((line = reader.readLine()) != null) {
                JsonNode entry;
                try {
                    entry = Json.MAPPER.readTree(line);
                } catch (IOException damaged) {
                    break;
                }
                if (entry.has("put")) {
                    ObjectNode item = (ObjectNode) entry.get("put");
                    table.put(table.keyOfItem(item), item);
                } else if (entry.has("delete")) {
                    table.delete(table.keyOf((ObjectNode) entry.get("delete")));
                } else if (entry.has("ttl")) {
                    JsonNode attribute = entry.get("ttl");
                    table.setTimeToLiveAttribute(attribute.isNull() ? null : attribute.asText());
                }
            }
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read journal " + file, e);
        }
    }

    void appendPut(ObjectNode item) {
        append(Json.object().set("put", item));
    }

    void appendDelete(ObjectNode key) {
        append(Json.object().set("delete", key));
    }

    void appendTimeToLive(String attribute) {
        append(Json.object().put("ttl", attribute));
    }

    private void append(ObjectNode entry) {
        try {
            writeLine(writer, entry);
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to journal " + file, e);
        }
    }

    private static void writeLine(OutputStream out, ObjectNode entry) throws IOException {
        out.write(Json.MAPPER.writeValueAsBytes(entry));
        out.write('\n');
    }

    /** Closes and deletes the journal (the table was deleted). */
    void delete() {
        close();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete journal " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close journal " + file, e);
        }
    }
}
