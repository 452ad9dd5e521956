package dev.resumescreening.adapters.s3;

import dev.resumescreening.ports.DocumentStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * The bucket behind {@link DocumentStore}; objects are encrypted at rest by the bucket's default encryption, which
 * the bucket policy lets a PUT naming no encryption have. Presigned uploads name the bucket's key all the same (when
 * known): a browser's PUT then cannot be signed for anything else.
 */
public final class S3DocumentStore implements DocumentStore {
    public static final String KMS_KEY_SETTING = "BUCKET_KMS_KEY_ID";
    /** S3's smallest allowed multipart part (except the last). */
    private static final int PART_BYTES = 5 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final Supplier<S3Presigner> presigner;
    private final String kmsKeyId;

    /**
     * @param presigner built on first use: only the functions that hand out URLs pay for it
     * @param kmsKeyId  the bucket's KMS key, signed into presigned uploads; empty for none (no SSE headers)
     */
    public S3DocumentStore(S3Client s3, String bucket, Supplier<S3Presigner> presigner, String kmsKeyId) {
        this.s3 = s3;
        this.bucket = bucket;
        this.presigner = presigner;
        this.kmsKeyId = kmsKeyId;
    }

    @Override
    public URI temporaryUrl(String key, Duration lifetime) {
        return URI.create(presigner
                .get()
                .presignGetObject(b -> b.signatureDuration(lifetime)
                        .getObjectRequest(get -> get.bucket(bucket).key(key)))
                .url()
                .toString());
    }

    @Override
    public PresignedUpload temporaryUploadUrl(String key, String contentType, long size, Duration lifetime) {
        PresignedPutObjectRequest presigned = presigner
                .get()
                .presignPutObject(b -> b.signatureDuration(lifetime).putObjectRequest(put -> {
                    put.bucket(bucket).key(key).contentType(contentType).contentLength(size);
                    if (!kmsKeyId.isEmpty()) {
                        put.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(kmsKeyId);
                    }
                }));
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        presigned.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.put(name, String.join(",", values));
            }
        });
        return new PresignedUpload(URI.create(presigned.url().toString()), headers, presigned.expiration());
    }

    @Override
    public Optional<StoredObject> read(String key, long maxBytes) {
        try (ResponseInputStream<GetObjectResponse> object =
                s3.getObject(b -> b.bucket(bucket).key(key))) {
            GetObjectResponse response = object.response();
            if (response.contentLength() > maxBytes) {
                object.abort();
                return Optional.of(new StoredObject(response.contentLength(), response.lastModified(), null));
            }
            return Optional.of(
                    new StoredObject(response.contentLength(), response.lastModified(), object.readAllBytes()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(content));
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            ResponseBytes<GetObjectResponse> bytes =
                    s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            return Optional.of(bytes.asByteArrayUnsafe());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }

    @Override
    public void deleteEveryVersion(String key) {
        List<String> versionIds = new ArrayList<>();
        for (ListObjectVersionsResponse page :
                s3.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(key))) {
            page.versions().stream().filter(v -> v.key().equals(key)).forEach(v -> versionIds.add(v.versionId()));
            page.deleteMarkers().stream().filter(m -> m.key().equals(key)).forEach(m -> versionIds.add(m.versionId()));
        }
        for (String versionId : versionIds) {
            s3.deleteObject(b -> b.bucket(bucket).key(key).versionId(versionId));
        }
    }

    @Override
    public void putStream(String key, InputStream content, String contentType) {
        String uploadId = s3.createMultipartUpload(
                        b -> b.bucket(bucket).key(key).contentType(contentType))
                .uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            byte[] buffer = new byte[PART_BYTES];
            int filled;
            while ((filled = content.readNBytes(buffer, 0, buffer.length)) > 0 || parts.isEmpty()) {
                int partNumber = parts.size() + 1;
                String etag = s3.uploadPart(
                                b -> b.bucket(bucket)
                                        .key(key)
                                        .uploadId(uploadId)
                                        .partNumber(partNumber),
                                RequestBody.fromBytes(Arrays.copyOf(buffer, filled)))
                        .eTag();
                parts.add(CompletedPart.builder()
                        .partNumber(partNumber)
                        .eTag(etag)
                        .build());
                if (filled < buffer.length) {
                    break;
                }
            }
            s3.completeMultipartUpload(
                    b -> b.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
        } catch (IOException e) {
            abort(key, uploadId);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            abort(key, uploadId);
            throw e;
        }
    }

    private void abort(String key, String uploadId) {
        s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
    }
}
