package dev.resumescreening.adapters.dynamodb;

import static dev.resumescreening.adapters.dynamodb.Attributes.n;
import static dev.resumescreening.adapters.dynamodb.Attributes.s;

import dev.resumescreening.training.SampleCounter;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Moves new_samples_since_last_training in the counters item with ADD, so concurrent reviews are never lost. */
public final class DynamoSampleCounter implements SampleCounter {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSampleCounter(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void consume(long samples) {
        if (samples == 0) {
            return;
        }
        dynamo.updateItem(b -> b.tableName(table)
                .key(Map.of("counter_id", s(DynamoReviewStore.COUNTER_ID)))
                .updateExpression("ADD new_samples_since_last_training :used")
                .expressionAttributeValues(Map.of(":used", n(-samples))));
    }
}
