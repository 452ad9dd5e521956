package dev.resumescreening.screening;

import dev.resumescreening.compliance.SelfIdentification;

/**
 * A resume as it arrived: who it is, which job it is for, and the file; {@code selfIdentification} is the candidate's
 * voluntary EEO-1 answers (null when none), stored apart from the result and never given to the model;
 * {@code idempotencyKey} the client's key for this upload, scoped to the caller (null when none);
 * {@code stagedUploadId} names the file put into the bucket through a presigned upload ({@link StagedUploads}),
 * whose content is then read from there (null, with the file in {@code content}, for an inline upload).
 */
public record ResumeUpload(
        String jobId,
        String candidateName,
        String fileName,
        String contentType,
        byte[] content,
        SelfIdentification selfIdentification,
        String idempotencyKey,
        String stagedUploadId) {
    /** The name under which the largest accepted file size (setting MAX_UPLOAD_BYTES) is injected. */
    public static final String MAX_BYTES = "maxUploadBytes";

    public ResumeUpload(String jobId, String candidateName, String fileName, String contentType, byte[] content) {
        this(jobId, candidateName, fileName, contentType, content, null, null, null);
    }

    public ResumeUpload withIdempotencyKey(String key) {
        return new ResumeUpload(
                jobId, candidateName, fileName, contentType, content, selfIdentification, key, stagedUploadId);
    }

    public ResumeUpload withContent(byte[] stagedContent) {
        return new ResumeUpload(
                jobId,
                candidateName,
                fileName,
                contentType,
                stagedContent,
                selfIdentification,
                idempotencyKey,
                stagedUploadId);
    }
}
