package dev.resumescreening.ports;

import java.io.InputStream;
import java.util.Optional;

/** Object storage for originals, extracted text, exports, models and logs. */
public interface DocumentStore {
    void put(String key, byte[] content, String contentType);

    Optional<byte[]> get(String key);

    void delete(String key);

    /** Writes a stream of unknown length without holding it all in memory. */
    void putStream(String key, InputStream content, String contentType);
}
