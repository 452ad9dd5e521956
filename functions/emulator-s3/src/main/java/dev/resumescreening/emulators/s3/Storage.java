package dev.resumescreening.emulators.s3;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;

/**
 * Buckets, objects and multipart uploads. Each bucket keeps a sorted in-memory index of its objects.
 * With a data directory, every object is a data file plus a JSON sidecar under {@code dataDir/<bucket>/};
 * file names derive from the SHA-256 of the key. The sidecar is the commit point: data files are
 * written to {@code dataDir/.tmp} and moved in, then the sidecar is moved in atomically. Unreferenced
 * data files (left by a crash) are removed at start.
 */
final class Storage {
    /** UTF-8 binary order (= Unicode code point order). */
    static final Comparator<String> KEY_ORDER = Storage::compareKeys;

    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]");
    private static final String BUCKET_MARKER = ".bucket";
    private static final HexFormat HEX = HexFormat.of();

    private final Path root;
    private final Path tmpDir;
    private final ObjectMapper mapper =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Upload> uploads = new ConcurrentHashMap<>();

    static final class Bucket {
        final String name;
        final long created;
        final Path dir;
        final ConcurrentSkipListMap<String, StoredObject> objects = new ConcurrentSkipListMap<>(KEY_ORDER);
        boolean deleted; // guarded by this

        Bucket(String name, long created, Path dir) {
            this.name = name;
            this.created = created;
            this.dir = dir;
        }
    }

    record StoredObject(ObjectMeta meta, Blob blob) {}

    /** Request content staged to memory or to a temp file, with its MD5. */
    record Staged(byte[] bytes, Path file, long size, byte[] md5) {
        String md5Hex() {
            return HEX.formatHex(md5);
        }
    }

    record Part(int number, Staged data, Map<String, String> checksums) {}

    static final class Upload {
        final String id;
        final String bucket;
        final String key;
        final Map<String, String> headers;
        final Map<String, String> userMetadata;
        final ConcurrentSkipListMap<Integer, Part> parts = new ConcurrentSkipListMap<>();
        final long initiated = System.currentTimeMillis();

        Upload(String id, String bucket, String key, Map<String, String> headers, Map<String, String> userMetadata) {
            this.id = id;
            this.bucket = bucket;
            this.key = key;
            this.headers = headers;
            this.userMetadata = userMetadata;
        }
    }

    Storage(Path root) throws IOException {
        this.root = root == null ? null : root.toAbsolutePath();
        if (this.root == null) {
            this.tmpDir = null;
            return;
        }
        Files.createDirectories(this.root);
        this.tmpDir = this.root.resolve(".tmp");
        deleteTree(tmpDir);
        Files.createDirectories(tmpDir);
        load();
    }

    // ---------------------------------------------------------------- buckets

    List<Bucket> buckets() {
        List<Bucket> list = new ArrayList<>(buckets.values());
        list.sort(Comparator.comparing(b -> b.name, KEY_ORDER));
        return list;
    }

    Bucket bucket(String name) {
        Bucket b = buckets.get(name);
        if (b == null) {
            throw S3Exception.noSuchBucket(name);
        }
        return b;
    }

    synchronized void createBucket(String name) throws IOException {
        if (!BUCKET_NAME.matcher(name).matches() || name.contains("..")) {
            throw new S3Exception(400, "InvalidBucketName", "The specified bucket is not valid.");
        }
        if (buckets.containsKey(name)) {
            throw new S3Exception(
                    409,
                    "BucketAlreadyOwnedByYou",
                    "Your previous request to create the named bucket succeeded and you already own it.");
        }
        long now = System.currentTimeMillis();
        Path dir = null;
        if (root != null) {
            dir = root.resolve(name);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(BUCKET_MARKER), Long.toString(now));
        }
        buckets.put(name, new Bucket(name, now, dir));
    }

    synchronized void deleteBucket(String name) throws IOException {
        Bucket b = bucket(name);
        synchronized (b) {
            if (!b.objects.isEmpty()) {
                throw new S3Exception(409, "BucketNotEmpty", "The bucket you tried to delete is not empty");
            }
            b.deleted = true;
            buckets.remove(name);
            if (b.dir != null) {
                deleteTree(b.dir);
            }
        }
        uploads.values().removeIf(u -> {
            if (u.bucket.equals(name)) {
                u.parts.values().forEach(p -> discard(p.data));
                return true;
            }
            return false;
        });
    }

    // ---------------------------------------------------------------- objects

    StoredObject get(String bucket, String key) {
        StoredObject o = bucket(bucket).objects.get(key);
        if (o == null) {
            throw S3Exception.noSuchKey();
        }
        return o;
    }

    /** Looks up an object and opens its content atomically with respect to concurrent replacement. */
    record Opened(StoredObject object, InputStream in) {}

    Opened open(String bucket, String key) throws IOException {
        Bucket b = bucket(bucket);
        synchronized (b) {
            StoredObject o = b.objects.get(key);
            if (o == null) {
                throw S3Exception.noSuchKey();
            }
            return new Opened(o, o.blob().open());
        }
    }

    /** Copies the stream into memory or into a temp file, computing the MD5. */
    Staged stage(InputStream in) throws IOException {
        MessageDigest md5 = md5();
        byte[] buf = new byte[64 * 1024];
        if (root == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int n;
            while ((n = in.read(buf)) >= 0) {
                md5.update(buf, 0, n);
                out.write(buf, 0, n);
            }
            byte[] bytes = out.toByteArray();
            return new Staged(bytes, null, bytes.length, md5.digest());
        }
        Path tmp = tmpDir.resolve(UUID.randomUUID() + ".part");
        long size = 0;
        try (OutputStream out = Files.newOutputStream(tmp)) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                md5.update(buf, 0, n);
                out.write(buf, 0, n);
                size += n;
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return new Staged(null, tmp, size, md5.digest());
    }

    void discard(Staged s) {
        if (s != null && s.file() != null) {
            try {
                Files.deleteIfExists(s.file());
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    /**
     * Makes staged content the current version of the key. The staged content is consumed.
     *
     * @param ifNoneMatchStar fail with 412 if the key already exists
     */
    StoredObject commit(
            String bucketName,
            String key,
            Staged data,
            String etag,
            Map<String, String> headers,
            Map<String, String> userMetadata,
            Map<String, String> checksums,
            boolean ifNoneMatchStar)
            throws IOException {
        Bucket b;
        try {
            b = bucket(bucketName);
        } catch (S3Exception e) {
            discard(data);
            throw e;
        }
        String hash = sha256Hex(key);
        // in memory (no root) the object has no data file
        String dataName = root == null ? null : hash + "." + UUID.randomUUID() + ".data";
        ObjectMeta meta = new ObjectMeta(
                key,
                data.size(),
                etag,
                System.currentTimeMillis(),
                Map.copyOf(headers),
                Map.copyOf(userMetadata),
                Map.copyOf(checksums),
                dataName);
        if (root == null) {
            StoredObject o = new StoredObject(meta, new Blob.Memory(data.bytes()));
            synchronized (b) {
                if (b.deleted) {
                    throw S3Exception.noSuchBucket(bucketName);
                }
                checkIfNoneMatch(b, key, ifNoneMatchStar);
                b.objects.put(key, o);
            }
            return o;
        }
        Path metaTmp = tmpDir.resolve(UUID.randomUUID() + ".json");
        try {
            mapper.writeValue(metaTmp.toFile(), meta);
        } catch (IOException e) {
            discard(data);
            Files.deleteIfExists(metaTmp);
            throw e;
        }
        Path dataPath = b.dir.resolve(dataName);
        StoredObject o = new StoredObject(meta, new Blob.File(dataPath, data.size()));
        StoredObject previous;
        synchronized (b) {
            if (b.deleted || (ifNoneMatchStar && b.objects.containsKey(key))) {
                discard(data);
                Files.deleteIfExists(metaTmp);
                if (b.deleted) {
                    throw S3Exception.noSuchBucket(bucketName);
                }
                checkIfNoneMatch(b, key, true);
            }
            move(data.file(), dataPath);
            move(metaTmp, b.dir.resolve(hash + ".json"));
            previous = b.objects.put(key, o);
        }
        if (previous != null && previous.blob().file() != null) {
            Files.deleteIfExists(previous.blob().file());
        }
        return o;
    }

    private static void checkIfNoneMatch(Bucket b, String key, boolean ifNoneMatchStar) {
        if (ifNoneMatchStar && b.objects.containsKey(key)) {
            throw new S3Exception(
                    412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold");
        }
    }

    /** Deletes a key; a missing key is not an error. */
    void delete(String bucketName, String key) throws IOException {
        Bucket b = bucket(bucketName);
        StoredObject removed;
        synchronized (b) {
            removed = b.objects.remove(key);
            if (removed != null && b.dir != null) {
                Files.deleteIfExists(b.dir.resolve(sha256Hex(key) + ".json"));
            }
        }
        if (removed != null && removed.blob().file() != null) {
            Files.deleteIfExists(removed.blob().file());
        }
    }

    // ---------------------------------------------------------------- multipart

    Upload createUpload(String bucket, String key, Map<String, String> headers, Map<String, String> userMetadata) {
        bucket(bucket);
        String id = UUID.randomUUID().toString().replace("-", "") + Long.toHexString(System.nanoTime());
        Upload u = new Upload(id, bucket, key, Map.copyOf(headers), Map.copyOf(userMetadata));
        uploads.put(id, u);
        return u;
    }

    Upload upload(String bucket, String key, String uploadId) {
        Upload u = uploads.get(uploadId);
        if (u == null || !u.bucket.equals(bucket) || !u.key.equals(key)) {
            throw S3Exception.noSuchUpload();
        }
        return u;
    }

    void putPart(Upload u, int number, Staged data, Map<String, String> checksums) {
        Part previous;
        synchronized (u) {
            if (uploads.get(u.id) != u) {
                discard(data);
                throw S3Exception.noSuchUpload();
            }
            previous = u.parts.put(number, new Part(number, data, Map.copyOf(checksums)));
        }
        if (previous != null) {
            discard(previous.data());
        }
    }

    void abort(Upload u) {
        synchronized (u) {
            if (uploads.remove(u.id) == null) {
                throw S3Exception.noSuchUpload();
            }
        }
        u.parts.values().forEach(p -> discard(p.data()));
    }

    /** Assembles the given parts (validated by the caller) and commits the object. */
    StoredObject complete(Upload u, List<Part> parts) throws IOException {
        synchronized (u) {
            if (uploads.remove(u.id) == null) {
                throw S3Exception.noSuchUpload();
            }
        }
        try {
            MessageDigest md5OfMd5s = md5();
            for (Part p : parts) {
                md5OfMd5s.update(p.data().md5());
            }
            String etag = HEX.formatHex(md5OfMd5s.digest()) + "-" + parts.size();
            Staged whole = concat(parts);
            return commit(u.bucket, u.key, whole, etag, u.headers, u.userMetadata, Map.of(), false);
        } finally {
            u.parts.values().forEach(p -> discard(p.data()));
        }
    }

    private Staged concat(List<Part> parts) throws IOException {
        long size = 0;
        for (Part p : parts) {
            size += p.data().size();
        }
        if (root == null) {
            if (size > Integer.MAX_VALUE - 16) {
                throw new S3Exception(400, "EntityTooLarge", "Object too large for the in-memory emulator");
            }
            byte[] all = new byte[(int) size];
            int pos = 0;
            for (Part p : parts) {
                byte[] b = p.data().bytes();
                System.arraycopy(b, 0, all, pos, b.length);
                pos += b.length;
            }
            return new Staged(all, null, size, md5().digest(all));
        }
        Path tmp = tmpDir.resolve(UUID.randomUUID() + ".part");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            for (Part p : parts) {
                Files.copy(p.data().file(), out);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return new Staged(null, tmp, size, new byte[16]);
    }

    // ---------------------------------------------------------------- persistence

    private void load() throws IOException {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (!Files.isDirectory(dir) || !BUCKET_NAME.matcher(name).matches()) {
                    continue;
                }
                long created;
                Path marker = dir.resolve(BUCKET_MARKER);
                try {
                    created = Long.parseLong(Files.readString(marker).trim());
                } catch (IOException | NumberFormatException e) {
                    created = Files.getLastModifiedTime(dir).toMillis();
                }
                Bucket b = new Bucket(name, created, dir);
                loadObjects(b);
                buckets.put(name, b);
            }
        }
    }

    private void loadObjects(Bucket b) throws IOException {
        Set<String> referenced = new HashSet<>();
        List<Path> dataFiles = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(b.dir)) {
            for (Path f : files) {
                String fn = f.getFileName().toString();
                if (fn.endsWith(".data")) {
                    dataFiles.add(f);
                } else if (fn.endsWith(".json")) {
                    ObjectMeta meta;
                    try {
                        meta = mapper.readValue(f.toFile(), ObjectMeta.class);
                    } catch (IOException e) {
                        continue; // unreadable sidecar: ignore the object
                    }
                    if (meta.key() == null || meta.dataFile() == null) {
                        continue;
                    }
                    Path data = b.dir.resolve(meta.dataFile());
                    if (!Files.isRegularFile(data)) {
                        continue;
                    }
                    referenced.add(meta.dataFile());
                    ObjectMeta clean = new ObjectMeta(
                            meta.key(),
                            meta.size(),
                            meta.etag(),
                            meta.lastModified(),
                            meta.headers() == null ? Map.of() : meta.headers(),
                            meta.userMetadata() == null ? Map.of() : meta.userMetadata(),
                            meta.checksums() == null ? Map.of() : meta.checksums(),
                            meta.dataFile());
                    b.objects.put(meta.key(), new StoredObject(clean, new Blob.File(data, meta.size())));
                }
            }
        }
        for (Path f : dataFiles) {
            if (!referenced.contains(f.getFileName().toString())) {
                Files.deleteIfExists(f); // orphan from an interrupted write or replacement
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (NoSuchFileException ignored) {
                    // gone already
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    // ---------------------------------------------------------------- helpers

    static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256Hex(String s) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static int compareKeys(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                boolean sx = Character.isSurrogate(x);
                boolean sy = Character.isSurrogate(y);
                if (sx == sy) {
                    return x - y;
                }
                return sx ? 1 : -1; // supplementary code points sort after every BMP character
            }
        }
        return a.length() - b.length();
    }
}
