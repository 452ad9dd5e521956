package dev.resumescreening.screening;

import dev.resumescreening.compliance.SelfIdentification;

/**
 * A resume as it arrived: who it is, which job it is for, and the file; {@code selfIdentification} is the candidate's
 * voluntary EEO-1 answers (null when none), stored apart from the result and never given to the model;
 * {@code idempotencyKey} the client's key for this upload, scoped to the caller (null when none).
 */
public record ResumeUpload(String jobId, String candidateName, String fileName, String contentType, byte[] content,
                           SelfIdentification selfIdentification, String idempotencyKey) {
    public ResumeUpload(String jobId, String candidateName, String fileName, String contentType, byte[] content) {
        this(jobId, candidateName, fileName, contentType, content, null, null);
    }

    public ResumeUpload withIdempotencyKey(String key) {
        return new ResumeUpload(jobId, candidateName, fileName, contentType, content, selfIdentification, key);
    }
}
