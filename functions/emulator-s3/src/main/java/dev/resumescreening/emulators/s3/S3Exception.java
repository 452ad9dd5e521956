package dev.resumescreening.emulators.s3;

/** An S3 error to be rendered as an S3 error document. */
final class S3Exception extends RuntimeException {
    final int status;
    final String code;

    S3Exception(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static S3Exception noSuchBucket(String bucket) {
        return new S3Exception(404, "NoSuchBucket", "The specified bucket does not exist");
    }

    static S3Exception noSuchKey() {
        return new S3Exception(404, "NoSuchKey", "The specified key does not exist.");
    }

    static S3Exception noSuchUpload() {
        return new S3Exception(
                404,
                "NoSuchUpload",
                "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.");
    }

    static S3Exception malformedXml() {
        return new S3Exception(
                400,
                "MalformedXML",
                "The XML you provided was not well-formed or did not validate against our published schema");
    }

    static S3Exception invalidArgument(String message) {
        return new S3Exception(400, "InvalidArgument", message);
    }

    static S3Exception notImplemented() {
        return new S3Exception(
                501,
                "NotImplemented",
                "A header or query you provided implies functionality that is not implemented by this emulator");
    }
}
