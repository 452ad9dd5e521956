package dev.resumescreening.local;

import dev.resumescreening.config.Contract;
import dev.resumescreening.config.Contract.IndexSpec;
import dev.resumescreening.config.Contract.TableSpec;
import dev.resumescreening.config.Settings;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/** Creates the contract's tables and the bucket where they are missing (emulators; Terraform does it in AWS). */
final class ResourceProvisioner {
    private ResourceProvisioner() {}

    /**
     * Fails, naming every missing table and the bucket if it is missing, instead of creating them: for storage some
     * other tool (Terraform) is meant to have made.
     */
    static void requireExisting(DynamoDbClient dynamo, S3Client s3, Settings settings) {
        List<String> missing = new ArrayList<>();
        for (TableSpec table : Contract.get().tables().values()) {
            String name = settings.tableName(table.logicalName());
            if (!exists(dynamo, name)) {
                missing.add("table " + name);
            }
        }
        if (!bucketExists(s3, settings.bucket())) {
            missing.add("bucket " + settings.bucket());
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("storage is missing (creating it is off): " + String.join(", ", missing));
        }
    }

    static void ensure(DynamoDbClient dynamo, S3Client s3, Settings settings) {
        for (TableSpec table : Contract.get().tables().values()) {
            String name = settings.tableName(table.logicalName());
            if (!exists(dynamo, name)) {
                create(dynamo, name, table);
            }
        }
        if (!bucketExists(s3, settings.bucket())) {
            s3.createBucket(b -> b.bucket(settings.bucket()));
        }
    }

    private static boolean bucketExists(S3Client s3, String bucket) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
            return true;
        } catch (NoSuchBucketException e) {
            return false;
        }
    }

    private static boolean exists(DynamoDbClient dynamo, String name) {
        try {
            dynamo.describeTable(b -> b.tableName(name));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    private static void create(DynamoDbClient dynamo, String name, TableSpec table) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        table.attributes()
                .forEach((attribute, type) -> attributes.add(AttributeDefinition.builder()
                        .attributeName(attribute)
                        .attributeType(type)
                        .build()));
        List<GlobalSecondaryIndex> indexes =
                table.indexes().stream().map(ResourceProvisioner::index).toList();
        dynamo.createTable(b -> {
            b.tableName(name)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(attributes)
                    .keySchema(keys(table.hashKey(), table.rangeKey()));
            if (!indexes.isEmpty()) {
                b.globalSecondaryIndexes(indexes);
            }
        });
        if (table.ttlAttribute() != null) {
            dynamo.updateTimeToLive(b -> b.tableName(name)
                    .timeToLiveSpecification(t -> t.enabled(true).attributeName(table.ttlAttribute())));
        }
    }

    private static GlobalSecondaryIndex index(IndexSpec index) {
        return GlobalSecondaryIndex.builder()
                .indexName(index.name())
                .keySchema(keys(index.hashKey(), index.rangeKey()))
                .projection(p -> p.projectionType(ProjectionType.ALL))
                .build();
    }

    private static List<KeySchemaElement> keys(String hashKey, String rangeKey) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(KeySchemaElement.builder()
                .attributeName(hashKey)
                .keyType(KeyType.HASH)
                .build());
        if (rangeKey != null) {
            keys.add(KeySchemaElement.builder()
                    .attributeName(rangeKey)
                    .keyType(KeyType.RANGE)
                    .build());
        }
        return keys;
    }
}
