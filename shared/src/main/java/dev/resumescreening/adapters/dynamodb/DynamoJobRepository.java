package dev.resumescreening.adapters.dynamodb;

import static dev.resumescreening.adapters.dynamodb.Attributes.binary;
import static dev.resumescreening.adapters.dynamodb.Attributes.bool;
import static dev.resumescreening.adapters.dynamodb.Attributes.bytes;
import static dev.resumescreening.adapters.dynamodb.Attributes.flag;
import static dev.resumescreening.adapters.dynamodb.Attributes.longNumber;
import static dev.resumescreening.adapters.dynamodb.Attributes.n;
import static dev.resumescreening.adapters.dynamodb.Attributes.number;
import static dev.resumescreening.adapters.dynamodb.Attributes.s;
import static dev.resumescreening.adapters.dynamodb.Attributes.string;

import dev.resumescreening.domain.Job;
import dev.resumescreening.domain.JobCounts;
import dev.resumescreening.embedding.TermVector;
import dev.resumescreening.ports.JobRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

public final class DynamoJobRepository implements JobRepository {
    private static final String LIST_SCOPE = "jobs";
    /** Every attribute but the embedding, through names (some are DynamoDB reserved words). */
    private static final Map<String, String> LISTED_ATTRIBUTES = Map.of(
            "#i",
            "job_id",
            "#t",
            "title",
            "#d",
            "description",
            "#h",
            "threshold",
            "#c",
            "created_at",
            "#b",
            "blind_review");

    private final DynamoDbClient dynamo;
    private final String table;
    private final PageTokens pageTokens;
    private final String countersTable;

    /** A repository whose list pages are signed with a random key of this process, without counts. */
    public DynamoJobRepository(DynamoDbClient dynamo, String table) {
        this(dynamo, table, PageTokens.fromSetting(null), null);
    }

    /** {@code countersTable} holds each job's counters item ({@link JobCounters}). */
    public DynamoJobRepository(DynamoDbClient dynamo, String table, PageTokens pageTokens, String countersTable) {
        this.dynamo = dynamo;
        this.table = table;
        this.pageTokens = pageTokens;
        this.countersTable = countersTable;
    }

    @Override
    public Optional<Job> updateThreshold(String jobId, double threshold) {
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(b -> b.tableName(table)
                            .key(Map.of("job_id", s(jobId)))
                            .updateExpression("SET #threshold = :threshold")
                            .conditionExpression("attribute_exists(job_id)")
                            .expressionAttributeNames(Map.of("#threshold", "threshold"))
                            .expressionAttributeValues(Map.of(":threshold", n(threshold)))
                            .returnValues(ReturnValue.ALL_NEW))
                    .attributes();
            return Optional.of(job(item));
        } catch (ConditionalCheckFailedException missing) {
            return Optional.empty();
        }
    }

    /** One BatchGetItem of the jobs' counters items (a page has at most 100 jobs, BatchGetItem's limit). */
    @Override
    public Map<String, JobCounts> counts(List<String> jobIds) {
        Map<String, JobCounts> counts = new HashMap<>();
        jobIds.forEach(id -> counts.put(id, JobCounts.NONE));
        if (jobIds.isEmpty()) {
            return counts;
        }
        Map<String, KeysAndAttributes> request = Map.of(
                countersTable,
                KeysAndAttributes.builder()
                        .keys(jobIds.stream()
                                .distinct()
                                .map(DynamoJobRepository::countersKey)
                                .toList())
                        .build());
        for (Map<String, AttributeValue> item : batchGet(request).getOrDefault(countersTable, List.of())) {
            long positive = longNumber(item, "positive_samples");
            counts.put(
                    string(item, "job_id"),
                    new JobCounts(
                            longNumber(item, JobCounters.SCREENED),
                            longNumber(item, JobCounters.AI_SHORTLISTED),
                            positive + longNumber(item, "negative_samples"),
                            positive));
        }
        return counts;
    }

    @Override
    public void create(StoredJob stored) {
        Job job = stored.job();
        dynamo.putItem(b -> b.tableName(table)
                .item(Map.of(
                        "job_id", s(job.jobId()),
                        "title", s(job.title()),
                        "description", s(job.description()),
                        "threshold", n(job.threshold()),
                        "created_at", s(job.createdAt()),
                        "blind_review", bool(job.blindReview()),
                        "embedding", bytes(stored.embedding().toBytes())))
                .conditionExpression("attribute_not_exists(job_id)"));
    }

    /** The job and its counters item in one BatchGetItem: an upload reads both before scoring. */
    @Override
    public Optional<StoredJob> find(String jobId) {
        Map<String, KeysAndAttributes> request = new HashMap<>();
        request.put(
                table,
                KeysAndAttributes.builder().keys(Map.of("job_id", s(jobId))).build());
        if (countersTable != null) {
            request.put(
                    countersTable,
                    KeysAndAttributes.builder().keys(countersKey(jobId)).build());
        }
        Map<String, List<Map<String, AttributeValue>>> items = batchGet(request);
        List<Map<String, AttributeValue>> jobItems = items.getOrDefault(table, List.of());
        if (jobItems.isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = jobItems.get(0);
        List<Map<String, AttributeValue>> counters = items.getOrDefault(countersTable, List.of());
        byte[] embedding = binary(item, "embedding");
        // a job created by an earlier release holds a dense vector: the caller embeds its description again
        return Optional.of(new StoredJob(
                job(item),
                TermVector.isTermVector(embedding) ? TermVector.fromBytes(embedding) : null,
                JobCounters.applicants(counters.isEmpty() ? null : counters.get(0))));
    }

    /** Every item of {@code request}, by table, unprocessed keys asked again until none is left. */
    private Map<String, List<Map<String, AttributeValue>>> batchGet(Map<String, KeysAndAttributes> request) {
        Map<String, List<Map<String, AttributeValue>>> items = new HashMap<>();
        Map<String, KeysAndAttributes> pending = request;
        while (!pending.isEmpty()) {
            Map<String, KeysAndAttributes> asked = pending;
            BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(asked));
            response.responses()
                    .forEach((name, found) ->
                            items.computeIfAbsent(name, n -> new ArrayList<>()).addAll(found));
            pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return items;
    }

    private static Map<String, AttributeValue> countersKey(String jobId) {
        return Map.of("counter_id", s(DynamoReviewStore.JOB_COUNTER + jobId));
    }

    @Override
    public JobPage list(int limit, String pageToken) {
        Map<String, AttributeValue> startKey = pageTokens.decode(pageToken, LIST_SCOPE);
        // the embedding is not read: a page of jobs stays small whatever their descriptions' vectors weigh
        ScanResponse page = dynamo.scan(b -> b.tableName(table)
                .limit(limit)
                .exclusiveStartKey(startKey)
                .projectionExpression(String.join(", ", LISTED_ATTRIBUTES.keySet()))
                .expressionAttributeNames(LISTED_ATTRIBUTES));
        List<Job> jobs = page.items().stream().map(DynamoJobRepository::job).toList();
        return new JobPage(
                jobs, page.hasLastEvaluatedKey() ? pageTokens.encode(page.lastEvaluatedKey(), LIST_SCOPE) : null);
    }

    private static Job job(Map<String, AttributeValue> item) {
        return new Job(
                string(item, "job_id"),
                string(item, "title"),
                string(item, "description"),
                number(item, "threshold"),
                string(item, "created_at"),
                flag(item, "blind_review"));
    }
}
