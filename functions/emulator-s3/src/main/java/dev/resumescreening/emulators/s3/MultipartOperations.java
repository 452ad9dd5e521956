package dev.resumescreening.emulators.s3;

import static dev.resumescreening.emulators.s3.ConditionalRequests.parseRange;
import static dev.resumescreening.emulators.s3.S3Encoding.encodePath;
import static dev.resumescreening.emulators.s3.S3Encoding.iso;
import static dev.resumescreening.emulators.s3.S3Encoding.quote;
import static dev.resumescreening.emulators.s3.S3Encoding.trimmed;
import static dev.resumescreening.emulators.s3.S3Encoding.unquote;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/** CreateMultipartUpload, UploadPart (and UploadPartCopy), CompleteMultipartUpload and AbortMultipartUpload. */
final class MultipartOperations {
    private final Storage storage;
    private final BodyStaging bodies;

    MultipartOperations(Storage storage, BodyStaging bodies) {
        this.storage = storage;
        this.bodies = bodies;
    }

    void createUpload(S3Request r) throws IOException {
        readAll(body(r));
        Storage.Upload u = storage.createUpload(r.bucket, r.key, storedHeaders(r), userMetadata(r));
        String algorithm = r.header("x-amz-checksum-algorithm");
        if (algorithm != null) {
            r.ex.getResponseHeaders().set("x-amz-checksum-algorithm", algorithm);
        }
        sendXml(
                r.ex,
                200,
                Xml.root("InitiateMultipartUploadResult")
                        .elem("Bucket", r.bucket)
                        .elem("Key", r.key)
                        .elem("UploadId", u.id)
                        .close("InitiateMultipartUploadResult"));
    }

    void uploadPart(S3Request r) throws IOException {
        int partNumber = partNumber(r.query.get("partNumber"));
        storage.bucket(r.bucket);
        Storage.Upload u = storage.upload(r.bucket, r.key, r.query.get("uploadId"));
        Map<String, String> checksums = new LinkedHashMap<>();
        Storage.Staged staged;
        String copySource = r.header("x-amz-copy-source");
        if (copySource != null) {
            String[] src = copySource(r);
            Storage.Opened opened = storage.open(src[0], src[1]);
            long size = opened.object().meta().size();
            long[] range = null;
            String rangeHeader = r.header("x-amz-copy-source-range");
            if (rangeHeader != null) {
                range = parseRange(rangeHeader, size);
                if (range == null) {
                    opened.in().close();
                    throw S3Exception.invalidArgument(
                            "The x-amz-copy-source-range value must be of the form bytes=first-last");
                }
            }
            try (InputStream in = opened.in()) {
                if (range != null) {
                    in.skipNBytes(range[0]);
                    staged = storage.stage(new BoundedInputStream(in, range[1] - range[0] + 1));
                } else {
                    staged = storage.stage(in);
                }
            }
        } else {
            staged = bodies.stageBody(r, checksums);
        }
        storage.putPart(u, partNumber, staged, checksums);
        if (copySource != null) {
            sendXml(
                    r.ex,
                    200,
                    Xml.root("CopyPartResult")
                            .elem("LastModified", iso(System.currentTimeMillis()))
                            .elem("ETag", quote(staged.md5Hex()))
                            .close("CopyPartResult"));
            return;
        }
        Headers h = r.ex.getResponseHeaders();
        h.set("ETag", quote(staged.md5Hex()));
        checksums.forEach(h::set);
        send(r.ex, 200);
    }

    private static int partNumber(String s) {
        try {
            int n = Integer.parseInt(s);
            if (n >= 1 && n <= 10000) {
                return n;
            }
        } catch (NumberFormatException | NullPointerException ignored) {
            // fall through
        }
        throw S3Exception.invalidArgument("Part number must be an integer between 1 and 10000, inclusive");
    }

    void completeUpload(S3Request r) throws IOException {
        storage.bucket(r.bucket);
        Storage.Upload u = storage.upload(r.bucket, r.key, r.query.get("uploadId"));
        Element root = Xml.parse(readAll(body(r)));
        if (!"CompleteMultipartUpload".equals(Xml.name(root))) {
            throw S3Exception.malformedXml();
        }
        List<Element> partElements = Xml.children(root, "Part");
        if (partElements.isEmpty()) {
            throw S3Exception.malformedXml();
        }
        List<Storage.Part> parts = new ArrayList<>();
        int previous = 0;
        for (Element pe : partElements) {
            int number;
            try {
                number = Integer.parseInt(trimmed(Xml.childText(pe, "PartNumber")));
            } catch (NumberFormatException | NullPointerException e) {
                throw S3Exception.malformedXml();
            }
            if (number <= previous) {
                throw new S3Exception(
                        400,
                        "InvalidPartOrder",
                        "The list of parts was not in ascending order. The parts list must be specified in order by part number.");
            }
            previous = number;
            Storage.Part p = u.parts.get(number);
            String etag = Xml.childText(pe, "ETag");
            if (p == null
                    || (etag != null && !unquote(etag.trim()).equals(p.data().md5Hex()))) {
                throw new S3Exception(
                        400,
                        "InvalidPart",
                        "One or more of the specified parts could not be found. The part may not have been uploaded, "
                                + "or the specified entity tag may not match the part's entity tag.");
            }
            parts.add(p);
        }
        Storage.StoredObject o = storage.complete(u, parts);
        String host = r.header("Host");
        String location = "http://" + (host == null ? "localhost" : host) + "/" + r.bucket + "/" + encodePath(r.key);
        sendXml(
                r.ex,
                200,
                Xml.root("CompleteMultipartUploadResult")
                        .elem("Location", location)
                        .elem("Bucket", r.bucket)
                        .elem("Key", r.key)
                        .elem("ETag", quote(o.meta().etag()))
                        .close("CompleteMultipartUploadResult"));
    }

    void abortUpload(S3Request r) throws IOException {
        storage.bucket(r.bucket);
        storage.abort(storage.upload(r.bucket, r.key, r.query.get("uploadId")));
        send(r.ex, 204);
    }

    /** Limits a stream to n bytes. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedInputStream(InputStream in, long n) {
            this.in = in;
            this.left = n;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int c = in.read();
            if (c >= 0) {
                left--;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
