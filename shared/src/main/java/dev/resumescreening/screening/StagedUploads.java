package dev.resumescreening.screening;

import dev.resumescreening.config.Contract;
import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.domain.ProblemKind;
import dev.resumescreening.logging.JsonLog;
import dev.resumescreening.ports.DocumentStore;
import dev.resumescreening.ports.DocumentStore.PresignedUpload;
import dev.resumescreening.ports.DocumentStore.StoredObject;
import dev.resumescreening.text.DocumentTextExtractor;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;

/**
 * Files too large for an API request (API Gateway and Lambda refuse payloads over 6 MB, base64 adds a third) go
 * straight into the bucket through a presigned PUT, staged under {@code uploads/<job id>/<upload id>}, and are screened
 * from there. A staged file is taken soon after it was put or not at all; the bucket's lifecycle rule removes what is
 * left after a day.
 */
@Singleton
public final class StagedUploads {
    /** How long the presigned URL may be used. */
    public static final Duration URL_LIFETIME = Duration.ofMinutes(15);
    /** How long after its PUT a staged file may still be screened: the URL's lifetime, and as long again for slack. */
    static final Duration STAGED_LIFETIME = URL_LIFETIME.multipliedBy(2);

    private static final Pattern UPLOAD_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final JobService jobs;
    private final DocumentStore documents;
    private final Clock clock;
    private final long maxUploadBytes;

    @Inject
    public StagedUploads(
            JobService jobs, DocumentStore documents, Clock clock, @Named(ResumeUpload.MAX_BYTES) long maxUploadBytes) {
        this.jobs = jobs;
        this.documents = documents;
        this.clock = clock;
        this.maxUploadBytes = maxUploadBytes;
    }

    /** A new upload's id and where the client puts the file. */
    public record Issued(String uploadId, PresignedUpload target) {}

    /**
     * A presigned PUT for a file of the job (unknown job: not found) named {@code fileName}, declared
     * {@code contentType} (PDF, .docx or plain text, as an inline upload) and exactly {@code size} bytes (at most the
     * upload limit).
     */
    public Issued issue(String jobId, String fileName, String contentType, long size) {
        String jobKey = jobs.find(jobId).job().jobId();
        if (contentType == null || contentType.isBlank()) {
            throw ProblemException.invalid("missing_content_type", "content_type is required");
        }
        String documentType = DocumentTextExtractor.acceptedType(fileName, contentType)
                .orElseThrow(() -> new ProblemException(
                        ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                        "unsupported_file_type",
                        "only PDF, Word (.docx) and plain text resumes are accepted"));
        if (size <= 0) {
            throw ProblemException.invalid("invalid_size", "size must be the file's length in bytes, more than 0");
        }
        if (size > maxUploadBytes) {
            throw tooLarge();
        }
        String uploadId = UUID.randomUUID().toString();
        PresignedUpload target = documents.temporaryUploadUrl(key(jobKey, uploadId), documentType, size, URL_LIFETIME);
        JsonLog.info("upload.issued", Map.of("job_id", jobKey, "upload_id", uploadId, "size", size));
        return new Issued(uploadId, target);
    }

    /**
     * The staged file's content: not found when there is none (never put, already taken, or removed), gone when it
     * was put longer ago than {@link #STAGED_LIFETIME}, too large when it is over the upload limit.
     */
    byte[] read(String jobId, String uploadId) {
        String key = key(jobId, requireUploadId(uploadId));
        StoredObject staged = documents.read(key, maxUploadBytes).orElseThrow(StagedUploads::notFound);
        if (staged.lastModified().plus(STAGED_LIFETIME).isBefore(clock.instant())) {
            throw new ProblemException(
                    ProblemKind.GONE,
                    "upload_expired",
                    "the file was uploaded more than " + STAGED_LIFETIME.toMinutes() + " minutes ago; upload it again");
        }
        if (staged.content() == null) {
            throw tooLarge();
        }
        return staged.content();
    }

    /** Removes the staged file and its earlier versions; left behind on failure, the lifecycle rule removes it. */
    void discard(String jobId, String uploadId) {
        String key = key(jobId, uploadId);
        try {
            documents.deleteEveryVersion(key);
        } catch (RuntimeException e) {
            JsonLog.warn(
                    "upload.discard_failed",
                    Map.of("upload_id", uploadId, "error", e.getClass().getSimpleName()));
        }
    }

    static String key(String jobId, String uploadId) {
        return Contract.get().prefix("uploads") + jobId + "/" + uploadId;
    }

    private static String requireUploadId(String uploadId) {
        if (!UPLOAD_ID.matcher(uploadId).matches()) {
            throw notFound();
        }
        return uploadId;
    }

    private static ProblemException notFound() {
        return new ProblemException(
                ProblemKind.NOT_FOUND,
                "upload_not_found",
                "no uploaded file has this upload_id for the job; it was never put, or it was taken already");
    }

    private ProblemException tooLarge() {
        return new ProblemException(
                ProblemKind.TOO_LARGE,
                "file_too_large",
                "the file is larger than the limit of " + maxUploadBytes + " bytes");
    }
}
