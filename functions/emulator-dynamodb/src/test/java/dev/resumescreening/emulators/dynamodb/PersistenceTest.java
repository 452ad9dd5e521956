package dev.resumescreening.emulators.dynamodb;

import static dev.resumescreening.emulators.dynamodb.EmulatorTestSupport.createTable;
import static dev.resumescreening.emulators.dynamodb.EmulatorTestSupport.key;
import static dev.resumescreening.emulators.dynamodb.EmulatorTestSupport.n;
import static dev.resumescreening.emulators.dynamodb.EmulatorTestSupport.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class PersistenceTest {

    @TempDir
    Path dataDir;

    @Test
    void dataTablesAndIndexesSurviveRestart() throws IOException {
        try (DynamoDbEmulator emulator = DynamoDbEmulator.start(0, dataDir);
                DynamoDbClient client = EmulatorTestSupport.client(emulator)) {
            createTable(client, "jobs");
            createTable(client, "dropped");
            for (int i = 0; i < 100; i++) {
                Map<String, AttributeValue> item = new HashMap<>(key("job" + i, "meta"));
                item.put("status", s(i % 2 == 0 ? "open" : "done"));
                item.put("createdAt", n(i));
                item.put("text", s("line\nbreak \"quoted\" ünïcødé"));
                client.putItem(b -> b.tableName("jobs").item(item));
            }
            for (int i = 0; i < 10; i++) {
                int index = i;
                client.deleteItem(b -> b.tableName("jobs").key(key("job" + index, "meta")));
            }
            client.updateItem(b -> b.tableName("jobs")
                    .key(key("job50", "meta"))
                    .updateExpression("SET #s = :s")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":s", s("archived"))));
            client.updateTimeToLive(b -> b.tableName("jobs")
                    .timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(true)));
            client.deleteTable(b -> b.tableName("dropped"));
        }
        long sizeBeforeCompaction = Files.size(dataDir.resolve("jobs.table.jsonl"));

        for (int restart = 0; restart < 2; restart++) {
            try (DynamoDbEmulator emulator = DynamoDbEmulator.start(0, dataDir);
                    DynamoDbClient client = EmulatorTestSupport.client(emulator)) {
                assertEquals(java.util.List.of("jobs"), client.listTables().tableNames());
                var description = client.describeTable(b -> b.tableName("jobs")).table();
                assertEquals(90L, description.itemCount());
                assertEquals(
                        "byStatus", description.globalSecondaryIndexes().get(0).indexName());
                assertFalse(client.getItem(b -> b.tableName("jobs").key(key("job3", "meta")))
                        .hasItem());
                Map<String, AttributeValue> item = client.getItem(
                                b -> b.tableName("jobs").key(key("job11", "meta")))
                        .item();
                assertEquals("line\nbreak \"quoted\" ünïcødé", item.get("text").s());
                assertEquals(
                        44,
                        client.query(b -> b.tableName("jobs")
                                        .indexName("byStatus")
                                        .keyConditionExpression("#s = :s")
                                        .expressionAttributeNames(Map.of("#s", "status"))
                                        .expressionAttributeValues(Map.of(":s", s("open"))))
                                .count());
                assertEquals(
                        1,
                        client.query(b -> b.tableName("jobs")
                                        .indexName("byStatus")
                                        .keyConditionExpression("#s = :s")
                                        .expressionAttributeNames(Map.of("#s", "status"))
                                        .expressionAttributeValues(Map.of(":s", s("archived"))))
                                .count());
                assertEquals(
                        TimeToLiveStatus.ENABLED,
                        client.describeTimeToLive(b -> b.tableName("jobs"))
                                .timeToLiveDescription()
                                .timeToLiveStatus());
            }
        }
        assertTrue(Files.size(dataDir.resolve("jobs.table.jsonl")) < sizeBeforeCompaction);
        assertFalse(Files.exists(dataDir.resolve("dropped.table.jsonl")));
    }

    @Test
    void aStringUtf8CannotCarryIsKeptAndLaterWritesStillReachTheJournal() {
        String halfAPair = "ledger " + (char) 0xD800 + " recon";
        try (DynamoDbEmulator emulator = DynamoDbEmulator.start(0, dataDir);
                DynamoDbClient client = EmulatorTestSupport.client(emulator)) {
            createTable(client, "jobs");
            Map<String, AttributeValue> odd = new HashMap<>(key("job1", "meta"));
            odd.put("text", s(halfAPair));
            client.putItem(b -> b.tableName("jobs").item(odd));
            Map<String, AttributeValue> plain = new HashMap<>(key("job2", "meta"));
            plain.put("text", s("plain"));
            client.putItem(b -> b.tableName("jobs").item(plain));
        }
        try (DynamoDbEmulator emulator = DynamoDbEmulator.start(0, dataDir);
                DynamoDbClient client = EmulatorTestSupport.client(emulator)) {
            assertEquals(
                    halfAPair,
                    client.getItem(b -> b.tableName("jobs").key(key("job1", "meta")))
                            .item()
                            .get("text")
                            .s());
            assertEquals(
                    "plain",
                    client.getItem(b -> b.tableName("jobs").key(key("job2", "meta")))
                            .item()
                            .get("text")
                            .s());
        }
    }
}
