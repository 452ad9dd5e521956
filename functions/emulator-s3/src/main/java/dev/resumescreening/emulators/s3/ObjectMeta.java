package dev.resumescreening.emulators.s3;

import java.util.Map;

/**
 * Metadata of a stored object; persisted as the JSON sidecar.
 *
 * @param key          object key
 * @param size         content length in bytes
 * @param etag         ETag without quotes (MD5 hex, or md5-of-md5s-N for multipart uploads)
 * @param lastModified epoch millis
 * @param headers      standard headers returned on GET/HEAD (Content-Type, Cache-Control, ...)
 * @param userMetadata user metadata, keys lower case without the x-amz-meta- prefix
 * @param checksums    checksum headers supplied by the client (x-amz-checksum-crc32 -> value)
 * @param dataFile     name of the data file in the bucket directory (persistent mode only)
 */
record ObjectMeta(
        String key,
        long size,
        String etag,
        long lastModified,
        Map<String, String> headers,
        Map<String, String> userMetadata,
        Map<String, String> checksums,
        String dataFile) {}
