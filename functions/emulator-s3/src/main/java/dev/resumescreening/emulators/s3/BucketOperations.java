package dev.resumescreening.emulators.s3;

import static dev.resumescreening.emulators.s3.S3Encoding.iso;
import static dev.resumescreening.emulators.s3.S3Request.body;
import static dev.resumescreening.emulators.s3.S3Request.readAll;
import static dev.resumescreening.emulators.s3.S3Responses.OWNER_ID;
import static dev.resumescreening.emulators.s3.S3Responses.REGION;
import static dev.resumescreening.emulators.s3.S3Responses.send;
import static dev.resumescreening.emulators.s3.S3Responses.sendXml;

import java.io.IOException;

/** ListBuckets, CreateBucket, HeadBucket, DeleteBucket and GetBucketLocation. */
final class BucketOperations {
    private final Storage storage;

    BucketOperations(Storage storage) {
        this.storage = storage;
    }

    void listBuckets(S3Request r) throws IOException {
        String prefix = r.query.getOrDefault("prefix", "");
        Xml x = Xml.root("ListAllMyBucketsResult")
                .open("Owner")
                .elem("ID", OWNER_ID)
                .elem("DisplayName", "emulator")
                .close("Owner")
                .open("Buckets");
        for (Storage.Bucket b : storage.buckets()) {
            if (b.name.startsWith(prefix)) {
                x.open("Bucket")
                        .elem("Name", b.name)
                        .elem("CreationDate", iso(b.created))
                        .elem("BucketRegion", REGION)
                        .close("Bucket");
            }
        }
        x.close("Buckets");
        if (!prefix.isEmpty()) {
            x.elem("Prefix", prefix);
        }
        sendXml(r.ex, 200, x.close("ListAllMyBucketsResult"));
    }

    void createBucket(S3Request r) throws IOException {
        readAll(body(r)); // optional CreateBucketConfiguration; the region is not tracked
        storage.createBucket(r.bucket);
        r.ex.getResponseHeaders().set("Location", "/" + r.bucket);
        send(r.ex, 200);
    }

    void headBucket(S3Request r) throws IOException {
        storage.bucket(r.bucket);
        r.ex.getResponseHeaders().set("x-amz-bucket-region", REGION);
        send(r.ex, 200);
    }

    void deleteBucket(S3Request r) throws IOException {
        storage.deleteBucket(r.bucket);
        send(r.ex, 204);
    }

    void getBucketLocation(S3Request r) throws IOException {
        storage.bucket(r.bucket);
        sendXml(r.ex, 200, Xml.root("LocationConstraint").close("LocationConstraint"));
    }
}
