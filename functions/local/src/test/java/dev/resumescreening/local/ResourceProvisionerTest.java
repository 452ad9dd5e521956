package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resumescreening.config.Contract;
import dev.resumescreening.config.Settings;
import dev.resumescreening.di.AwsModule;
import dev.resumescreening.emulators.dynamodb.DynamoDbEmulator;
import dev.resumescreening.emulators.s3.S3Emulator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** With creating storage off, a stack on storage nobody made fails at start and names what is missing. */
class ResourceProvisionerTest {

    @Test
    void requireExistingNamesEveryMissingTableAndTheBucketAndPassesOnceTheyExist() throws Exception {
        try (DynamoDbEmulator dynamoEmulator = DynamoDbEmulator.start(0, null);
                S3Emulator s3Emulator = S3Emulator.start(0, null)) {
            Settings settings = Settings.of(Map.of(
                    Settings.ENDPOINT + "_DYNAMODB", dynamoEmulator.endpoint().toString(),
                    Settings.ENDPOINT + "_S3", s3Emulator.endpoint().toString()));
            System.setProperty("aws.accessKeyId", "local");
            System.setProperty("aws.secretAccessKey", "local");
            SdkHttpClient http = AwsModule.httpClient();
            DynamoDbClient dynamo = AwsModule.dynamoDb(settings, http);
            S3Client s3 = AwsModule.s3(settings, http);

            IllegalStateException missing = assertThrows(
                    IllegalStateException.class, () -> ResourceProvisioner.requireExisting(dynamo, s3, settings));
            for (Contract.TableSpec table : Contract.get().tables().values()) {
                assertTrue(
                        missing.getMessage().contains("table " + settings.tableName(table.logicalName())),
                        missing.getMessage());
            }
            assertTrue(missing.getMessage().contains("bucket " + settings.bucket()), missing.getMessage());
            assertEquals(0, dynamo.listTables().tableNames().size(), "checking must not create tables");
            assertEquals(0, s3.listBuckets().buckets().size(), "checking must not create the bucket");

            ResourceProvisioner.ensure(dynamo, s3, settings);
            assertDoesNotThrow(() -> ResourceProvisioner.requireExisting(dynamo, s3, settings));
        }
    }
}
