package dev.resumescreening.emulators.dynamodb;

import static dev.resumescreening.emulators.dynamodb.EmulatorTestSupport.createTable;
import static dev.resumescreening.emulators.dynamodb.EmulatorTestSupport.key;
import static dev.resumescreening.emulators.dynamodb.EmulatorTestSupport.n;
import static dev.resumescreening.emulators.dynamodb.EmulatorTestSupport.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class DynamoDbEmulatorTest {

    private static DynamoDbEmulator emulator;
    private static DynamoDbClient client;
    private static int tableCounter;
    private String table;

    @BeforeAll
    static void start() {
        emulator = DynamoDbEmulator.start(0, null);
        client = EmulatorTestSupport.client(emulator);
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
    }

    @BeforeEach
    void newTable() {
        table = "table-" + (++tableCounter);
        createTable(client, table);
    }

    private void put(String pk, String sk, Map<String, AttributeValue> extra) {
        Map<String, AttributeValue> item = new HashMap<>(key(pk, sk));
        item.putAll(extra);
        client.putItem(b -> b.tableName(table).item(item));
    }

    private Map<String, AttributeValue> get(String pk, String sk) {
        return client.getItem(b -> b.tableName(table).key(key(pk, sk))).item();
    }

    @Test
    void createsDescribesListsAndDeletesTables() {
        put("a", "1", Map.of("status", s("new"), "createdAt", n(1)));
        TableDescription description =
                client.describeTable(b -> b.tableName(table)).table();
        assertEquals(TableStatus.ACTIVE, description.tableStatus());
        assertEquals(1L, description.itemCount());
        assertEquals(2, description.keySchema().size());
        assertTrue(description.tableArn().endsWith(":table/" + table));
        assertEquals("byStatus", description.globalSecondaryIndexes().get(0).indexName());
        assertEquals(
                IndexStatus.ACTIVE, description.globalSecondaryIndexes().get(0).indexStatus());
        assertEquals(1L, description.globalSecondaryIndexes().get(0).itemCount());
        assertTrue(client.listTables().tableNames().contains(table));
        assertThrows(ResourceInUseException.class, () -> createTable(client, table));

        client.deleteTable(b -> b.tableName(table));
        assertFalse(client.listTables().tableNames().contains(table));
        assertThrows(ResourceNotFoundException.class, () -> client.describeTable(b -> b.tableName(table)));
    }

    @Test
    void putsGetsProjectsAndDeletesItems() {
        put(
                "a",
                "1",
                Map.of(
                        "name",
                        s("Ada"),
                        "tags",
                        AttributeValue.fromSs(List.of("x", "y")),
                        "doc",
                        AttributeValue.fromM(
                                Map.of("inner", s("v"), "list", AttributeValue.fromL(List.of(n(1), n(2))))),
                        "blob",
                        AttributeValue.fromB(SdkBytes.fromUtf8String("bytes")),
                        "flag",
                        AttributeValue.fromBool(true),
                        "nothing",
                        AttributeValue.fromNul(true),
                        "score",
                        AttributeValue.fromN("1.50")));
        Map<String, AttributeValue> item = get("a", "1");
        assertEquals("Ada", item.get("name").s());
        assertEquals(Set.of("x", "y"), new HashSet<>(item.get("tags").ss()));
        assertEquals("bytes", item.get("blob").b().asUtf8String());
        assertEquals("1.5", item.get("score").n());
        assertTrue(item.get("flag").bool());

        Map<String, AttributeValue> projected = client.getItem(b -> b.tableName(table)
                        .key(key("a", "1"))
                        .projectionExpression("#n, doc.inner, doc.list[1]")
                        .expressionAttributeNames(Map.of("#n", "name")))
                .item();
        assertEquals(Set.of("name", "doc"), projected.keySet());
        assertEquals("v", projected.get("doc").m().get("inner").s());
        assertEquals(List.of(n(2)), projected.get("doc").m().get("list").l());

        Map<String, AttributeValue> old = client.deleteItem(
                        b -> b.tableName(table).key(key("a", "1")).returnValues(ReturnValue.ALL_OLD))
                .attributes();
        assertEquals("Ada", old.get("name").s());
        assertFalse(client.getItem(b -> b.tableName(table).key(key("a", "1"))).hasItem());
    }

    @Test
    void conditionalWritesFailWithConditionalCheckFailed() {
        put("a", "1", Map.of("version", n(1)));
        ConditionalCheckFailedException failed = assertThrows(
                ConditionalCheckFailedException.class,
                () -> client.putItem(b -> b.tableName(table)
                        .item(key("a", "1"))
                        .conditionExpression("attribute_not_exists(pk)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertEquals("1", failed.item().get("version").n());
        assertTrue(failed.getMessage().contains("The conditional request failed"));

        client.putItem(b -> b.tableName(table)
                .item(Map.of("pk", s("a"), "sk", s("1"), "version", n(2)))
                .conditionExpression("version = :v AND (NOT attribute_exists(missing) OR size(pk) > :zero)")
                .expressionAttributeValues(Map.of(":v", n(1), ":zero", n(0))));
        assertEquals("2", get("a", "1").get("version").n());

        assertThrows(
                ConditionalCheckFailedException.class,
                () -> client.deleteItem(b -> b.tableName(table)
                        .key(key("a", "1"))
                        .conditionExpression("version IN (:a, :b)")
                        .expressionAttributeValues(Map.of(":a", n(5), ":b", n(6)))));
        client.deleteItem(b -> b.tableName(table)
                .key(key("a", "1"))
                .conditionExpression("version BETWEEN :a AND :b")
                .expressionAttributeValues(Map.of(":a", n(1), ":b", n(2))));
        assertFalse(client.getItem(b -> b.tableName(table).key(key("a", "1"))).hasItem());
    }

    @Test
    void updateExpressionsSetArithmeticIfNotExistsRemoveAddDelete() {
        Map<String, AttributeValue> created = client.updateItem(b -> b.tableName(table)
                        .key(key("u", "1"))
                        .updateExpression(
                                "SET #c = if_not_exists(#c, :zero) + :one, title = :t, nested = :m, items = :l "
                                        + "ADD tags :tags, total :five")
                        .expressionAttributeNames(Map.of("#c", "count"))
                        .expressionAttributeValues(Map.of(
                                ":zero",
                                n(0),
                                ":one",
                                n(1),
                                ":t",
                                s("hello"),
                                ":m",
                                AttributeValue.fromM(Map.of("a", n(1))),
                                ":l",
                                AttributeValue.fromL(List.of(s("x"))),
                                ":tags",
                                AttributeValue.fromSs(List.of("a", "b")),
                                ":five",
                                n(5)))
                        .returnValues(ReturnValue.ALL_NEW))
                .attributes();
        assertEquals("1", created.get("count").n());
        assertEquals("5", created.get("total").n());

        Map<String, AttributeValue> updated = client.updateItem(b -> b.tableName(table)
                        .key(key("u", "1"))
                        .updateExpression("REMOVE title, nested.a SET #c = #c + :one, total = total - :two, "
                                + "items = list_append(items, :more), nested.b = :one ADD tags :c DELETE tags :a")
                        .expressionAttributeNames(Map.of("#c", "count"))
                        .expressionAttributeValues(Map.of(
                                ":one",
                                n(1),
                                ":two",
                                n(2),
                                ":more",
                                AttributeValue.fromL(List.of(s("y"))),
                                ":c",
                                AttributeValue.fromSs(List.of("c")),
                                ":a",
                                AttributeValue.fromSs(List.of("a"))))
                        .returnValues(ReturnValue.UPDATED_NEW))
                .attributes();
        assertFalse(updated.containsKey("title"));
        assertEquals("2", updated.get("count").n());
        assertEquals("3", updated.get("total").n());

        Map<String, AttributeValue> item = get("u", "1");
        assertNull(item.get("title"));
        assertEquals(Map.of("b", n(1)), item.get("nested").m());
        assertEquals(List.of(s("x"), s("y")), item.get("items").l());
        assertEquals(Set.of("b", "c"), new HashSet<>(item.get("tags").ss()));

        client.updateItem(b -> b.tableName(table)
                .key(key("u", "1"))
                .updateExpression("ADD total :big")
                .expressionAttributeValues(Map.of(":big", AttributeValue.fromN("0.25"))));
        assertEquals("3.25", get("u", "1").get("total").n());

        DynamoDbException keyUpdate = assertThrows(
                DynamoDbException.class,
                () -> client.updateItem(b -> b.tableName(table)
                        .key(key("u", "1"))
                        .updateExpression("SET sk = :v")
                        .expressionAttributeValues(Map.of(":v", s("2")))));
        assertEquals("ValidationException", keyUpdate.awsErrorDetails().errorCode());
        DynamoDbException wrongType = assertThrows(
                DynamoDbException.class,
                () -> client.updateItem(b -> b.tableName(table)
                        .key(key("u", "1"))
                        .updateExpression("SET items = items + :one")
                        .expressionAttributeValues(Map.of(":one", n(1)))));
        assertEquals("ValidationException", wrongType.awsErrorDetails().errorCode());
    }

    @Test
    void queryAppliesRangeConditionsOrderingFilterAndCount() {
        for (int i = 0; i < 20; i++) {
            put("q", String.format("item#%02d", i), Map.of("n", n(i)));
        }
        put("other", "item#05", Map.of());
        assertEquals(List.of("item#05"), querySortKeys("sk = :a", Map.of(":a", s("item#05")), true));
        assertEquals(List.of("item#00", "item#01"), querySortKeys("sk < :a", Map.of(":a", s("item#02")), true));
        assertEquals(
                3, querySortKeys("sk <= :a", Map.of(":a", s("item#02")), true).size());
        assertEquals(List.of("item#19", "item#18"), querySortKeys("sk > :a", Map.of(":a", s("item#17")), false));
        assertEquals(
                3, querySortKeys("sk >= :a", Map.of(":a", s("item#17")), true).size());
        assertEquals(
                List.of("item#03", "item#04", "item#05"),
                querySortKeys("sk BETWEEN :a AND :b", Map.of(":a", s("item#03"), ":b", s("item#05")), true));
        assertEquals(
                List.of(
                        "item#19", "item#18", "item#17", "item#16", "item#15", "item#14", "item#13", "item#12",
                        "item#11", "item#10"),
                querySortKeys("begins_with(sk, :p)", Map.of(":p", s("item#1")), false));
        assertEquals(
                20, querySortKeys("sk > :empty", Map.of(":empty", s("a")), true).size());

        QueryResponse filtered = client.query(b -> b.tableName(table)
                .keyConditionExpression("pk = :pk")
                .filterExpression("n >= :min")
                .expressionAttributeValues(Map.of(":pk", s("q"), ":min", n(15)))
                .limit(10));
        assertEquals(0, filtered.count());
        assertEquals(10, filtered.scannedCount());
        assertTrue(filtered.hasLastEvaluatedKey());

        QueryResponse counted = client.query(b -> b.tableName(table)
                .keyConditionExpression("pk = :pk")
                .select(Select.COUNT)
                .expressionAttributeValues(Map.of(":pk", s("q"))));
        assertEquals(20, counted.count());
        assertFalse(counted.hasItems() && !counted.items().isEmpty());
    }

    private List<String> querySortKeys(String rangeCondition, Map<String, AttributeValue> values, boolean forward) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":pk", s("q"));
        return client
                .query(b -> b.tableName(table)
                        .keyConditionExpression("pk = :pk AND " + rangeCondition)
                        .expressionAttributeValues(all)
                        .scanIndexForward(forward))
                .items()
                .stream()
                .map(item -> item.get("sk").s())
                .collect(Collectors.toList());
    }

    @Test
    void queryPaginationReturnsEveryItemExactlyOnce() {
        for (int i = 0; i < 53; i++) {
            put("p", "sk" + i, Map.of());
        }
        for (boolean forward : List.of(true, false)) {
            List<String> seen = new ArrayList<>();
            Map<String, AttributeValue> start = null;
            int pages = 0;
            do {
                Map<String, AttributeValue> exclusiveStart = start;
                QueryResponse page = client.query(b -> b.tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s("p")))
                        .limit(7)
                        .scanIndexForward(forward)
                        .exclusiveStartKey(exclusiveStart));
                page.items().forEach(item -> seen.add(item.get("sk").s()));
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                        ? page.lastEvaluatedKey()
                        : null;
                pages++;
            } while (start != null);
            assertEquals(53, seen.size());
            assertEquals(53, new HashSet<>(seen).size());
            assertEquals(8, pages);
        }
        int viaPaginator = client
                .queryPaginator(QueryRequest.builder()
                        .tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s("p")))
                        .limit(10)
                        .build())
                .items()
                .stream()
                .mapToInt(item -> 1)
                .sum();
        assertEquals(53, viaPaginator);
    }

    @Test
    void globalSecondaryIndexIsSparseOrderedAndPaginates() {
        for (int i = 0; i < 30; i++) {
            Map<String, AttributeValue> extra = i % 3 == 0
                    ? Map.of()
                    : Map.of("status", s(i % 3 == 1 ? "open" : "closed"), "createdAt", n(100 - i / 2));
            put("user" + i, "profile", extra);
        }
        QueryResponse open = client.query(b -> b.tableName(table)
                .indexName("byStatus")
                .keyConditionExpression("#s = :s AND createdAt > :t")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", s("open"), ":t", n(0))));
        assertEquals(10, open.count());
        List<Long> times = open.items().stream()
                .map(i -> Long.parseLong(i.get("createdAt").n()))
                .toList();
        assertEquals(times.stream().sorted().toList(), times);

        Set<String> users = new HashSet<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse page = client.query(b -> b.tableName(table)
                    .indexName("byStatus")
                    .keyConditionExpression("#s = :s")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":s", s("closed")))
                    .limit(3)
                    .exclusiveStartKey(exclusiveStart));
            page.items().forEach(item -> assertTrue(users.add(item.get("pk").s())));
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
            if (start != null) {
                assertEquals(Set.of("pk", "sk", "status", "createdAt"), start.keySet());
            }
        } while (start != null);
        assertEquals(10, users.size());

        ScanResponse indexScan = client.scan(b -> b.tableName(table).indexName("byStatus"));
        assertEquals(20, indexScan.count());

        // Removing the index attribute removes the item from the index.
        client.updateItem(b -> b.tableName(table)
                .key(key("user1", "profile"))
                .updateExpression("REMOVE #s")
                .expressionAttributeNames(Map.of("#s", "status")));
        assertEquals(
                19, client.scan(b -> b.tableName(table).indexName("byStatus")).count());

        DynamoDbException wrongType =
                assertThrows(DynamoDbException.class, () -> put("bad", "x", Map.of("status", n(1))));
        assertEquals("ValidationException", wrongType.awsErrorDetails().errorCode());
    }

    @Test
    void scanSegmentsPartitionTheTable() {
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            batch.add(WriteRequest.builder()
                    .putRequest(PutRequest.builder()
                            .item(Map.of("pk", s("k" + i), "sk", s("0"), "n", n(i)))
                            .build())
                    .build());
            if (batch.size() == 25) {
                List<WriteRequest> requests = List.copyOf(batch);
                client.batchWriteItem(b -> b.requestItems(Map.of(table, requests)));
                batch.clear();
            }
        }
        Set<String> all = new HashSet<>();
        int total = 0;
        for (int segment = 0; segment < 4; segment++) {
            int selected = segment;
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> exclusiveStart = start;
                ScanResponse page = client.scan(b -> b.tableName(table)
                        .segment(selected)
                        .totalSegments(4)
                        .limit(9)
                        .exclusiveStartKey(exclusiveStart));
                page.items().forEach(item -> all.add(item.get("pk").s()));
                total += page.count();
                start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        }
        assertEquals(200, total);
        assertEquals(200, all.size());

        ScanResponse filtered = client.scan(b -> b.tableName(table)
                .filterExpression("n < :ten")
                .projectionExpression("pk")
                .expressionAttributeValues(Map.of(":ten", n(10))));
        assertEquals(10, filtered.count());
        assertEquals(Set.of("pk"), filtered.items().get(0).keySet());

        var response = client.batchGetItem(b -> b.requestItems(Map.of(
                table,
                software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder()
                        .keys(key("k1", "0"), key("k2", "0"), key("missing", "0"))
                        .build())));
        assertEquals(2, response.responses().get(table).size());
    }

    @Test
    void transactionsAreAllOrNothing() {
        put("t", "1", Map.of("balance", n(10)));
        put("t", "4", Map.of());
        put("t", "5", Map.of());
        TransactionCanceledException canceled = assertThrows(
                TransactionCanceledException.class,
                () -> client.transactWriteItems(b -> b.transactItems(
                        TransactWriteItem.builder()
                                .put(p -> p.tableName(table).item(key("t", "2")))
                                .build(),
                        TransactWriteItem.builder()
                                .update(u -> u.tableName(table)
                                        .key(key("t", "1"))
                                        .updateExpression("SET balance = balance - :x")
                                        .conditionExpression("balance >= :x")
                                        .expressionAttributeValues(Map.of(":x", n(50))))
                                .build())));
        List<String> codes = canceled.cancellationReasons().stream()
                .map(CancellationReason::code)
                .toList();
        assertEquals(List.of("None", "ConditionalCheckFailed"), codes);
        assertTrue(canceled.getMessage().contains("[None, ConditionalCheckFailed]"), canceled.getMessage());
        assertFalse(client.getItem(b -> b.tableName(table).key(key("t", "2"))).hasItem());
        assertEquals("10", get("t", "1").get("balance").n());

        client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder()
                        .put(p ->
                                p.tableName(table).item(key("t", "2")).conditionExpression("attribute_not_exists(pk)"))
                        .build(),
                TransactWriteItem.builder()
                        .update(u -> u.tableName(table)
                                .key(key("t", "1"))
                                .updateExpression("SET balance = balance - :x")
                                .conditionExpression("balance >= :x")
                                .expressionAttributeValues(Map.of(":x", n(4))))
                        .build(),
                TransactWriteItem.builder()
                        .conditionCheck(
                                c -> c.tableName(table).key(key("t", "4")).conditionExpression("attribute_exists(pk)"))
                        .build(),
                TransactWriteItem.builder()
                        .delete(d -> d.tableName(table).key(key("t", "5")))
                        .build()));
        assertTrue(client.getItem(b -> b.tableName(table).key(key("t", "2"))).hasItem());
        assertFalse(client.getItem(b -> b.tableName(table).key(key("t", "5"))).hasItem());
        assertEquals("6", get("t", "1").get("balance").n());

        DynamoDbException duplicate = assertThrows(
                DynamoDbException.class,
                () -> client.transactWriteItems(b -> b.transactItems(
                        TransactWriteItem.builder()
                                .put(p -> p.tableName(table).item(key("t", "1")))
                                .build(),
                        TransactWriteItem.builder()
                                .delete(d -> d.tableName(table).key(key("t", "1")))
                                .build())));
        assertEquals("ValidationException", duplicate.awsErrorDetails().errorCode());

        var got = client.transactGetItems(b -> b.transactItems(
                t -> t.get(g -> g.tableName(table).key(key("t", "1"))),
                t -> t.get(g -> g.tableName(table).key(key("t", "missing")))));
        assertEquals("6", got.responses().get(0).item().get("balance").n());
        assertFalse(got.responses().get(1).hasItem());
    }

    @Test
    void concurrentOptimisticTransactionsCountExactly() throws Exception {
        put("counter", "c", Map.of("value", n(0)));
        int threads = 20;
        int incrementsPerThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                int conflicts = 0;
                for (int i = 0; i < incrementsPerThread; i++) {
                    while (true) {
                        long current =
                                Long.parseLong(get("counter", "c").get("value").n());
                        String marker = "log-" + thread + "-" + i;
                        try {
                            client.transactWriteItems(b -> b.transactItems(
                                    TransactWriteItem.builder()
                                            .update(u -> u.tableName(table)
                                                    .key(key("counter", "c"))
                                                    .updateExpression("SET #v = :next")
                                                    .conditionExpression("#v = :current")
                                                    .expressionAttributeNames(Map.of("#v", "value"))
                                                    .expressionAttributeValues(
                                                            Map.of(":next", n(current + 1), ":current", n(current))))
                                            .build(),
                                    TransactWriteItem.builder()
                                            .put(p -> p.tableName(table).item(key("counter", marker)))
                                            .build()));
                            break;
                        } catch (TransactionCanceledException e) {
                            conflicts++;
                        }
                    }
                }
                return conflicts;
            }));
        }
        for (Future<Integer> result : results) {
            result.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(
                String.valueOf(threads * incrementsPerThread),
                get("counter", "c").get("value").n());
        assertEquals(
                threads * incrementsPerThread + 1,
                client.query(b -> b.tableName(table)
                                .keyConditionExpression("pk = :pk")
                                .expressionAttributeValues(Map.of(":pk", s("counter")))
                                .select(Select.COUNT))
                        .count());
    }

    @Test
    void reportsValidationAndMissingResources() {
        assertThrows(
                ResourceNotFoundException.class,
                () -> client.getItem(b -> b.tableName("no-such-table").key(key("a", "1"))));
        DynamoDbException missingKey = assertThrows(
                DynamoDbException.class,
                () -> client.putItem(b -> b.tableName(table).item(Map.of("pk", s("only-hash")))));
        assertEquals("ValidationException", missingKey.awsErrorDetails().errorCode());
        assertTrue(missingKey.getMessage().contains("Missing the key sk"), missingKey.getMessage());
        DynamoDbException wrongKeyType = assertThrows(
                DynamoDbException.class,
                () -> client.getItem(b -> b.tableName(table).key(Map.of("pk", n(1), "sk", s("x")))));
        assertEquals("ValidationException", wrongKeyType.awsErrorDetails().errorCode());
        DynamoDbException unknownIndex = assertThrows(
                DynamoDbException.class,
                () -> client.query(b -> b.tableName(table)
                        .indexName("nope")
                        .keyConditionExpression("pk = :v")
                        .expressionAttributeValues(Map.of(":v", s("x")))));
        assertEquals("ValidationException", unknownIndex.awsErrorDetails().errorCode());
        DynamoDbException badExpression = assertThrows(
                DynamoDbException.class,
                () -> client.putItem(b -> b.tableName(table)
                        .item(key("a", "1"))
                        .conditionExpression("pk = = :v")
                        .expressionAttributeValues(Map.of(":v", s("x")))));
        assertEquals("ValidationException", badExpression.awsErrorDetails().errorCode());
        DynamoDbException tooLarge =
                assertThrows(DynamoDbException.class, () -> put("big", "1", Map.of("data", s("x".repeat(410 * 1024)))));
        assertEquals("ValidationException", tooLarge.awsErrorDetails().errorCode());
    }

    @Test
    void storesTimeToLiveSetting() {
        assertEquals(
                TimeToLiveStatus.DISABLED,
                client.describeTimeToLive(b -> b.tableName(table))
                        .timeToLiveDescription()
                        .timeToLiveStatus());
        client.updateTimeToLive(b -> b.tableName(table)
                .timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(true)));
        var description = client.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
        assertEquals(TimeToLiveStatus.ENABLED, description.timeToLiveStatus());
        assertEquals("expiresAt", description.attributeName());
    }
}
