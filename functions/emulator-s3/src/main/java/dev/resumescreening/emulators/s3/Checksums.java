package dev.resumescreening.emulators.s3;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * Verifies the checksums a client sends with an upload ({@code x-amz-checksum-<algorithm>} as a header or as an
 * aws-chunked trailer) against the bytes received, as S3 does: CRC32, CRC32C, SHA-1 and SHA-256. A mismatch is
 * 400 BadDigest; a value that is not the base64 of a digest of the right length, or an algorithm this emulator cannot
 * compute, is 400 InvalidRequest, so nothing unverified is stored as if it had been checked.
 */
final class Checksums {
    static final String PREFIX = "x-amz-checksum-";
    private static final Set<String> NOT_CHECKSUMS =
            Set.of("x-amz-checksum-algorithm", "x-amz-checksum-type", "x-amz-checksum-mode");
    private static final Map<String, String> DISPLAY =
            Map.of("crc32", "CRC32", "crc32c", "CRC32C", "sha1", "SHA1", "sha256", "SHA256");

    private Checksums() {}

    static boolean isChecksumHeader(String lowerName) {
        return lowerName.startsWith(PREFIX) && !NOT_CHECKSUMS.contains(lowerName);
    }

    /** The algorithm of a checksum header name ({@code x-amz-checksum-crc32} -> {@code crc32}), checked. */
    static String algorithm(String lowerHeaderName) {
        String algorithm = lowerHeaderName.substring(PREFIX.length()).toLowerCase(Locale.ROOT);
        if (!DISPLAY.containsKey(algorithm)) {
            throw new S3Exception(
                    400,
                    "InvalidRequest",
                    "The checksum algorithm in " + lowerHeaderName
                            + " is not supported by this emulator (crc32, crc32c, sha1, sha256)");
        }
        return algorithm;
    }

    /** A stream that computes the given algorithms over everything read through it. */
    static final class DigestingInputStream extends FilterInputStream {
        private final Map<String, Object> digests = new LinkedHashMap<>();

        DigestingInputStream(InputStream in, Set<String> algorithms) {
            super(in);
            for (String algorithm : algorithms) {
                digests.put(algorithm, newDigest(algorithm));
            }
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                update(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                update(b, off, n);
            }
            return n;
        }

        @Override
        public long skip(long n) {
            throw new UnsupportedOperationException("a checksummed body is read, not skipped");
        }

        private void update(byte[] b, int off, int len) {
            for (Object digest : digests.values()) {
                if (digest instanceof Checksum checksum) {
                    checksum.update(b, off, len);
                } else {
                    ((MessageDigest) digest).update(b, off, len);
                }
            }
        }

        /** Throws unless every supplied value (header name -> base64) matches what was read. */
        void verify(Map<String, String> supplied) {
            supplied.forEach((header, value) -> {
                String algorithm = algorithm(header);
                Object digest = digests.get(algorithm);
                if (digest == null) {
                    throw new IllegalStateException(algorithm + " was not computed");
                }
                byte[] expected = bytes(digest);
                byte[] given;
                try {
                    given = Base64.getDecoder().decode(value.trim());
                } catch (IllegalArgumentException e) {
                    given = null;
                }
                if (given == null || given.length != expected.length) {
                    throw new S3Exception(400, "InvalidRequest", "Value for " + header + " header is invalid.");
                }
                if (!MessageDigest.isEqual(expected, given)) {
                    throw new S3Exception(
                            400,
                            "BadDigest",
                            "The " + DISPLAY.get(algorithm) + " you specified did not match the calculated checksum.");
                }
            });
        }

        private static byte[] bytes(Object digest) {
            if (digest instanceof Checksum checksum) {
                return ByteBuffer.allocate(4).putInt((int) checksum.getValue()).array();
            }
            return ((MessageDigest) digest).digest();
        }

        private static Object newDigest(String algorithm) {
            try {
                return switch (algorithm) {
                    case "crc32" -> new CRC32();
                    case "crc32c" -> new CRC32C();
                    case "sha1" -> MessageDigest.getInstance("SHA-1");
                    case "sha256" -> MessageDigest.getInstance("SHA-256");
                    default -> throw new IllegalArgumentException(algorithm);
                };
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
