package dev.resumescreening.emulators.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

class S3EmulatorTest {
    private static S3Emulator emulator;
    private static S3Client s3;
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    @BeforeAll
    static void start() {
        emulator = S3Emulator.start(0, null);
        s3 = client(emulator.endpoint());
    }

    @AfterAll
    static void stop() {
        s3.close();
        emulator.close();
    }

    static S3Client client(URI endpoint) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .build();
    }

    static String newBucket(S3Client c) {
        String name = "bucket-" + BUCKETS.incrementAndGet() + "-" + System.nanoTime() % 100000;
        c.createBucket(b -> b.bucket(name));
        return name;
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String md5(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
    }

    @Test
    void bucketLifecycle() {
        String bucket = "lifecycle-bucket";
        s3.createBucket(b -> b.bucket(bucket));
        s3.headBucket(b -> b.bucket(bucket));
        assertTrue(s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(bucket)));
        assertThrows(BucketAlreadyOwnedByYouException.class, () -> s3.createBucket(b -> b.bucket(bucket)));
        s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("x"));
        S3Exception notEmpty = assertThrows(S3Exception.class, () -> s3.deleteBucket(b -> b.bucket(bucket)));
        assertEquals(409, notEmpty.statusCode());
        assertEquals("BucketNotEmpty", notEmpty.awsErrorDetails().errorCode());
        s3.deleteObject(b -> b.bucket(bucket).key("k"));
        s3.deleteBucket(b -> b.bucket(bucket));
        assertThrows(NoSuchBucketException.class, () -> s3.headBucket(b -> b.bucket(bucket)));
        assertFalse(s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(bucket)));

        // with an explicit CreateBucketConfiguration body
        s3.createBucket(
                b -> b.bucket("configured-bucket").createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
        s3.headBucket(b -> b.bucket("configured-bucket"));
        assertNotNull(s3.getBucketLocation(b -> b.bucket("configured-bucket")));
        s3.deleteBucket(b -> b.bucket("configured-bucket"));
    }

    @Test
    void versionsOfANeverVersionedBucketAreItsObjectsWithVersionIdNull() {
        String bucket = newBucket(s3);
        for (String key : List.of("text/a", "text/a.bak", "text/b", "other/c")) {
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(key));
        }
        List<String> listed = new ArrayList<>();
        for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(
                b -> b.bucket(bucket).prefix("text/").maxKeys(2))) {
            page.versions().forEach(v -> {
                assertEquals("null", v.versionId());
                assertTrue(v.isLatest());
                listed.add(v.key());
            });
            assertEquals(List.of(), page.deleteMarkers());
        }
        assertEquals(List.of("text/a", "text/a.bak", "text/b"), listed);

        S3Exception unknownVersion = assertThrows(
                S3Exception.class,
                () -> s3.deleteObject(b -> b.bucket(bucket).key("text/a").versionId("3HL4kqtJlcpXroDTDmJ")));
        assertEquals(400, unknownVersion.statusCode());
        assertEquals(
                2,
                s3.listObjectVersions(b -> b.bucket(bucket).prefix("text/a"))
                        .versions()
                        .size());

        s3.deleteObject(b -> b.bucket(bucket).key("text/a").versionId("null"));
        assertEquals(
                List.of("text/a.bak"),
                s3.listObjectVersions(b -> b.bucket(bucket).prefix("text/a")).versions().stream()
                        .map(v -> v.key())
                        .toList());
    }

    @Test
    void putGetHeadDeleteWithMetadata() throws Exception {
        String bucket = newBucket(s3);
        byte[] body = "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8);
        var put = s3.putObject(
                b -> b.bucket(bucket)
                        .key("docs/a b+c%/résumé.json")
                        .contentType("application/json")
                        .metadata(Map.of("job-id", "42", "Owner", "alice"))
                        .cacheControl("no-cache")
                        .contentDisposition("inline"),
                RequestBody.fromBytes(body));
        assertEquals("\"" + md5(body) + "\"", put.eTag());

        ResponseBytes<GetObjectResponse> got =
                s3.getObjectAsBytes(b -> b.bucket(bucket).key("docs/a b+c%/résumé.json"));
        assertArrayEquals(body, got.asByteArray());
        GetObjectResponse r = got.response();
        assertEquals("application/json", r.contentType());
        assertEquals(body.length, r.contentLength());
        assertEquals(put.eTag(), r.eTag());
        assertEquals("42", r.metadata().get("job-id"));
        assertEquals("alice", r.metadata().get("owner"));
        assertEquals("no-cache", r.cacheControl());
        assertEquals("inline", r.contentDisposition());
        assertNotNull(r.lastModified());

        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key("docs/a b+c%/résumé.json"));
        assertEquals(body.length, head.contentLength());
        assertEquals("application/json", head.contentType());
        assertEquals(put.eTag(), head.eTag());
        assertEquals("42", head.metadata().get("job-id"));
        assertEquals(r.lastModified(), head.lastModified());

        s3.deleteObject(b -> b.bucket(bucket).key("docs/a b+c%/résumé.json"));
        assertThrows(
                NoSuchKeyException.class,
                () -> s3.headObject(b -> b.bucket(bucket).key("docs/a b+c%/résumé.json")));
        // deleting a missing key succeeds
        s3.deleteObject(b -> b.bucket(bucket).key("never-existed"));
    }

    @Test
    void binaryRoundTripWithDefaultChecksums() throws Exception {
        String bucket = newBucket(s3);
        int[] sizes = {0, 1, 8191, 8192, 65536, 65537, 128 * 1024, 128 * 1024 + 1, 1024 * 1024 + 3};
        for (int size : sizes) {
            byte[] data = random(size, size);
            String key = "bin/" + size;
            var put = s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(data));
            assertEquals("\"" + md5(data) + "\"", put.eTag(), "etag for size " + size);
            byte[] back = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
            assertArrayEquals(data, back, "size " + size);
            // response checksum validation by the SDK
            byte[] validated = s3.getObjectAsBytes(
                            b -> b.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED))
                    .asByteArray();
            assertArrayEquals(data, validated, "validated size " + size);
            assertEquals(size, s3.headObject(b -> b.bucket(bucket).key(key)).contentLength());

            // streaming body of known length and explicit checksum algorithms
            String key2 = "stream/" + size;
            s3.putObject(
                    b -> b.bucket(bucket).key(key2).checksumAlgorithm(ChecksumAlgorithm.SHA256),
                    RequestBody.fromInputStream(new ByteArrayInputStream(data), size));
            assertArrayEquals(
                    data, s3.getObjectAsBytes(b -> b.bucket(bucket).key(key2)).asByteArray());
            String key3 = "crc32c/" + size;
            s3.putObject(
                    b -> b.bucket(bucket).key(key3).checksumAlgorithm(ChecksumAlgorithm.CRC32_C),
                    RequestBody.fromBytes(data));
            assertArrayEquals(
                    data,
                    s3.getObjectAsBytes(b -> b.bucket(bucket).key(key3).checksumMode(ChecksumMode.ENABLED))
                            .asByteArray());
        }
    }

    @Test
    void rangeGet() {
        String bucket = newBucket(s3);
        byte[] data = random(1000, 7);
        s3.putObject(b -> b.bucket(bucket).key("r"), RequestBody.fromBytes(data));
        var mid = s3.getObjectAsBytes(b -> b.bucket(bucket).key("r").range("bytes=10-19"));
        assertArrayEquals(java.util.Arrays.copyOfRange(data, 10, 20), mid.asByteArray());
        assertEquals("bytes 10-19/1000", mid.response().contentRange());
        assertEquals(10, mid.response().contentLength());
        assertArrayEquals(
                java.util.Arrays.copyOfRange(data, 995, 1000),
                s3.getObjectAsBytes(b -> b.bucket(bucket).key("r").range("bytes=-5"))
                        .asByteArray());
        assertArrayEquals(
                java.util.Arrays.copyOfRange(data, 900, 1000),
                s3.getObjectAsBytes(b -> b.bucket(bucket).key("r").range("bytes=900-"))
                        .asByteArray());
        assertArrayEquals(
                java.util.Arrays.copyOfRange(data, 990, 1000),
                s3.getObjectAsBytes(b -> b.bucket(bucket).key("r").range("bytes=990-5000"))
                        .asByteArray());
        S3Exception e = assertThrows(
                S3Exception.class,
                () -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("r").range("bytes=1000-1001")));
        assertEquals(416, e.statusCode());
        assertEquals("InvalidRange", e.awsErrorDetails().errorCode());
    }

    @Test
    void listWithPrefixDelimiterAndPagination() throws Exception {
        String bucket = newBucket(s3);
        List<String> keys = IntStream.range(0, 2500)
                .mapToObj(i -> String.format("items/%02d/item-%05d", i % 7, i))
                .collect(Collectors.toList());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (String k : keys) {
                fs.add(pool.submit(() -> s3.putObject(b -> b.bucket(bucket).key(k), RequestBody.fromString(k))));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        s3.putObject(b -> b.bucket(bucket).key("other/x"), RequestBody.fromString("x"));
        s3.putObject(b -> b.bucket(bucket).key("top"), RequestBody.fromString("x"));

        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            ListObjectsV2Response page = s3.listObjectsV2(
                    b -> b.bucket(bucket).prefix("items/").maxKeys(1000).continuationToken(t));
            pages++;
            assertEquals(page.contents().size(), page.keyCount());
            page.contents().forEach(o -> seen.add(o.key()));
            token = page.isTruncated() ? page.nextContinuationToken() : null;
            if (page.isTruncated()) {
                assertEquals(1000, page.keyCount());
            }
        } while (token != null);
        assertEquals(3, pages);
        List<String> sorted = new ArrayList<>(new TreeSet<>(keys));
        assertEquals(sorted, seen);

        // paginator over everything
        List<String> all = s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
                .map(S3Object::key)
                .collect(Collectors.toList());
        assertEquals(2502, all.size());
        assertEquals("other/x", all.get(2500));
        assertEquals("top", all.get(2501));

        // delimiter -> common prefixes
        ListObjectsV2Response top = s3.listObjectsV2(b -> b.bucket(bucket).delimiter("/"));
        assertEquals(
                List.of("items/", "other/"),
                top.commonPrefixes().stream().map(CommonPrefix::prefix).toList());
        assertEquals(List.of("top"), top.contents().stream().map(S3Object::key).toList());
        assertEquals(3, top.keyCount());

        // common prefixes paginate, each exactly once
        List<String> prefixes = new ArrayList<>();
        s3.listObjectsV2Paginator(
                        b -> b.bucket(bucket).prefix("items/").delimiter("/").maxKeys(2))
                .forEach(p -> p.commonPrefixes().forEach(cp -> prefixes.add(cp.prefix())));
        assertEquals(
                IntStream.range(0, 7)
                        .mapToObj(i -> String.format("items/%02d/", i))
                        .toList(),
                prefixes);

        // start-after
        ListObjectsV2Response after =
                s3.listObjectsV2(b -> b.bucket(bucket).startAfter("items/06/").maxKeys(5));
        assertEquals(
                sorted.subList(sorted.indexOf("items/06/item-00006"), sorted.indexOf("items/06/item-00006") + 5),
                after.contents().stream().map(S3Object::key).toList());

        // V1 listing with markers
        List<String> v1 = new ArrayList<>();
        String marker = null;
        do {
            String m = marker;
            ListObjectsResponse page = s3.listObjects(
                    b -> b.bucket(bucket).prefix("items/").marker(m).maxKeys(700));
            page.contents().forEach(o -> v1.add(o.key()));
            marker = page.isTruncated() ? page.nextMarker() : null;
        } while (marker != null);
        assertEquals(sorted, v1);

        // url encoding type
        ListObjectsV2Response encoded =
                s3.listObjectsV2(b -> b.bucket(bucket).prefix("top").encodingType("url"));
        assertEquals("top", encoded.contents().get(0).key());
    }

    @Test
    void listOrderIsUtf8Binary() {
        String bucket = newBucket(s3);
        List<String> keys = List.of("a", "a b", "a/b", "Z", "\uFFFD", "\uD83D\uDE00", "é", "a+b", "a%20b");
        for (String k : keys) {
            s3.putObject(b -> b.bucket(bucket).key(k), RequestBody.fromString(k));
        }
        List<String> expected = new ArrayList<>(keys);
        expected.sort((x, y) -> java.util.Arrays.compareUnsigned(
                x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8)));
        List<String> listed = s3.listObjectsV2(b -> b.bucket(bucket)).contents().stream()
                .map(S3Object::key)
                .toList();
        assertEquals(expected, listed);
        List<String> listedEncoded = s3.listObjectsV2(b -> b.bucket(bucket).encodingType("url")).contents().stream()
                .map(S3Object::key)
                .toList();
        assertEquals(expected, listedEncoded);
        for (String k : keys) {
            assertEquals(k, s3.getObjectAsBytes(b -> b.bucket(bucket).key(k)).asUtf8String());
        }
    }

    @Test
    void multipartUpload() throws Exception {
        String bucket = newBucket(s3);
        int partSize = 5 * 1024 * 1024;
        byte[][] parts = {random(partSize, 1), random(partSize, 2), random(partSize, 3), random(123_457, 4)};
        CreateMultipartUploadResponse created = s3.createMultipartUpload(b -> b.bucket(bucket)
                .key("big/file.bin")
                .contentType("application/pdf")
                .metadata(Map.of("source", "upload")));
        List<CompletedPart> completed = new ArrayList<>();
        MessageDigest md5s = MessageDigest.getInstance("MD5");
        for (int i = 0; i < parts.length; i++) {
            int n = i + 1;
            byte[] p = parts[i];
            String etag = s3.uploadPart(
                            b -> b.bucket(bucket)
                                    .key("big/file.bin")
                                    .uploadId(created.uploadId())
                                    .partNumber(n),
                            RequestBody.fromBytes(p))
                    .eTag();
            assertEquals("\"" + md5(p) + "\"", etag);
            md5s.update(MessageDigest.getInstance("MD5").digest(p));
            completed.add(CompletedPart.builder().partNumber(n).eTag(etag).build());
        }
        var done = s3.completeMultipartUpload(b -> b.bucket(bucket)
                .key("big/file.bin")
                .uploadId(created.uploadId())
                .multipartUpload(m -> m.parts(completed)));
        assertEquals("\"" + HexFormat.of().formatHex(md5s.digest()) + "-4\"", done.eTag());

        ResponseBytes<GetObjectResponse> got =
                s3.getObjectAsBytes(b -> b.bucket(bucket).key("big/file.bin"));
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            expected.write(p);
        }
        assertArrayEquals(expected.toByteArray(), got.asByteArray());
        assertEquals("application/pdf", got.response().contentType());
        assertEquals("upload", got.response().metadata().get("source"));
        assertEquals(done.eTag(), got.response().eTag());

        // abort
        var second = s3.createMultipartUpload(b -> b.bucket(bucket).key("aborted"));
        s3.uploadPart(
                b -> b.bucket(bucket).key("aborted").uploadId(second.uploadId()).partNumber(1),
                RequestBody.fromBytes(random(100, 5)));
        s3.abortMultipartUpload(b -> b.bucket(bucket).key("aborted").uploadId(second.uploadId()));
        assertThrows(
                NoSuchUploadException.class,
                () -> s3.uploadPart(
                        b -> b.bucket(bucket)
                                .key("aborted")
                                .uploadId(second.uploadId())
                                .partNumber(2),
                        RequestBody.fromBytes(random(100, 6))));
        assertThrows(
                NoSuchKeyException.class,
                () -> s3.headObject(b -> b.bucket(bucket).key("aborted")));
    }

    @Test
    void deleteObjects() {
        String bucket = newBucket(s3);
        for (int i = 0; i < 10; i++) {
            int n = i;
            s3.putObject(b -> b.bucket(bucket).key("d/" + n), RequestBody.fromString("x"));
        }
        List<ObjectIdentifier> ids = IntStream.range(0, 6)
                .mapToObj(i -> ObjectIdentifier.builder().key("d/" + i).build())
                .collect(Collectors.toList());
        ids.add(ObjectIdentifier.builder().key("missing & <odd>").build());
        DeleteObjectsResponse r = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ids)));
        assertEquals(7, r.deleted().size());
        assertTrue(r.errors().isEmpty());
        assertEquals(
                List.of("d/6", "d/7", "d/8", "d/9"),
                s3.listObjectsV2(b -> b.bucket(bucket)).contents().stream()
                        .map(S3Object::key)
                        .toList());
        DeleteObjectsResponse quiet = s3.deleteObjects(b -> b.bucket(bucket)
                .delete(d -> d.quiet(true)
                        .objects(ObjectIdentifier.builder().key("d/6").build())));
        assertTrue(quiet.deleted().isEmpty());
        assertEquals(3, s3.listObjectsV2(b -> b.bucket(bucket)).keyCount());
    }

    @Test
    void copyObject() {
        String bucket = newBucket(s3);
        String other = newBucket(s3);
        s3.putObject(
                b -> b.bucket(bucket)
                        .key("src/ä b.txt")
                        .contentType("text/plain")
                        .metadata(Map.of("k", "v")),
                RequestBody.fromString("copy me"));
        var copied = s3.copyObject(b -> b.sourceBucket(bucket)
                .sourceKey("src/ä b.txt")
                .destinationBucket(other)
                .destinationKey("dst/copy.txt"));
        assertNotNull(copied.copyObjectResult().eTag());
        var got = s3.getObjectAsBytes(b -> b.bucket(other).key("dst/copy.txt"));
        assertEquals("copy me", got.asUtf8String());
        assertEquals("text/plain", got.response().contentType());
        assertEquals("v", got.response().metadata().get("k"));
        assertEquals(copied.copyObjectResult().eTag(), got.response().eTag());

        s3.copyObject(b -> b.sourceBucket(bucket)
                .sourceKey("src/ä b.txt")
                .destinationBucket(bucket)
                .destinationKey("replaced")
                .metadataDirective(MetadataDirective.REPLACE)
                .contentType("text/markdown")
                .metadata(Map.of("x", "y")));
        var replaced = s3.headObject(b -> b.bucket(bucket).key("replaced"));
        assertEquals("text/markdown", replaced.contentType());
        assertEquals(Map.of("x", "y"), replaced.metadata());

        assertThrows(
                NoSuchKeyException.class,
                () -> s3.copyObject(b -> b.sourceBucket(bucket)
                        .sourceKey("nope")
                        .destinationBucket(bucket)
                        .destinationKey("x")));
    }

    @Test
    void missingKeyAndBucketErrors() {
        String bucket = newBucket(s3);
        NoSuchKeyException e = assertThrows(
                NoSuchKeyException.class,
                () -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("nope")));
        assertEquals(404, e.statusCode());
        assertEquals("NoSuchKey", e.awsErrorDetails().errorCode());
        assertThrows(
                NoSuchKeyException.class,
                () -> s3.headObject(b -> b.bucket(bucket).key("nope")));
        assertThrows(
                NoSuchBucketException.class,
                () -> s3.getObjectAsBytes(b -> b.bucket("no-such-bucket").key("k")));
        assertThrows(NoSuchBucketException.class, () -> s3.listObjectsV2(b -> b.bucket("no-such-bucket")));
        assertThrows(
                NoSuchBucketException.class,
                () -> s3.putObject(
                        b -> b.bucket("no-such-bucket").key("k"), RequestBody.fromBytes(random(200_000, 1))));
        assertThrows(NoSuchBucketException.class, () -> s3.deleteBucket(b -> b.bucket("no-such-bucket")));
        S3Exception malformed = assertThrows(
                S3Exception.class, () -> s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(List.of()))));
        assertEquals(400, malformed.statusCode());
    }

    @Test
    void concurrentPutsFromEightThreads() throws Exception {
        String bucket = newBucket(s3);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        byte[] data = random(1000 + i * 977, thread * 1000L + i);
                        String key = "t" + thread + "/" + i;
                        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(data));
                        s3.putObject(b -> b.bucket(bucket).key("shared"), RequestBody.fromBytes(data));
                        assertArrayEquals(
                                data,
                                s3.getObjectAsBytes(b -> b.bucket(bucket).key(key))
                                        .asByteArray());
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(
                321,
                s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
                        .count());
        for (int t = 0; t < 8; t++) {
            for (int i = 0; i < 40; i += 13) {
                int thread = t;
                int n = i;
                assertArrayEquals(
                        random(1000 + i * 977, t * 1000L + i),
                        s3.getObjectAsBytes(b -> b.bucket(bucket).key("t" + thread + "/" + n))
                                .asByteArray());
            }
        }
    }

    @Test
    void persistenceAcrossRestart(@TempDir Path dir) throws Exception {
        byte[] big = random(3 * 1024 * 1024 + 11, 99);
        String uploadEtag;
        try (S3Emulator first = S3Emulator.start(0, dir);
                S3Client c = client(first.endpoint())) {
            c.createBucket(b -> b.bucket("persisted"));
            c.createBucket(b -> b.bucket("empty-bucket"));
            c.putObject(
                    b -> b.bucket("persisted")
                            .key("a/résumé.pdf")
                            .contentType("application/pdf")
                            .metadata(Map.of("candidate", "7")),
                    RequestBody.fromBytes(big));
            c.putObject(b -> b.bucket("persisted").key("deleted"), RequestBody.fromString("gone"));
            c.putObject(b -> b.bucket("persisted").key("overwritten"), RequestBody.fromString("v1"));
            c.putObject(b -> b.bucket("persisted").key("overwritten"), RequestBody.fromString("v2"));
            c.deleteObject(b -> b.bucket("persisted").key("deleted"));
            var mp = c.createMultipartUpload(b -> b.bucket("persisted").key("multi"));
            String e1 = c.uploadPart(
                            b -> b.bucket("persisted")
                                    .key("multi")
                                    .uploadId(mp.uploadId())
                                    .partNumber(1),
                            RequestBody.fromBytes(random(5 * 1024 * 1024, 1)))
                    .eTag();
            String e2 = c.uploadPart(
                            b -> b.bucket("persisted")
                                    .key("multi")
                                    .uploadId(mp.uploadId())
                                    .partNumber(2),
                            RequestBody.fromBytes(random(10, 2)))
                    .eTag();
            uploadEtag = c.completeMultipartUpload(b -> b.bucket("persisted")
                            .key("multi")
                            .uploadId(mp.uploadId())
                            .multipartUpload(m -> m.parts(
                                    CompletedPart.builder()
                                            .partNumber(1)
                                            .eTag(e1)
                                            .build(),
                                    CompletedPart.builder()
                                            .partNumber(2)
                                            .eTag(e2)
                                            .build())))
                    .eTag();
        }
        // a leftover orphan data file (as after a crash) is cleaned up at start
        Files.writeString(dir.resolve("persisted").resolve("deadbeef.orphan.data"), "junk");

        try (S3Emulator second = S3Emulator.start(0, dir);
                S3Client c = client(second.endpoint())) {
            assertEquals(
                    List.of("empty-bucket", "persisted"),
                    c.listBuckets().buckets().stream()
                            .map(b -> b.name())
                            .sorted()
                            .toList());
            var got = c.getObjectAsBytes(b -> b.bucket("persisted").key("a/résumé.pdf"));
            assertArrayEquals(big, got.asByteArray());
            assertEquals("application/pdf", got.response().contentType());
            assertEquals("7", got.response().metadata().get("candidate"));
            assertEquals("\"" + md5(big) + "\"", got.response().eTag());
            assertEquals(
                    "v2",
                    c.getObjectAsBytes(b -> b.bucket("persisted").key("overwritten"))
                            .asUtf8String());
            assertThrows(
                    NoSuchKeyException.class,
                    () -> c.headObject(b -> b.bucket("persisted").key("deleted")));
            assertEquals(
                    uploadEtag,
                    c.headObject(b -> b.bucket("persisted").key("multi")).eTag());
            assertEquals(
                    5 * 1024 * 1024 + 10,
                    c.headObject(b -> b.bucket("persisted").key("multi")).contentLength());
            assertEquals(
                    List.of("a/résumé.pdf", "multi", "overwritten"),
                    c.listObjectsV2(b -> b.bucket("persisted")).contents().stream()
                            .map(S3Object::key)
                            .toList());
            assertFalse(Files.exists(dir.resolve("persisted").resolve("deadbeef.orphan.data")));
            try (var files = Files.list(dir.resolve("persisted"))) {
                assertEquals(
                        3, files.filter(f -> f.toString().endsWith(".data")).count());
            }
            c.deleteBucket(b -> b.bucket("empty-bucket"));
        }
        try (S3Emulator third = S3Emulator.start(0, dir);
                S3Client c = client(third.endpoint())) {
            assertEquals(
                    List.of("persisted"),
                    c.listBuckets().buckets().stream().map(b -> b.name()).toList());
        }
    }

    /** Hand-written aws-chunked bodies with signatures and a trailer, sent without the SDK. */
    @Test
    void rawAwsChunkedFraming() throws Exception {
        String bucket = newBucket(s3);
        byte[] data = random(70_000, 3);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(data);
        HttpResponse<String> resp = rawChunkedPut(
                bucket,
                "raw%2Fchunked",
                data,
                "x-amz-checksum-crc32",
                base64(java.nio.ByteBuffer.allocate(4)
                        .putInt((int) crc.getValue())
                        .array()));
        assertEquals(200, resp.statusCode(), resp.body());
        assertEquals("\"" + md5(data) + "\"", resp.headers().firstValue("ETag").orElseThrow());
        var got = s3.getObjectAsBytes(b -> b.bucket(bucket).key("raw/chunked"));
        assertArrayEquals(data, got.asByteArray());
        assertEquals(null, got.response().contentEncoding());
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> missing = http.send(
                HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/" + bucket + "/nope"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("<Code>NoSuchKey</Code>"), missing.body());
        assertTrue(missing.body().contains("<Resource>/" + bucket + "/nope</Resource>"), missing.body());
        HttpResponse<String> head = http.send(
                HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/" + bucket + "/nope"))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, head.statusCode());
        assertEquals("", head.body());
    }

    /** Checksum trailers are verified against the bytes received, as S3 does: a made-up one is 400 BadDigest. */
    @Test
    void checksumTrailersAreVerified() throws Exception {
        String bucket = newBucket(s3);
        byte[] data = random(70_000, 4);
        java.util.zip.CRC32C crc32c = new java.util.zip.CRC32C();
        crc32c.update(data);
        Map<String, String> right = Map.of(
                "x-amz-checksum-crc32c",
                        base64(java.nio.ByteBuffer.allocate(4)
                                .putInt((int) crc32c.getValue())
                                .array()),
                "x-amz-checksum-sha1",
                        base64(java.security.MessageDigest.getInstance("SHA-1").digest(data)),
                "x-amz-checksum-sha256",
                        base64(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(data)));
        for (Map.Entry<String, String> checksum : right.entrySet()) {
            HttpResponse<String> ok = rawChunkedPut(bucket, "ok", data, checksum.getKey(), checksum.getValue());
            assertEquals(200, ok.statusCode(), checksum.getKey() + ": " + ok.body());
            byte[] wrong = Base64.getDecoder().decode(checksum.getValue());
            wrong[0] ^= 1;
            HttpResponse<String> bad = rawChunkedPut(bucket, "bad", data, checksum.getKey(), base64(wrong));
            assertEquals(400, bad.statusCode(), checksum.getKey() + ": " + bad.body());
            assertTrue(bad.body().contains("<Code>BadDigest</Code>"), bad.body());
        }
        HttpResponse<String> madeUp = rawChunkedPut(bucket, "bad", data, "x-amz-checksum-crc32", "AAAAAA==");
        assertEquals(400, madeUp.statusCode(), madeUp.body());
        assertTrue(madeUp.body().contains("<Code>BadDigest</Code>"), madeUp.body());
        HttpResponse<String> notBase64 = rawChunkedPut(bucket, "bad", data, "x-amz-checksum-crc32", "not a checksum");
        assertEquals(400, notBase64.statusCode(), notBase64.body());
        assertTrue(notBase64.body().contains("<Code>InvalidRequest</Code>"), notBase64.body());
        HttpResponse<String> unknown = rawChunkedPut(bucket, "bad", data, "x-amz-checksum-md4", "AAAAAA==");
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertThrows(
                NoSuchKeyException.class,
                () -> s3.headObject(b -> b.bucket(bucket).key("bad")));
        assertArrayEquals(
                data, s3.getObjectAsBytes(b -> b.bucket(bucket).key("ok")).asByteArray());

        // a plain PUT with a checksum header is verified the same way
        HttpResponse<String> header = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/" + bucket + "/plain"))
                                .header("x-amz-checksum-sha256", base64(new byte[32]))
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(data))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(400, header.statusCode(), header.body());
        assertTrue(header.body().contains("<Code>BadDigest</Code>"), header.body());
    }

    private HttpResponse<String> rawChunkedPut(
            String bucket, String encodedKey, byte[] data, String trailer, String value) throws Exception {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        int off = 0;
        while (off < data.length) {
            int n = Math.min(65536, data.length - off);
            body.write((Integer.toHexString(n) + ";chunk-signature=" + "0".repeat(64) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            body.write(data, off, n);
            body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            off += n;
        }
        body.write(("0;chunk-signature=" + "1".repeat(64) + "\r\n" + trailer + ":" + value + "\r\n"
                        + "x-amz-trailer-signature:" + "2".repeat(64) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/" + bucket + "/" + encodedKey))
                                .header("Content-Encoding", "aws-chunked")
                                .header("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER")
                                .header("x-amz-decoded-content-length", Integer.toString(data.length))
                                .header("x-amz-trailer", trailer)
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void presignedPutsFromLoopbackPagesGetCorsAnswers() throws Exception {
        String bucket = newBucket(s3);
        HttpClient http = HttpClient.newHttpClient();
        String page = "http://127.0.0.1:8080";
        URI url;
        try (S3Presigner presigner = presigner()) {
            url = URI.create(presigner
                    .presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(15))
                            .putObjectRequest(put ->
                                    put.bucket(bucket).key("uploads/cv.txt").contentType("text/plain")))
                    .url()
                    .toString());
        }

        HttpResponse<Void> preflight = http.send(
                HttpRequest.newBuilder(url)
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", page)
                        .header("Access-Control-Request-Method", "PUT")
                        .header("Access-Control-Request-Headers", "content-type,x-amz-server-side-encryption")
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(200, preflight.statusCode());
        assertEquals(
                page,
                preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(preflight
                .headers()
                .firstValue("Access-Control-Allow-Methods")
                .orElse("")
                .contains("PUT"));
        assertEquals(
                "content-type,x-amz-server-side-encryption",
                preflight.headers().firstValue("Access-Control-Allow-Headers").orElse(""));

        HttpResponse<String> put = http.send(
                HttpRequest.newBuilder(url)
                        .header("Origin", page)
                        .header("Content-Type", "text/plain")
                        .PUT(HttpRequest.BodyPublishers.ofString("resume"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put.body());
        assertEquals(
                page, put.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertEquals(
                "resume",
                s3.getObjectAsBytes(b -> b.bucket(bucket).key("uploads/cv.txt")).asUtf8String());

        for (String stranger : List.of("https://example.com", "http://127.0.0.1.example.com", "null")) {
            HttpResponse<String> refused = http.send(
                    HttpRequest.newBuilder(url)
                            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                            .header("Origin", stranger)
                            .header("Access-Control-Request-Method", "PUT")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, refused.statusCode(), stranger);
            assertTrue(
                    refused.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), stranger);
        }
        HttpResponse<String> otherHeader = http.send(
                HttpRequest.newBuilder(url)
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", page)
                        .header("Access-Control-Request-Method", "PUT")
                        .header("Access-Control-Request-Headers", "authorization")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, otherHeader.statusCode());
    }

    @Test
    void anExpiredPresignedUrlIsRefused() throws Exception {
        String bucket = newBucket(s3);
        String signedLongAgo =
                URI.create(emulator.endpoint() + "/" + bucket + "/late.txt").toString()
                        + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20200101T000000Z&X-Amz-Expires=900"
                        + "&X-Amz-SignedHeaders=host&X-Amz-Signature=00";
        HttpResponse<String> put = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(signedLongAgo))
                                .PUT(HttpRequest.BodyPublishers.ofString("late"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(403, put.statusCode(), put.body());
        assertTrue(put.body().contains("Request has expired"), put.body());
        assertThrows(
                NoSuchKeyException.class,
                () -> s3.headObject(b -> b.bucket(bucket).key("late.txt")));
    }

    private static S3Presigner presigner() {
        return S3Presigner.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .serviceConfiguration(
                        S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }
}
