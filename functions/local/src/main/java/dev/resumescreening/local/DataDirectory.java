package dev.resumescreening.local;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.resumescreening.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;

/**
 * One process owns a data directory's emulators at a time (a file lock). It publishes their endpoints, so a command
 * run while {@code serve} is up (export, train, ...) talks to the running emulators instead of opening the same
 * files twice.
 */
final class DataDirectory implements AutoCloseable {
    private static final String LOCK = ".lock";
    private static final String ENDPOINTS = "endpoints.json";

    private final Path directory;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectory(Path directory, FileChannel channel, FileLock lock) {
        this.directory = directory;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * The key that signs this data directory's pagination tokens: generated once (32 random bytes, hex) and kept in
     * {@code page-token.key}, readable by its owner only where the file system allows, so tokens stay valid across
     * restarts and between the server and the commands that use the same directory.
     */
    static String pageTokenKey(Path directory) {
        Path file = directory.resolve("page-token.key");
        try {
            Files.createDirectories(directory);
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new java.security.SecureRandom().nextBytes(random);
                Path tmp = Files.createTempFile(directory, "page-token", ".tmp");
                try {
                    Files.setPosixFilePermissions(
                            tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // the directory's own permissions apply
                }
                Files.writeString(tmp, java.util.HexFormat.of().formatHex(random));
                try {
                    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    Files.deleteIfExists(tmp);
                }
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the page token key in " + file, e);
        }
    }

    /** The endpoints of the stack that holds this directory's lock, if one is running. */
    static Optional<Map<String, String>> endpointsOfRunningStack(Path directory) {
        Path endpoints = directory.resolve(ENDPOINTS);
        if (!Files.exists(endpoints)) {
            return Optional.empty();
        }
        try (FileChannel probe =
                FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock free = probe.tryLock();
            if (free != null) {
                free.release();
                return Optional.empty();
            }
            return Optional.of(Json.MAPPER.readValue(endpoints.toFile(), new TypeReference<Map<String, String>>() {}));
        } catch (OverlappingFileLockException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + endpoints, e);
        }
    }

    static DataDirectory lock(Path directory) {
        try {
            FileChannel channel =
                    FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new IllegalStateException(
                        "another process holds " + directory + "; stop it or use another --data-dir");
            }
            return new DataDirectory(directory, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + directory, e);
        }
    }

    void publish(Map<String, String> endpoints) {
        try {
            Files.write(directory.resolve(ENDPOINTS), Json.writeBytes(endpoints));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(directory.resolve(ENDPOINTS));
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
