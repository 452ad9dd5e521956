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
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The bucket behind {@link DocumentStore}; objects are encrypted at rest by the bucket's default encryption. */
public final class S3DocumentStore implements DocumentStore {
    /** S3's smallest allowed multipart part (except the last). */
    private static final int PART_BYTES = 5 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final Supplier<S3Presigner> presigner;

    /** @param presigner built on first use: only the functions that hand out URLs pay for it */
    public S3DocumentStore(S3Client s3, String bucket, Supplier<S3Presigner> presigner) {
        this.s3 = s3;
        this.bucket = bucket;
        this.presigner = presigner;
    }

    @Override
    public URI temporaryUrl(String key, Duration lifetime) {
        return URI.create(presigner.get().presignGetObject(b -> b.signatureDuration(lifetime)
                .getObjectRequest(get -> get.bucket(bucket).key(key))).url().toString());
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(content));
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
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
        for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(key))) {
            page.versions().stream().filter(v -> v.key().equals(key)).forEach(v -> versionIds.add(v.versionId()));
            page.deleteMarkers().stream().filter(m -> m.key().equals(key)).forEach(m -> versionIds.add(m.versionId()));
        }
        for (String versionId : versionIds) {
            s3.deleteObject(b -> b.bucket(bucket).key(key).versionId(versionId));
        }
    }

    @Override
    public void putStream(String key, InputStream content, String contentType) {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(contentType)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            byte[] buffer = new byte[PART_BYTES];
            int filled;
            while ((filled = content.readNBytes(buffer, 0, buffer.length)) > 0 || parts.isEmpty()) {
                int partNumber = parts.size() + 1;
                String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber),
                        RequestBody.fromBytes(Arrays.copyOf(buffer, filled))).eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
                if (filled < buffer.length) {
                    break;
                }
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
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
