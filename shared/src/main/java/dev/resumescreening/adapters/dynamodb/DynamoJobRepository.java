package dev.resumescreening.adapters.dynamodb;

import static dev.resumescreening.adapters.dynamodb.Attributes.binary;
import static dev.resumescreening.adapters.dynamodb.Attributes.bytes;
import static dev.resumescreening.adapters.dynamodb.Attributes.n;
import static dev.resumescreening.adapters.dynamodb.Attributes.number;
import static dev.resumescreening.adapters.dynamodb.Attributes.s;
import static dev.resumescreening.adapters.dynamodb.Attributes.string;

import dev.resumescreening.domain.Job;
import dev.resumescreening.embedding.TermVector;
import dev.resumescreening.ports.JobRepository;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

public final class DynamoJobRepository implements JobRepository {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoJobRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
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
                        "embedding", bytes(stored.embedding().toBytes())))
                .conditionExpression("attribute_not_exists(job_id)"));
    }

    @Override
    public Optional<StoredJob> find(String jobId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(Map.of("job_id", s(jobId)))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Job job = new Job(string(item, "job_id"), string(item, "title"), string(item, "description"),
                number(item, "threshold"), string(item, "created_at"));
        byte[] embedding = binary(item, "embedding");
        // a job created by an earlier release holds a dense vector: the caller embeds its description again
        return Optional.of(new StoredJob(job, TermVector.isTermVector(embedding) ? TermVector.fromBytes(embedding) : null));
    }
}
