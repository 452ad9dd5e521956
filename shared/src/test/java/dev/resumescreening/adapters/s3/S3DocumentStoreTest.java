package dev.resumescreening.adapters.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resumescreening.ports.DocumentStore.PresignedUpload;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Presigned uploads carry, and sign, what the bucket policy asks of every PUT in AWS. */
class S3DocumentStoreTest {
    private static final String KEY_ARN =
            "arn:aws:kms:eu-central-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final S3Presigner PRESIGNER = S3Presigner.builder()
            .region(Region.EU_CENTRAL_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
            .build();

    @AfterAll
    static void close() {
        PRESIGNER.close();
    }

    @Test
    void withTheBucketsKeyAPresignedPutSignsSseKmsWithIt() {
        PresignedUpload upload = new S3DocumentStore(null, "data-bucket", () -> PRESIGNER, KEY_ARN)
                .temporaryUploadUrl("uploads/job-1/u-1", "application/pdf", 5_000_000, Duration.ofMinutes(15));

        assertEquals("aws:kms", upload.headers().get("x-amz-server-side-encryption"));
        assertEquals(KEY_ARN, upload.headers().get("x-amz-server-side-encryption-aws-kms-key-id"));
        assertEquals("application/pdf", upload.headers().get("content-type"));
        assertEquals("5000000", upload.headers().get("content-length"));
        assertFalse(upload.headers().containsKey("host"), "the client's HTTP stack sets the host");
        assertEquals(
                Set.of(
                        "content-length",
                        "content-type",
                        "host",
                        "x-amz-server-side-encryption",
                        "x-amz-server-side-encryption-aws-kms-key-id"),
                signedHeaders(upload));
        assertTrue(
                upload.url().getHost().startsWith("data-bucket.s3."),
                upload.url().toString());
        assertTrue(
                upload.url().getRawQuery().contains("X-Amz-Expires=900"),
                upload.url().toString());
    }

    @Test
    void withoutAKeyAPresignedPutNamesNoEncryption() {
        PresignedUpload upload = new S3DocumentStore(null, "data-bucket", () -> PRESIGNER, "")
                .temporaryUploadUrl("uploads/job-1/u-1", "text/plain", 10, Duration.ofMinutes(15));

        assertEquals(Set.of("content-length", "content-type"), upload.headers().keySet());
        assertEquals(Set.of("content-length", "content-type", "host"), signedHeaders(upload));
    }

    private static Set<String> signedHeaders(PresignedUpload upload) {
        for (String parameter : upload.url().getRawQuery().split("&")) {
            if (parameter.startsWith("X-Amz-SignedHeaders=")) {
                return Set.of(
                        parameter.substring("X-Amz-SignedHeaders=".length()).split("%3B"));
            }
        }
        throw new AssertionError("no X-Amz-SignedHeaders in " + upload.url());
    }
}
