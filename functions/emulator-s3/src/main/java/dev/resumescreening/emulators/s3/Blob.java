package dev.resumescreening.emulators.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Immutable object content, either in memory or in a file that is never modified once written. */
interface Blob {
    long size();

    InputStream open() throws IOException;

    /** The backing file, or null for in-memory content. */
    Path file();

    record Memory(byte[] bytes) implements Blob {
        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public Path file() {
            return null;
        }
    }

    record File(Path file, long size) implements Blob {
        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }
    }
}
