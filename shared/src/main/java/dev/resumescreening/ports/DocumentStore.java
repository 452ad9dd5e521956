package dev.resumescreening.ports;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Object storage for originals, extracted text, exports, models and logs. */
public interface DocumentStore {
    void put(String key, byte[] content, String contentType);

    Optional<byte[]> get(String key);

    void delete(String key);

    /**
     * Deletes the object and every stored version of it, delete markers included: on a versioned bucket a plain
     * delete keeps the old content as a noncurrent version, which an erasure must not leave behind.
     */
    void deleteEveryVersion(String key);

    /** A URL anyone holding it may GET the object from until {@code lifetime} has passed. */
    URI temporaryUrl(String key, Duration lifetime);

    /**
     * A URL anyone holding it may PUT exactly {@code size} bytes of {@code contentType} to under {@code key} until
     * {@code lifetime} has passed, with the headers the PUT must carry (those signed into the URL).
     */
    PresignedUpload temporaryUploadUrl(String key, String contentType, long size, Duration lifetime);

    /**
     * The object with its size and when it was written, in one read; its content is left unread (null) when it is
     * larger than {@code maxBytes}. Empty when there is none.
     */
    Optional<StoredObject> read(String key, long maxBytes);

    /** Writes a stream of unknown length without holding it all in memory. */
    void putStream(String key, InputStream content, String contentType);

    record PresignedUpload(URI url, Map<String, String> headers, Instant expiresAt) {
        public PresignedUpload {
            headers = Map.copyOf(headers);
        }
    }

    record StoredObject(long size, Instant lastModified, byte[] content) {}
}
