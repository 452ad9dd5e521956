package dev.resumescreening.emulators.s3;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.w3c.dom.Element;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Routes path-style S3 REST requests to {@link Storage}. */
final class S3Handler implements HttpHandler {
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.US).withZone(ZoneOffset.UTC);
    private static final String OWNER_ID = "75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a";
    private static final String REGION = "us-east-1";
    /** S3's version id of an object stored while versioning was never enabled. */
    private static final String NULL_VERSION = "null";

    /** Request headers stored with an object and returned on GET/HEAD. */
    private static final List<String> STORED_HEADERS = List.of(
            "Content-Type", "Content-Encoding", "Content-Disposition", "Content-Language", "Cache-Control", "Expires");
    private static final Set<String> UNSUPPORTED_BUCKET_SUBRESOURCES = Set.of(
            "acl", "policy", "policyStatus", "versioning", "uploads", "tagging", "cors", "lifecycle",
            "logging", "notification", "replication", "website", "encryption", "ownershipControls",
            "publicAccessBlock", "object-lock", "accelerate", "requestPayment", "analytics", "inventory",
            "metrics", "intelligent-tiering");
    private static final Set<String> UNSUPPORTED_OBJECT_SUBRESOURCES = Set.of(
            "acl", "tagging", "attributes", "retention", "legal-hold", "torrent", "restore", "select");

    private final Storage storage;

    S3Handler(Storage storage) {
        this.storage = storage;
    }

    /** Per-request state. */
    private static final class Req {
        final HttpExchange ex;
        final String method;
        final String bucket;
        final String key;
        final Map<String, String> query;
        final String resource;

        Req(HttpExchange ex) {
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
    }

    @Override
    public void handle(HttpExchange ex) {
        String requestId = Long.toHexString(ThreadLocalRandom.current().nextLong()).toUpperCase(Locale.ROOT);
        Req req = null;
        try {
            ex.getResponseHeaders().set("x-amz-request-id", requestId);
            ex.getResponseHeaders().set("x-amz-id-2", requestId);
            ex.getResponseHeaders().set("Server", "S3Emulator");
            req = new Req(ex);
            route(req);
        } catch (S3Exception e) {
            sendError(ex, e.status, e.code, e.getMessage(), req == null ? null : req.resource, requestId);
        } catch (Throwable t) {
            sendError(ex, 500, "InternalError", "We encountered an internal error: " + t,
                    req == null ? null : req.resource, requestId);
        } finally {
            ex.close();
        }
    }

    private void route(Req r) throws IOException {
        Map<String, String> q = r.query;
        if (r.bucket.isEmpty()) {
            if (r.method.equals("GET")) {
                listBuckets(r);
                return;
            }
            throw new S3Exception(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
        }
        if (r.key == null) {
            switch (r.method) {
                case "PUT" -> {
                    if (!q.isEmpty()) {
                        throw S3Exception.notImplemented();
                    }
                    createBucket(r);
                }
                case "HEAD" -> headBucket(r);
                case "DELETE" -> {
                    if (!q.isEmpty()) {
                        throw S3Exception.notImplemented();
                    }
                    deleteBucket(r);
                }
                case "GET" -> {
                    if (q.containsKey("location")) {
                        getBucketLocation(r);
                    } else if (q.containsKey("versions")) {
                        listVersions(r);
                    } else if (q.keySet().stream().anyMatch(UNSUPPORTED_BUCKET_SUBRESOURCES::contains)) {
                        throw S3Exception.notImplemented();
                    } else {
                        listObjects(r, "2".equals(q.get("list-type")));
                    }
                }
                case "POST" -> {
                    if (q.containsKey("delete")) {
                        deleteObjects(r);
                    } else {
                        throw S3Exception.notImplemented();
                    }
                }
                default -> throw new S3Exception(405, "MethodNotAllowed",
                        "The specified method is not allowed against this resource.");
            }
            return;
        }
        if (q.keySet().stream().anyMatch(UNSUPPORTED_OBJECT_SUBRESOURCES::contains)) {
            throw S3Exception.notImplemented();
        }
        switch (r.method) {
            case "PUT" -> {
                if (q.containsKey("uploadId")) {
                    uploadPart(r);
                } else if (r.header("x-amz-copy-source") != null) {
                    copyObject(r);
                } else {
                    putObject(r);
                }
            }
            case "GET" -> {
                if (q.containsKey("uploadId")) {
                    throw S3Exception.notImplemented();
                }
                getObject(r, false);
            }
            case "HEAD" -> getObject(r, true);
            case "DELETE" -> {
                if (q.containsKey("uploadId")) {
                    abortUpload(r);
                } else {
                    requireNullVersion(q.get("versionId"));
                    storage.delete(r.bucket, r.key);
                    send(r.ex, 204);
                }
            }
            case "POST" -> {
                if (q.containsKey("uploads")) {
                    createUpload(r);
                } else if (q.containsKey("uploadId")) {
                    completeUpload(r);
                } else {
                    throw S3Exception.notImplemented();
                }
            }
            default -> throw new S3Exception(405, "MethodNotAllowed",
                    "The specified method is not allowed against this resource.");
        }
    }

    // ---------------------------------------------------------------- buckets

    private void listBuckets(Req r) throws IOException {
        String prefix = r.query.getOrDefault("prefix", "");
        Xml x = Xml.root("ListAllMyBucketsResult")
                .open("Owner").elem("ID", OWNER_ID).elem("DisplayName", "emulator").close("Owner")
                .open("Buckets");
        for (Storage.Bucket b : storage.buckets()) {
            if (b.name.startsWith(prefix)) {
                x.open("Bucket").elem("Name", b.name).elem("CreationDate", iso(b.created))
                        .elem("BucketRegion", REGION).close("Bucket");
            }
        }
        x.close("Buckets");
        if (!prefix.isEmpty()) {
            x.elem("Prefix", prefix);
        }
        sendXml(r.ex, 200, x.close("ListAllMyBucketsResult"));
    }

    private void createBucket(Req r) throws IOException {
        readAll(body(r)); // optional CreateBucketConfiguration; the region is not tracked
        storage.createBucket(r.bucket);
        r.ex.getResponseHeaders().set("Location", "/" + r.bucket);
        send(r.ex, 200);
    }

    private void headBucket(Req r) throws IOException {
        storage.bucket(r.bucket);
        r.ex.getResponseHeaders().set("x-amz-bucket-region", REGION);
        send(r.ex, 200);
    }

    private void deleteBucket(Req r) throws IOException {
        storage.deleteBucket(r.bucket);
        send(r.ex, 204);
    }

    private void getBucketLocation(Req r) throws IOException {
        storage.bucket(r.bucket);
        sendXml(r.ex, 200, Xml.root("LocationConstraint").close("LocationConstraint"));
    }

    // ---------------------------------------------------------------- listing

    private void listObjects(Req r, boolean v2) throws IOException {
        Storage.Bucket b = storage.bucket(r.bucket);
        Map<String, String> q = r.query;
        String prefix = q.getOrDefault("prefix", "");
        String delimiter = q.get("delimiter");
        if (delimiter != null && delimiter.isEmpty()) {
            delimiter = null;
        }
        int maxKeys = 1000;
        if (q.containsKey("max-keys")) {
            try {
                maxKeys = Integer.parseInt(q.get("max-keys"));
            } catch (NumberFormatException e) {
                throw S3Exception.invalidArgument("Provided max-keys not an integer or within integer range");
            }
            if (maxKeys < 0) {
                throw S3Exception.invalidArgument("Argument maxKeys must be an integer between 0 and 2147483647");
            }
            maxKeys = Math.min(maxKeys, 1000);
        }
        boolean urlEncode = "url".equals(q.get("encoding-type"));
        if (q.containsKey("encoding-type") && !urlEncode) {
            throw S3Exception.invalidArgument("Invalid Encoding Method specified in Request");
        }

        String start = null;
        boolean startIsPrefix = false;
        String token = q.get("continuation-token");
        String startAfter = q.get("start-after");
        String marker = q.get("marker");
        if (v2 && token != null) {
            String decoded;
            try {
                decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decoded = "";
            }
            if (decoded.length() < 1 || (decoded.charAt(0) != 'K' && decoded.charAt(0) != 'P')) {
                throw S3Exception.invalidArgument("The continuation token provided is incorrect");
            }
            start = decoded.substring(1);
            startIsPrefix = decoded.charAt(0) == 'P';
        } else if (v2 && startAfter != null && !startAfter.isEmpty()) {
            start = startAfter;
        } else if (!v2 && marker != null && !marker.isEmpty()) {
            start = marker;
            startIsPrefix = delimiter != null && marker.startsWith(prefix) && marker.endsWith(delimiter)
                    && marker.length() > prefix.length();
        }

        List<Storage.StoredObject> contents = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        boolean truncated = false;
        String last = null;
        boolean lastIsPrefix = false;
        if (maxKeys > 0) {
            NavigableMap<String, Storage.StoredObject> view = (start != null && Storage.compareKeys(start, prefix) >= 0)
                    ? b.objects.tailMap(start, false)
                    : b.objects.tailMap(prefix, true);
            String lastPrefix = null;
            int count = 0;
            for (Map.Entry<String, Storage.StoredObject> e : view.entrySet()) {
                String k = e.getKey();
                if (!k.startsWith(prefix)) {
                    break;
                }
                if (startIsPrefix && k.startsWith(start)) {
                    continue;
                }
                String cp = null;
                if (delimiter != null) {
                    int i = k.indexOf(delimiter, prefix.length());
                    if (i >= 0) {
                        cp = k.substring(0, i + delimiter.length());
                    }
                }
                if (cp != null && cp.equals(lastPrefix)) {
                    continue;
                }
                if (count == maxKeys) {
                    truncated = true;
                    break;
                }
                count++;
                if (cp != null) {
                    prefixes.add(cp);
                    lastPrefix = cp;
                    last = cp;
                    lastIsPrefix = true;
                } else {
                    contents.add(e.getValue());
                    last = k;
                    lastIsPrefix = false;
                }
            }
        }

        Xml x = Xml.root("ListBucketResult").elem("Name", r.bucket).elem("Prefix", enc(prefix, urlEncode));
        if (v2) {
            if (token != null) {
                x.elem("ContinuationToken", token);
            }
            if (startAfter != null) {
                x.elem("StartAfter", enc(startAfter, urlEncode));
            }
            x.elem("KeyCount", contents.size() + prefixes.size());
        } else {
            x.elem("Marker", enc(marker == null ? "" : marker, urlEncode));
        }
        x.elem("MaxKeys", maxKeys);
        if (delimiter != null) {
            x.elem("Delimiter", enc(delimiter, urlEncode));
        }
        if (urlEncode) {
            x.elem("EncodingType", "url");
        }
        x.elem("IsTruncated", truncated);
        if (truncated) {
            if (v2) {
                x.elem("NextContinuationToken", Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(((lastIsPrefix ? "P" : "K") + last).getBytes(StandardCharsets.UTF_8)));
            } else {
                x.elem("NextMarker", enc(last, urlEncode));
            }
        }
        boolean fetchOwner = !v2 || "true".equals(q.get("fetch-owner"));
        for (Storage.StoredObject o : contents) {
            ObjectMeta m = o.meta();
            x.open("Contents").elem("Key", enc(m.key(), urlEncode)).elem("LastModified", iso(m.lastModified()))
                    .elem("ETag", quote(m.etag())).elem("Size", m.size());
            if (fetchOwner) {
                x.open("Owner").elem("ID", OWNER_ID).elem("DisplayName", "emulator").close("Owner");
            }
            x.elem("StorageClass", "STANDARD").close("Contents");
        }
        for (String p : prefixes) {
            x.open("CommonPrefixes").elem("Prefix", enc(p, urlEncode)).close("CommonPrefixes");
        }
        sendXml(r.ex, 200, x.close("ListBucketResult"));
    }

    /**
     * ListObjectVersions of a bucket that was never versioned, as S3 answers it: each object is its only version,
     * with version id "null". Paginated by key marker; delimiters are not supported.
     */
    private void listVersions(Req r) throws IOException {
        Storage.Bucket b = storage.bucket(r.bucket);
        Map<String, String> q = r.query;
        if (q.containsKey("delimiter")) {
            throw S3Exception.notImplemented();
        }
        String prefix = q.getOrDefault("prefix", "");
        String keyMarker = q.get("key-marker");
        int maxKeys = 1000;
        if (q.containsKey("max-keys")) {
            try {
                maxKeys = Math.min(Math.max(Integer.parseInt(q.get("max-keys")), 0), 1000);
            } catch (NumberFormatException e) {
                throw S3Exception.invalidArgument("Provided max-keys not an integer or within integer range");
            }
        }
        NavigableMap<String, Storage.StoredObject> view = keyMarker != null && !keyMarker.isEmpty()
                && Storage.compareKeys(keyMarker, prefix) >= 0
                ? b.objects.tailMap(keyMarker, false) : b.objects.tailMap(prefix, true);
        List<ObjectMeta> versions = new ArrayList<>();
        boolean truncated = false;
        for (Map.Entry<String, Storage.StoredObject> e : view.entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            if (versions.size() == maxKeys) {
                truncated = true;
                break;
            }
            versions.add(e.getValue().meta());
        }
        Xml x = Xml.root("ListVersionsResult").elem("Name", r.bucket).elem("Prefix", prefix)
                .elem("KeyMarker", keyMarker == null ? "" : keyMarker).elem("VersionIdMarker", "")
                .elem("MaxKeys", maxKeys).elem("IsTruncated", truncated);
        if (truncated) {
            x.elem("NextKeyMarker", versions.get(versions.size() - 1).key()).elem("NextVersionIdMarker", NULL_VERSION);
        }
        for (ObjectMeta m : versions) {
            x.open("Version").elem("Key", m.key()).elem("VersionId", NULL_VERSION).elem("IsLatest", true)
                    .elem("LastModified", iso(m.lastModified())).elem("ETag", quote(m.etag())).elem("Size", m.size())
                    .elem("StorageClass", "STANDARD").close("Version");
        }
        sendXml(r.ex, 200, x.close("ListVersionsResult"));
    }

    /** The only version id an object of a never-versioned bucket has. */
    private static void requireNullVersion(String versionId) {
        if (versionId != null && !versionId.equals(NULL_VERSION)) {
            throw S3Exception.invalidArgument("Invalid version id specified");
        }
    }

    // ---------------------------------------------------------------- objects

    private void putObject(Req r) throws IOException {
        storage.bucket(r.bucket);
        boolean ifNoneMatchStar = "*".equals(trimmed(r.header("If-None-Match")));
        if (ifNoneMatchStar && storage.bucket(r.bucket).objects.containsKey(r.key)) {
            throw new S3Exception(412, "PreconditionFailed",
                    "At least one of the pre-conditions you specified did not hold");
        }
        Map<String, String> checksums = new LinkedHashMap<>();
        Storage.Staged staged = stageBody(r, checksums);
        Storage.StoredObject o = storage.commit(r.bucket, r.key, staged, staged.md5Hex(), storedHeaders(r),
                userMetadata(r), checksums, ifNoneMatchStar);
        Headers h = r.ex.getResponseHeaders();
        h.set("ETag", quote(o.meta().etag()));
        checksums.forEach(h::set);
        send(r.ex, 200);
    }

    private void copyObject(Req r) throws IOException {
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
        Storage.StoredObject o = storage.commit(r.bucket, r.key, staged, staged.md5Hex(), headers, meta,
                sm.etag().contains("-") ? Map.of() : sm.checksums(), false);
        sendXml(r.ex, 200, Xml.root("CopyObjectResult").elem("LastModified", iso(o.meta().lastModified()))
                .elem("ETag", quote(o.meta().etag())).close("CopyObjectResult"));
    }

    /** Returns {bucket, key} of x-amz-copy-source. */
    private static String[] copySource(Req r) {
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
        return new String[]{s.substring(0, slash), s.substring(slash + 1)};
    }

    private void getObject(Req r, boolean head) throws IOException {
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
                    throw new S3Exception(412, "PreconditionFailed",
                            "At least one of the pre-conditions you specified did not hold");
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

    /** Returns null to proceed, 304 or 412. */
    private static Integer evaluateConditions(Req r, String etag, long lastModSec) {
        String ifMatch = r.header("If-Match");
        String ifNoneMatch = r.header("If-None-Match");
        Long ifModifiedSince = parseHttpDate(r.header("If-Modified-Since"));
        Long ifUnmodifiedSince = parseHttpDate(r.header("If-Unmodified-Since"));
        if (ifMatch != null) {
            if (!etagMatches(ifMatch, etag)) {
                return 412;
            }
        } else if (ifUnmodifiedSince != null && lastModSec > ifUnmodifiedSince) {
            return 412;
        }
        if (ifNoneMatch != null) {
            if (etagMatches(ifNoneMatch, etag)) {
                return 304;
            }
        } else if (ifModifiedSince != null && lastModSec <= ifModifiedSince) {
            return 304;
        }
        return null;
    }

    private static boolean etagMatches(String header, String etag) {
        for (String part : header.split(",")) {
            String t = part.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || unquote(t).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static Long parseHttpDate(String s) {
        if (s == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(s.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Returns {start, end} inclusive, null to serve the whole object; throws InvalidRange if unsatisfiable. */
    private static long[] parseRange(String header, long size) {
        if (header == null) {
            return null;
        }
        String hv = header.trim();
        if (!hv.regionMatches(true, 0, "bytes=", 0, 6) || hv.indexOf(',') >= 0) {
            return null;
        }
        String spec = hv.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        String a = spec.substring(0, dash).trim();
        String b = spec.substring(dash + 1).trim();
        long start;
        long end;
        try {
            if (a.isEmpty()) {
                if (b.isEmpty()) {
                    return null;
                }
                long n = Long.parseLong(b);
                if (n <= 0 || size == 0) {
                    throw invalidRange(size);
                }
                start = Math.max(0, size - n);
                end = size - 1;
            } else {
                start = Long.parseLong(a);
                end = b.isEmpty() ? size - 1 : Long.parseLong(b);
                if (start < 0 || end < start) {
                    return null;
                }
                if (start >= size) {
                    throw invalidRange(size);
                }
                end = Math.min(end, size - 1);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return new long[]{start, end};
    }

    private static S3Exception invalidRange(long size) {
        return new S3Exception(416, "InvalidRange", "The requested range is not satisfiable");
    }

    private void deleteObjects(Req r) throws IOException {
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
                x.open("Error").elem("Key", key).elem("Code", code).elem("Message", e.getMessage()).close("Error");
            }
        }
        sendXml(r.ex, 200, x.close("DeleteResult"));
    }

    // ---------------------------------------------------------------- multipart

    private void createUpload(Req r) throws IOException {
        readAll(body(r));
        Storage.Upload u = storage.createUpload(r.bucket, r.key, storedHeaders(r), userMetadata(r));
        String algorithm = r.header("x-amz-checksum-algorithm");
        if (algorithm != null) {
            r.ex.getResponseHeaders().set("x-amz-checksum-algorithm", algorithm);
        }
        sendXml(r.ex, 200, Xml.root("InitiateMultipartUploadResult").elem("Bucket", r.bucket)
                .elem("Key", r.key).elem("UploadId", u.id).close("InitiateMultipartUploadResult"));
    }

    private void uploadPart(Req r) throws IOException {
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
                    throw S3Exception.invalidArgument("The x-amz-copy-source-range value must be of the form bytes=first-last");
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
            staged = stageBody(r, checksums);
        }
        storage.putPart(u, partNumber, staged, checksums);
        if (copySource != null) {
            sendXml(r.ex, 200, Xml.root("CopyPartResult").elem("LastModified", iso(System.currentTimeMillis()))
                    .elem("ETag", quote(staged.md5Hex())).close("CopyPartResult"));
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

    private void completeUpload(Req r) throws IOException {
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
                throw new S3Exception(400, "InvalidPartOrder",
                        "The list of parts was not in ascending order. The parts list must be specified in order by part number.");
            }
            previous = number;
            Storage.Part p = u.parts.get(number);
            String etag = Xml.childText(pe, "ETag");
            if (p == null || (etag != null && !unquote(etag.trim()).equals(p.data().md5Hex()))) {
                throw new S3Exception(400, "InvalidPart",
                        "One or more of the specified parts could not be found. The part may not have been uploaded, "
                                + "or the specified entity tag may not match the part's entity tag.");
            }
            parts.add(p);
        }
        Storage.StoredObject o = storage.complete(u, parts);
        String host = r.header("Host");
        String location = "http://" + (host == null ? "localhost" : host) + "/" + r.bucket + "/" + encodePath(r.key);
        sendXml(r.ex, 200, Xml.root("CompleteMultipartUploadResult").elem("Location", location)
                .elem("Bucket", r.bucket).elem("Key", r.key).elem("ETag", quote(o.meta().etag()))
                .close("CompleteMultipartUploadResult"));
    }

    private void abortUpload(Req r) throws IOException {
        storage.bucket(r.bucket);
        storage.abort(storage.upload(r.bucket, r.key, r.query.get("uploadId")));
        send(r.ex, 204);
    }

    // ---------------------------------------------------------------- request helpers

    /** The request body with aws-chunked framing removed when present. */
    private static InputStream body(Req r) {
        InputStream in = new BufferedInputStream(r.ex.getRequestBody(), 64 * 1024);
        String sha = r.header("x-amz-content-sha256");
        String ce = r.header("Content-Encoding");
        boolean chunked = (sha != null && sha.trim().startsWith("STREAMING-"))
                || (ce != null && ce.toLowerCase(Locale.ROOT).contains("aws-chunked"));
        return chunked ? new AwsChunkedInputStream(in) : in;
    }

    /**
     * Stages the request body; fills checksums from headers and aws-chunked trailers and verifies each against the
     * bytes received (400 BadDigest on a mismatch), as S3 does.
     */
    private Storage.Staged stageBody(Req r, Map<String, String> checksums) throws IOException {
        r.ex.getRequestHeaders().forEach((name, values) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (Checksums.isChecksumHeader(n) && !values.isEmpty()) {
                checksums.put(n, values.get(0));
            }
        });
        Set<String> algorithms = new LinkedHashSet<>();
        checksums.keySet().forEach(n -> algorithms.add(Checksums.algorithm(n)));
        List<String> declaredTrailers = new ArrayList<>();
        String trailerHeader = r.header("x-amz-trailer");
        if (trailerHeader != null) {
            for (String trailer : trailerHeader.split(",")) {
                String n = trailer.trim().toLowerCase(Locale.ROOT);
                if (Checksums.isChecksumHeader(n)) {
                    algorithms.add(Checksums.algorithm(n));
                    declaredTrailers.add(n);
                }
            }
        }
        InputStream in = body(r);
        Checksums.DigestingInputStream digesting = new Checksums.DigestingInputStream(in, algorithms);
        Storage.Staged staged = storage.stage(digesting);
        try {
            if (in instanceof AwsChunkedInputStream chunked) {
                chunked.trailers().forEach((n, v) -> {
                    if (Checksums.isChecksumHeader(n)) {
                        if (!declaredTrailers.contains(n)) {
                            throw new S3Exception(400, "InvalidRequest",
                                    "The trailer " + n + " was not declared in x-amz-trailer");
                        }
                        checksums.put(n, v);
                    }
                });
            }
            for (String declared : declaredTrailers) {
                if (!checksums.containsKey(declared)) {
                    throw new S3Exception(400, "IncompleteBody", "The declared trailer " + declared + " was not sent");
                }
            }
            digesting.verify(checksums);
            String decoded = r.header("x-amz-decoded-content-length");
            if (decoded != null && in instanceof AwsChunkedInputStream) {
                try {
                    if (Long.parseLong(decoded.trim()) != staged.size()) {
                        throw new S3Exception(400, "IncompleteBody",
                                "You did not provide the number of bytes specified by the x-amz-decoded-content-length header");
                    }
                } catch (NumberFormatException ignored) {
                    // not checked
                }
            }
        } catch (S3Exception e) {
            storage.discard(staged);
            throw e;
        }
        return staged;
    }

    private static Map<String, String> storedHeaders(Req r) {
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

    private static Map<String, String> userMetadata(Req r) {
        Map<String, String> out = new LinkedHashMap<>();
        r.ex.getRequestHeaders().forEach((name, values) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.startsWith("x-amz-meta-") && n.length() > 11 && !values.isEmpty()) {
                out.put(n.substring(11), String.join(",", values));
            }
        });
        return out;
    }

    private static void overrideHeader(Req r, Headers h, String param, String header) {
        String v = r.query.get(param);
        if (v != null) {
            h.set(header, v);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- response helpers

    private static void send(HttpExchange ex, int status) throws IOException {
        ex.sendResponseHeaders(status, -1);
    }

    private static void sendXml(HttpExchange ex, int status, Xml xml) throws IOException {
        byte[] bytes = xml.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/xml");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sendError(HttpExchange ex, int status, String code, String message, String resource,
                                  String requestId) {
        try {
            if (ex.getResponseCode() != -1) {
                return; // response already started; the connection is closed by the caller
            }
            // consume the rest of the request body so the client sees the error rather than a reset
            try (InputStream in = ex.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException ignored) {
                // best effort
            }
            if ("HEAD".equalsIgnoreCase(ex.getRequestMethod()) || status == 304) {
                ex.sendResponseHeaders(status, -1);
                return;
            }
            Xml x = Xml.rootNoNs("Error").elem("Code", code).elem("Message", message)
                    .elem("Resource", resource).elem("RequestId", requestId).close("Error");
            Headers h = ex.getResponseHeaders();
            h.remove("ETag");
            h.remove("Last-Modified");
            h.remove("Content-Range");
            sendXml(ex, status, x);
        } catch (IOException ignored) {
            // client went away
        }
    }

    // ---------------------------------------------------------------- encoding helpers

    static String quote(String etag) {
        return "\"" + etag + "\"";
    }

    static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1);
        }
        if (s.startsWith("&quot;") && s.endsWith("&quot;") && s.length() >= 12) {
            return s.substring(6, s.length() - 6);
        }
        return s;
    }

    private static String trimmed(String s) {
        return s == null ? null : s.trim();
    }

    static String iso(long millis) {
        return ISO_DATE.format(Instant.ofEpochMilli(millis));
    }

    private static String enc(String s, boolean urlEncode) {
        return urlEncode && s != null ? encodePath(s) : s;
    }

    /** Percent-encodes everything except unreserved characters and '/'. */
    static String encodePath(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }

    /** Percent-decodes UTF-8; '+' becomes a space only when plusIsSpace. */
    static String decode(String s, boolean plusIsSpace) {
        if (s.indexOf('%') < 0 && (!plusIsSpace || s.indexOf('+') < 0)) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()
                    && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                out.write(' ');
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq), true);
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
            out.putIfAbsent(k, v);
        }
        return out;
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
