package dev.resumescreening.emulators.s3;

import static dev.resumescreening.emulators.s3.ListingOperations.requireNullVersion;
import static dev.resumescreening.emulators.s3.S3Responses.send;
import static dev.resumescreening.emulators.s3.S3Responses.sendError;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Routes path-style S3 REST requests to the operations on {@link Storage}: buckets, listing, objects and multipart
 * uploads; answers CORS for loopback origins ({@link Cors}) and refuses expired presigned URLs ({@link PresignedUrls}).
 */
final class S3Handler implements HttpHandler {
    private static final Set<String> UNSUPPORTED_BUCKET_SUBRESOURCES = Set.of(
            "acl",
            "policy",
            "policyStatus",
            "versioning",
            "uploads",
            "tagging",
            "cors",
            "lifecycle",
            "logging",
            "notification",
            "replication",
            "website",
            "encryption",
            "ownershipControls",
            "publicAccessBlock",
            "object-lock",
            "accelerate",
            "requestPayment",
            "analytics",
            "inventory",
            "metrics",
            "intelligent-tiering");

    private static final Set<String> UNSUPPORTED_OBJECT_SUBRESOURCES =
            Set.of("acl", "tagging", "attributes", "retention", "legal-hold", "torrent", "restore", "select");

    private final Storage storage;
    private final BucketOperations buckets;
    private final ListingOperations listing;
    private final ObjectOperations objects;
    private final MultipartOperations multipart;

    S3Handler(Storage storage) {
        this.storage = storage;
        BodyStaging bodies = new BodyStaging(storage);
        this.buckets = new BucketOperations(storage);
        this.listing = new ListingOperations(storage);
        this.objects = new ObjectOperations(storage, bodies);
        this.multipart = new MultipartOperations(storage, bodies);
    }

    @Override
    public void handle(HttpExchange ex) {
        String requestId =
                Long.toHexString(ThreadLocalRandom.current().nextLong()).toUpperCase(Locale.ROOT);
        S3Request req = null;
        try {
            ex.getResponseHeaders().set("x-amz-request-id", requestId);
            ex.getResponseHeaders().set("x-amz-id-2", requestId);
            ex.getResponseHeaders().set("Server", "S3Emulator");
            if (Cors.handle(ex)) {
                return;
            }
            req = new S3Request(ex);
            PresignedUrls.requireUnexpired(req.query, Instant.now());
            route(req);
        } catch (S3Exception e) {
            sendError(ex, e.status, e.code, e.getMessage(), req == null ? null : req.resource, requestId);
        } catch (Throwable t) {
            sendError(
                    ex,
                    500,
                    "InternalError",
                    "We encountered an internal error: " + t,
                    req == null ? null : req.resource,
                    requestId);
        } finally {
            ex.close();
        }
    }

    private void route(S3Request r) throws IOException {
        Map<String, String> q = r.query;
        if (r.bucket.isEmpty()) {
            if (r.method.equals("GET")) {
                buckets.listBuckets(r);
                return;
            }
            throw new S3Exception(
                    405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
        }
        if (r.key == null) {
            switch (r.method) {
                case "PUT" -> {
                    if (!q.isEmpty()) {
                        throw S3Exception.notImplemented();
                    }
                    buckets.createBucket(r);
                }
                case "HEAD" -> buckets.headBucket(r);
                case "DELETE" -> {
                    if (!q.isEmpty()) {
                        throw S3Exception.notImplemented();
                    }
                    buckets.deleteBucket(r);
                }
                case "GET" -> {
                    if (q.containsKey("location")) {
                        buckets.getBucketLocation(r);
                    } else if (q.containsKey("versions")) {
                        listing.listVersions(r);
                    } else if (q.keySet().stream().anyMatch(UNSUPPORTED_BUCKET_SUBRESOURCES::contains)) {
                        throw S3Exception.notImplemented();
                    } else {
                        listing.listObjects(r, "2".equals(q.get("list-type")));
                    }
                }
                case "POST" -> {
                    if (q.containsKey("delete")) {
                        objects.deleteObjects(r);
                    } else {
                        throw S3Exception.notImplemented();
                    }
                }
                default ->
                    throw new S3Exception(
                            405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
            }
            return;
        }
        if (q.keySet().stream().anyMatch(UNSUPPORTED_OBJECT_SUBRESOURCES::contains)) {
            throw S3Exception.notImplemented();
        }
        switch (r.method) {
            case "PUT" -> {
                if (q.containsKey("uploadId")) {
                    multipart.uploadPart(r);
                } else if (r.header("x-amz-copy-source") != null) {
                    objects.copyObject(r);
                } else {
                    objects.putObject(r);
                }
            }
            case "GET" -> {
                if (q.containsKey("uploadId")) {
                    throw S3Exception.notImplemented();
                }
                objects.getObject(r, false);
            }
            case "HEAD" -> objects.getObject(r, true);
            case "DELETE" -> {
                if (q.containsKey("uploadId")) {
                    multipart.abortUpload(r);
                } else {
                    requireNullVersion(q.get("versionId"));
                    storage.delete(r.bucket, r.key);
                    send(r.ex, 204);
                }
            }
            case "POST" -> {
                if (q.containsKey("uploads")) {
                    multipart.createUpload(r);
                } else if (q.containsKey("uploadId")) {
                    multipart.completeUpload(r);
                } else {
                    throw S3Exception.notImplemented();
                }
            }
            default ->
                throw new S3Exception(
                        405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
        }
    }
}
