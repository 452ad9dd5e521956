package dev.resumescreening.emulators.s3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes the {@code aws-chunked} content encoding used by the AWS SDKs for streaming uploads:
 * {@code hex-size[;chunk-signature=...]\r\n<data>\r\n ... 0[;...]\r\n[trailer-name:value\r\n]*\r\n}.
 * Signatures are ignored; trailing headers are collected and available after end of stream.
 */
final class AwsChunkedInputStream extends InputStream {
    private static final int MAX_LINE = 16 * 1024;

    private final InputStream in;
    private final Map<String, String> trailers = new LinkedHashMap<>();
    private long remaining;
    private boolean needCrlf;
    private boolean eof;

    AwsChunkedInputStream(InputStream in) {
        this.in = in;
    }

    Map<String, String> trailers() {
        return trailers;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (remaining == 0) {
            if (eof) {
                return -1;
            }
            nextChunk();
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw bad("aws-chunked body ended inside a chunk");
        }
        remaining -= n;
        if (remaining == 0) {
            needCrlf = true;
        }
        return n;
    }

    private void nextChunk() throws IOException {
        if (needCrlf) {
            String crlf = readLine();
            if (crlf == null || !crlf.isEmpty()) {
                throw bad("aws-chunked chunk data not followed by CRLF");
            }
            needCrlf = false;
        }
        String header = readLine();
        while (header != null && header.isEmpty()) {
            header = readLine();
        }
        if (header == null) {
            throw bad("aws-chunked body ended before the final chunk");
        }
        int semi = header.indexOf(';');
        String hex = (semi < 0 ? header : header.substring(0, semi)).trim();
        long size;
        try {
            size = Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            throw bad("invalid aws-chunked chunk header");
        }
        if (size < 0) {
            throw bad("invalid aws-chunked chunk size");
        }
        if (size == 0) {
            readTrailers();
            eof = true;
        } else {
            remaining = size;
        }
    }

    private void readTrailers() throws IOException {
        String line;
        while ((line = readLine()) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                trailers.put(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
        }
    }

    /** Reads a line terminated by LF (CR stripped); null at end of stream with nothing read. */
    private String readLine() throws IOException {
        byte[] buf = new byte[128];
        int n = 0;
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (n == 0) {
                    return null;
                }
                break;
            }
            if (c == '\n') {
                break;
            }
            if (n == buf.length) {
                if (n >= MAX_LINE) {
                    throw bad("aws-chunked line too long");
                }
                buf = java.util.Arrays.copyOf(buf, n * 2);
            }
            buf[n++] = (byte) c;
        }
        if (n > 0 && buf[n - 1] == '\r') {
            n--;
        }
        return new String(buf, 0, n, StandardCharsets.ISO_8859_1);
    }

    private static S3Exception bad(String message) {
        return new S3Exception(400, "IncompleteBody", message);
    }
}
