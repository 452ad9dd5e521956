package dev.resumescreening.adapters.dynamodb;

import static dev.resumescreening.adapters.dynamodb.Attributes.n;
import static dev.resumescreening.adapters.dynamodb.Attributes.s;

import dev.resumescreening.training.TrainingLock;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The lock item {@code lock_id = "training"} in the locks table: taken by a conditional put when it is absent or
 * its lease ({@code expires_at}, epoch seconds, also the table's TTL attribute) has passed. DynamoDB's TTL deletes
 * expired items only eventually, so the condition, not the TTL, decides.
 */
public final class DynamoTrainingLock implements TrainingLock {
    static final String LOCK_ID = "training";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoTrainingLock(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Optional<Acquired> acquire(String owner, Duration lease) {
        long now = clock.instant().getEpochSecond();
        try {
            Map<String, AttributeValue> previous = dynamo.putItem(b -> b.tableName(table)
                            .item(Map.of(
                                    "lock_id",
                                    s(LOCK_ID),
                                    "owner",
                                    s(owner),
                                    "acquired_at",
                                    n(now),
                                    "expires_at",
                                    n(now + lease.toSeconds())))
                            .conditionExpression("attribute_not_exists(lock_id) OR expires_at < :now")
                            .expressionAttributeValues(Map.of(":now", n(now)))
                            .returnValues(ReturnValue.ALL_OLD))
                    .attributes();
            AttributeValue expiredOwner = previous == null ? null : previous.get("owner");
            return Optional.of(new Acquired(expiredOwner == null ? null : expiredOwner.s()));
        } catch (ConditionalCheckFailedException held) {
            return Optional.empty();
        }
    }

    @Override
    public void extend(String owner, Duration lease) {
        long until = clock.instant().getEpochSecond() + lease.toSeconds();
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of("lock_id", s(LOCK_ID)))
                    .updateExpression("SET expires_at = :until")
                    .conditionExpression("#owner = :owner")
                    .expressionAttributeNames(Map.of("#owner", "owner"))
                    .expressionAttributeValues(Map.of(":until", n(until), ":owner", s(owner))));
        } catch (ConditionalCheckFailedException notHeld) {
            // the lease had already passed and someone else took the lock: nothing of ours to lengthen
        }
    }

    @Override
    public void release(String owner) {
        try {
            dynamo.deleteItem(b -> b.tableName(table)
                    .key(Map.of("lock_id", s(LOCK_ID)))
                    .conditionExpression("#owner = :owner")
                    .expressionAttributeNames(Map.of("#owner", "owner"))
                    .expressionAttributeValues(Map.of(":owner", s(owner))));
        } catch (ConditionalCheckFailedException notHeld) {
            // never ours, or expired and taken over: leave the holder's lock alone
        }
    }
}
