package dev.resumescreening.emulators.s3;

import static dev.resumescreening.emulators.s3.S3Encoding.enc;
import static dev.resumescreening.emulators.s3.S3Encoding.iso;
import static dev.resumescreening.emulators.s3.S3Encoding.quote;
import static dev.resumescreening.emulators.s3.S3Responses.OWNER_ID;
import static dev.resumescreening.emulators.s3.S3Responses.sendXml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * ListObjects (v1 and v2) and ListObjectVersions; buckets are never versioned, so every object is its only version,
 * "null".
 */
final class ListingOperations {
    /** S3's version id of an object stored while versioning was never enabled. */
    private static final String NULL_VERSION = "null";

    private final Storage storage;

    ListingOperations(Storage storage) {
        this.storage = storage;
    }

    void listObjects(S3Request r, boolean v2) throws IOException {
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
            startIsPrefix = delimiter != null
                    && marker.startsWith(prefix)
                    && marker.endsWith(delimiter)
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
                x.elem(
                        "NextContinuationToken",
                        Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(((lastIsPrefix ? "P" : "K") + last).getBytes(StandardCharsets.UTF_8)));
            } else {
                x.elem("NextMarker", enc(last, urlEncode));
            }
        }
        boolean fetchOwner = !v2 || "true".equals(q.get("fetch-owner"));
        for (Storage.StoredObject o : contents) {
            ObjectMeta m = o.meta();
            x.open("Contents")
                    .elem("Key", enc(m.key(), urlEncode))
                    .elem("LastModified", iso(m.lastModified()))
                    .elem("ETag", quote(m.etag()))
                    .elem("Size", m.size());
            if (fetchOwner) {
                x.open("Owner")
                        .elem("ID", OWNER_ID)
                        .elem("DisplayName", "emulator")
                        .close("Owner");
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
    void listVersions(S3Request r) throws IOException {
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
        NavigableMap<String, Storage.StoredObject> view =
                keyMarker != null && !keyMarker.isEmpty() && Storage.compareKeys(keyMarker, prefix) >= 0
                        ? b.objects.tailMap(keyMarker, false)
                        : b.objects.tailMap(prefix, true);
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
        Xml x = Xml.root("ListVersionsResult")
                .elem("Name", r.bucket)
                .elem("Prefix", prefix)
                .elem("KeyMarker", keyMarker == null ? "" : keyMarker)
                .elem("VersionIdMarker", "")
                .elem("MaxKeys", maxKeys)
                .elem("IsTruncated", truncated);
        if (truncated) {
            x.elem("NextKeyMarker", versions.get(versions.size() - 1).key()).elem("NextVersionIdMarker", NULL_VERSION);
        }
        for (ObjectMeta m : versions) {
            x.open("Version")
                    .elem("Key", m.key())
                    .elem("VersionId", NULL_VERSION)
                    .elem("IsLatest", true)
                    .elem("LastModified", iso(m.lastModified()))
                    .elem("ETag", quote(m.etag()))
                    .elem("Size", m.size())
                    .elem("StorageClass", "STANDARD")
                    .close("Version");
        }
        sendXml(r.ex, 200, x.close("ListVersionsResult"));
    }

    /** The only version id an object of a never-versioned bucket has. */
    static void requireNullVersion(String versionId) {
        if (versionId != null && !versionId.equals(NULL_VERSION)) {
            throw S3Exception.invalidArgument("Invalid version id specified");
        }
    }
}
