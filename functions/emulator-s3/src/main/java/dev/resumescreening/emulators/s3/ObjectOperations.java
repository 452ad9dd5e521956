package dev.resumescreening.emulators.s3;

import static dev.resumescreening.emulators.s3.ConditionalRequests.evaluateConditions;
import static dev.resumescreening.emulators.s3.ConditionalRequests.parseRange;
import static dev.resumescreening.emulators.s3.S3Encoding.iso;
import static dev.resumescreening.emulators.s3.S3Encoding.quote;
import static dev.resumescreening.emulators.s3.S3Encoding.trimmed;
import static dev.resumescreening.emulators.s3.S3Request.body;
import static dev.resumescreening.emulators.s3.S3Request.copySource;
import static dev.resumescreening.emulators.s3.S3Request.readAll;
import static dev.resumescreening.emulators.s3.S3Request.storedHeaders;
import static dev.resumescreening.emulators.s3.S3Request.userMetadata;
import static dev.resumescreening.emulators.s3.S3Responses.send;
import static dev.resumescreening.emulators.s3.S3Responses.sendXml;

import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.w3c.dom.Element;

/** PutObject, CopyObject, GetObject/HeadObject and DeleteObjects. */
final class ObjectOperations {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private final Storage storage;
    private final BodyStaging bodies;

    ObjectOperations(Storage storage, BodyStaging bodies) {
        this.storage = storage;
        this.bodies = bodies;
    }

    void putObject(S3Request r) throws IOException {
        storage.bucket(r.bucket);
        boolean ifNoneMatchStar = "*".equals(trimmed(r.header("If-None-Match")));
        if (ifNoneMatchStar && storage.bucket(r.bucket).objects.containsKey(r.key)) {
            throw new S3Exception(
                    412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold");
        }
        Map<String, String> checksums = new LinkedHashMap<>();
        Storage.Staged staged = bodies.stageBody(r, checksums);
        Storage.StoredObject o = storage.commit(
                r.bucket,
                r.key,
                staged,
                staged.md5Hex(),
                storedHeaders(r),
                userMetadata(r),
                checksums,
                ifNoneMatchStar);
        Headers h = r.ex.getResponseHeaders();
        h.set("ETag", quote(o.meta().etag()));
        checksums.forEach(h::set);
        send(r.ex, 200);
    }

    void copyObject(S3Request r) throws IOException {
        String[] src = copySource(r);
        storage.bucket(r.bucket);
        Storage.Opened opened = storage.open(src[0], src[1]);
        Storage.Staged staged;
        try (InputStream in = opened.in()) {
            staged = storage.stage(in);
        }
        ObjectMeta sm = opened.object().meta();
        boolean replace = "REPLACE".equalsIgnoreCase(trimmed(r.header("x-amz-metadata-directive")));
        Map<String, String> headers = replace ? storedHeaders(r) : sm.headers();
        Map<String, String> meta = replace ? userMetadata(r) : sm.userMetadata();
        Storage.StoredObject o = storage.commit(
                r.bucket,
                r.key,
                staged,
                staged.md5Hex(),
                headers,
                meta,
                sm.etag().contains("-") ? Map.of() : sm.checksums(),
                false);
        sendXml(
                r.ex,
                200,
                Xml.root("CopyObjectResult")
                        .elem("LastModified", iso(o.meta().lastModified()))
                        .elem("ETag", quote(o.meta().etag()))
                        .close("CopyObjectResult"));
    }

    void getObject(S3Request r, boolean head) throws IOException {
        Storage.StoredObject o;
        InputStream in = null;
        if (head) {
            o = storage.get(r.bucket, r.key);
        } else {
            Storage.Opened opened = storage.open(r.bucket, r.key);
            o = opened.object();
            in = opened.in();
        }
        try {
            ObjectMeta m = o.meta();
            Headers h = r.ex.getResponseHeaders();
            String etag = quote(m.etag());
            long lastModSec = m.lastModified() / 1000;
            h.set("ETag", etag);
            h.set("Last-Modified", HTTP_DATE.format(Instant.ofEpochSecond(lastModSec)));

            Integer conditional = evaluateConditions(r, m.etag(), lastModSec);
            if (conditional != null) {
                if (conditional == 412) {
                    throw new S3Exception(
                            412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold");
                }
                send(r.ex, 304);
                return;
            }

            h.set("Accept-Ranges", "bytes");
            m.headers().forEach(h::set);
            if (!m.headers().containsKey("Content-Type")) {
                h.set("Content-Type", "binary/octet-stream");
            }
            m.userMetadata().forEach((k, v) -> h.set("x-amz-meta-" + k, v));
            overrideHeader(r, h, "response-content-type", "Content-Type");
            overrideHeader(r, h, "response-content-language", "Content-Language");
            overrideHeader(r, h, "response-expires", "Expires");
            overrideHeader(r, h, "response-cache-control", "Cache-Control");
            overrideHeader(r, h, "response-content-disposition", "Content-Disposition");
            overrideHeader(r, h, "response-content-encoding", "Content-Encoding");

            long size = m.size();
            long start = 0;
            long end = size - 1;
            int status = 200;
            long[] range = parseRange(r.header("Range"), size);
            if (range != null) {
                start = range[0];
                end = range[1];
                status = 206;
                h.set("Content-Range", "bytes " + start + "-" + end + "/" + size);
            } else if ("ENABLED".equalsIgnoreCase(trimmed(r.header("x-amz-checksum-mode")))) {
                m.checksums().forEach(h::set);
            }
            long length = end - start + 1;
            if (head) {
                h.set("Content-Length", Long.toString(length));
                r.ex.sendResponseHeaders(status, -1);
                return;
            }
            r.ex.sendResponseHeaders(status, length == 0 ? -1 : length);
            if (length > 0) {
                in.skipNBytes(start);
                OutputStream out = r.ex.getResponseBody();
                byte[] buf = new byte[64 * 1024];
                long left = length;
                while (left > 0) {
                    int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                    if (n < 0) {
                        throw new IOException("object content shorter than recorded size");
                    }
                    out.write(buf, 0, n);
                    left -= n;
                }
                out.flush();
            }
        } finally {
            if (in != null) {
                in.close();
            }
        }
    }

    void deleteObjects(S3Request r) throws IOException {
        storage.bucket(r.bucket);
        Element root = Xml.parse(readAll(body(r)));
        if (!"Delete".equals(Xml.name(root))) {
            throw S3Exception.malformedXml();
        }
        boolean quiet = "true".equalsIgnoreCase(trimmed(Xml.childText(root, "Quiet")));
        List<Element> objects = Xml.children(root, "Object");
        if (objects.isEmpty() || objects.size() > 1000) {
            throw S3Exception.malformedXml();
        }
        Xml x = Xml.root("DeleteResult");
        for (Element o : objects) {
            String key = Xml.childText(o, "Key");
            if (key == null) {
                throw S3Exception.malformedXml();
            }
            try {
                storage.delete(r.bucket, key);
                if (!quiet) {
                    x.open("Deleted").elem("Key", key).close("Deleted");
                }
            } catch (S3Exception | IOException e) {
                String code = e instanceof S3Exception s ? s.code : "InternalError";
                x.open("Error")
                        .elem("Key", key)
                        .elem("Code", code)
                        .elem("Message", e.getMessage())
                        .close("Error");
            }
        }
        sendXml(r.ex, 200, x.close("DeleteResult"));
    }

    private static void overrideHeader(S3Request r, Headers h, String param, String header) {
        String v = r.query.get(param);
        if (v != null) {
            h.set(header, v);
        }
    }
}
