package dev.resumescreening.emulators.s3;

import static dev.resumescreening.emulators.s3.S3Encoding.decode;
import static dev.resumescreening.emulators.s3.S3Encoding.parseQuery;

import com.sun.net.httpserver.HttpExchange;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One path-style request: method, bucket, key and query, and what its headers and body carry. */
final class S3Request {
    /** Request headers stored with an object and returned on GET/HEAD. */
    private static final List<String> STORED_HEADERS = List.of(
            "Content-Type", "Content-Encoding", "Content-Disposition", "Content-Language", "Cache-Control", "Expires");

    final HttpExchange ex;
    final String method;
    final String bucket;
    final String key;
    final Map<String, String> query;
    final String resource;

    S3Request(HttpExchange ex) {
        this.ex = ex;
        this.method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        String rawPath = ex.getRequestURI().getRawPath();
        if (rawPath == null || rawPath.isEmpty()) {
            rawPath = "/";
        }
        String p = rawPath.substring(1);
        int slash = p.indexOf('/');
        this.bucket = decode(slash < 0 ? p : p.substring(0, slash), false);
        String k = slash < 0 ? null : decode(p.substring(slash + 1), false);
        this.key = k == null || k.isEmpty() ? null : k;
        this.query = parseQuery(ex.getRequestURI().getRawQuery());
        this.resource = "/" + bucket + (key == null ? "" : "/" + key);
    }

    String header(String name) {
        return ex.getRequestHeaders().getFirst(name);
    }

    /** The request body with aws-chunked framing removed when present. */
    static InputStream body(S3Request r) {
        InputStream in = new BufferedInputStream(r.ex.getRequestBody(), 64 * 1024);
        String sha = r.header("x-amz-content-sha256");
        String ce = r.header("Content-Encoding");
        boolean chunked = (sha != null && sha.trim().startsWith("STREAMING-"))
                || (ce != null && ce.toLowerCase(Locale.ROOT).contains("aws-chunked"));
        return chunked ? new AwsChunkedInputStream(in) : in;
    }

    static Map<String, String> storedHeaders(S3Request r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : STORED_HEADERS) {
            String v = r.header(name);
            if (v == null) {
                continue;
            }
            if (name.equals("Content-Encoding")) {
                StringBuilder sb = new StringBuilder();
                for (String token : v.split(",")) {
                    String t = token.trim();
                    if (!t.isEmpty() && !t.equalsIgnoreCase("aws-chunked")) {
                        sb.append(sb.length() == 0 ? "" : ",").append(t);
                    }
                }
                if (sb.length() == 0) {
                    continue;
                }
                v = sb.toString();
            }
            out.put(name, v);
        }
        if (!out.containsKey("Content-Type")) {
            out.put("Content-Type", "binary/octet-stream");
        }
        return out;
    }

    static Map<String, String> userMetadata(S3Request r) {
        Map<String, String> out = new LinkedHashMap<>();
        r.ex.getRequestHeaders().forEach((name, values) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.startsWith("x-amz-meta-") && n.length() > 11 && !values.isEmpty()) {
                out.put(n.substring(11), String.join(",", values));
            }
        });
        return out;
    }

    /** Returns {bucket, key} of x-amz-copy-source. */
    static String[] copySource(S3Request r) {
        String raw = r.header("x-amz-copy-source").trim();
        int qm = raw.indexOf('?');
        if (qm >= 0) {
            raw = raw.substring(0, qm);
        }
        String s = decode(raw, false);
        if (s.startsWith("/")) {
            s = s.substring(1);
        }
        int slash = s.indexOf('/');
        if (slash <= 0 || slash == s.length() - 1) {
            throw new S3Exception(400, "InvalidArgument", "Invalid copy source object key");
        }
        return new String[] {s.substring(0, slash), s.substring(slash + 1)};
    }

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
