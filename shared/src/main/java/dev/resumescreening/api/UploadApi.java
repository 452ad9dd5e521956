package dev.resumescreening.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.compliance.SelfIdentification;
import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.domain.ProblemKind;
import dev.resumescreening.http.ApiRequest;
import dev.resumescreening.http.ApiResponse;
import dev.resumescreening.http.Endpoint;
import dev.resumescreening.http.MultipartForm;
import dev.resumescreening.http.MultipartForm.Part;
import dev.resumescreening.http.RequestBodies;
import dev.resumescreening.screening.ResumeUpload;
import dev.resumescreening.screening.ScreeningService;
import dev.resumescreening.screening.ScreeningService.Screening;
import dev.resumescreening.screening.StagedUploads;
import dev.resumescreening.screening.StagedUploads.Issued;
import dev.resumescreening.screening.Timestamps;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * POST /api/v1/screening/upload-resume: multipart/form-data ({@code file}, {@code job_id}, {@code candidate_name})
 * or JSON with {@code content_base64}, or JSON with the {@code upload_id} of a file put through a presigned upload;
 * any may carry the voluntary {@code self_identified_sex} and {@code self_identified_race_ethnicity} (EEO-1 codes),
 * which are stored apart and never answered back. POST /api/v1/jobs/{job_id}/uploads: a presigned PUT for a file
 * too large for an API request.
 */
public final class UploadApi {
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("[ \\t\\r\\n]+");
    private static final java.util.regex.Pattern IDEMPOTENCY_KEY =
            java.util.regex.Pattern.compile("[\\x21-\\x7e]{1,255}");
    static final String SELF_IDENTIFIED_SEX = "self_identified_sex";
    static final String SELF_IDENTIFIED_RACE_ETHNICITY = "self_identified_race_ethnicity";
    /** Room for multipart framing and form fields around the file itself. */
    private static final long ENVELOPE_BYTES = 64 * 1024;

    private final ScreeningService screening;
    private final StagedUploads stagedUploads;
    private final long maxUploadBytes;

    @Inject
    public UploadApi(
            ScreeningService screening,
            StagedUploads stagedUploads,
            @Named(ResumeUpload.MAX_BYTES) long maxUploadBytes) {
        this.screening = screening;
        this.stagedUploads = stagedUploads;
        this.maxUploadBytes = maxUploadBytes;
    }

    public Map<String, Endpoint> routes() {
        return Map.of(
                "POST /api/v1/screening/upload-resume",
                this::upload,
                "POST /api/v1/jobs/{job_id}/uploads",
                this::issueUpload);
    }

    /**
     * 201 with a presigned PUT for one file: its {@code url}, the {@code headers} the PUT must carry (they are signed
     * into the URL), and when it expires; the file is then screened by {@code upload_id}.
     */
    ApiResponse issueUpload(ApiRequest request) {
        JsonNode body = RequestBodies.jsonObject(request);
        Long size = RequestBodies.wholeNumber(body, "size");
        if (size == null) {
            throw ProblemException.invalid("invalid_size", "size must be the file's length in bytes");
        }
        Issued issued = stagedUploads.issue(
                request.pathParameter("job_id"),
                RequestBodies.text(body, "file_name"),
                RequestBodies.text(body, "content_type"),
                size);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("upload_id", issued.uploadId());
        view.put("url", issued.target().url().toString());
        view.put("method", "PUT");
        view.put("headers", new TreeMap<>(issued.target().headers()));
        view.put("expires_at", Timestamps.format(issued.target().expiresAt()));
        return ApiResponse.created(view);
    }

    /**
     * 201 with a new result; with an {@code Idempotency-Key} already used by this caller, the same answer again
     * (header {@code idempotent-replayed: true}); for a file already screened for the job, 200 with that result and
     * {@code duplicate_of} naming it: no second record either way.
     */
    ApiResponse upload(ApiRequest request) {
        Screening screening = this.screening.screen(parse(request).withIdempotencyKey(idempotencyKey(request)));
        Map<String, Object> view = Views.result(screening.result());
        return switch (screening.outcome()) {
            case CREATED -> ApiResponse.created(view);
            case REPLAYED -> ApiResponse.created(view).withHeader("idempotent-replayed", "true");
            case DUPLICATE -> {
                view.put("duplicate_of", screening.result().resultId());
                yield ApiResponse.ok(view);
            }
        };
    }

    /** The caller's key, scoped to the caller: two people's keys never meet. */
    private static String idempotencyKey(ApiRequest request) {
        Optional<String> key = request.header("idempotency-key");
        if (key.isEmpty()) {
            return null;
        }
        if (!IDEMPOTENCY_KEY.matcher(key.get()).matches()) {
            throw ProblemException.invalid(
                    "invalid_idempotency_key", "Idempotency-Key must be 1 to 255 printable ASCII characters");
        }
        return request.caller() + "#" + key.get();
    }

    private ResumeUpload parse(ApiRequest request) {
        String contentType = request.header("content-type").orElse("").toLowerCase(Locale.ROOT);
        if (request.body().length > maxUploadBytes * 4 / 3 + ENVELOPE_BYTES) {
            throw tooLarge();
        }
        ResumeUpload upload;
        if (contentType.startsWith("multipart/form-data")) {
            upload = fromMultipart(MultipartForm.parse(
                    request.body(), request.header("content-type").orElseThrow(), maxUploadBytes));
        } else if (contentType.startsWith("application/json")) {
            upload = fromJson(RequestBodies.jsonObject(request));
        } else {
            throw new ProblemException(
                    ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported_content_type",
                    "send multipart/form-data with a 'file' part, or application/json with 'content_base64'");
        }
        if (upload.content().length > maxUploadBytes) {
            throw tooLarge();
        }
        if (upload.jobId() == null || upload.jobId().isBlank()) {
            throw ProblemException.invalid("missing_job_id", "job_id is required");
        }
        return upload;
    }

    private static ResumeUpload fromMultipart(MultipartForm form) {
        Part file = form.part("file")
                .filter(p -> p.fileName() != null || p.content().length > 0)
                .orElseThrow(() -> ProblemException.invalid("missing_file", "the form has no 'file' part"));
        return new ResumeUpload(
                form.part("job_id").map(Part::text).map(String::strip).orElse(null),
                form.part("candidate_name")
                        .map(Part::text)
                        .map(RequestBodies::singleLine)
                        .orElse(null),
                file.fileName(),
                file.contentType(),
                file.content(),
                SelfIdentification.parse(
                        form.part(SELF_IDENTIFIED_SEX).map(Part::text).orElse(null),
                        form.part(SELF_IDENTIFIED_RACE_ETHNICITY)
                                .map(Part::text)
                                .orElse(null)),
                null,
                null);
    }

    private static ResumeUpload fromJson(JsonNode body) {
        String encoded = RequestBodies.text(body, "content_base64");
        String uploadId = RequestBodies.text(body, "upload_id");
        if (uploadId != null && encoded != null) {
            throw ProblemException.invalid("ambiguous_file", "send either content_base64 or upload_id, not both");
        }
        if (uploadId != null) {
            return new ResumeUpload(
                    RequestBodies.text(body, "job_id"),
                    RequestBodies.singleLine(RequestBodies.text(body, "candidate_name")),
                    RequestBodies.text(body, "file_name"),
                    RequestBodies.text(body, "content_type"),
                    new byte[0],
                    selfIdentification(body),
                    null,
                    uploadId);
        }
        if (encoded == null || encoded.isEmpty()) {
            throw ProblemException.invalid("missing_file", "content_base64 or upload_id is required");
        }
        byte[] content;
        try {
            // line breaks and spaces (as base64 tools wrap it) are allowed; any other character outside the alphabet
            // is an error, not something to skip over
            content = Base64.getDecoder().decode(WHITESPACE.matcher(encoded).replaceAll(""));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("invalid_content_base64", "content_base64 is not valid base64");
        }
        return new ResumeUpload(
                RequestBodies.text(body, "job_id"),
                RequestBodies.singleLine(RequestBodies.text(body, "candidate_name")),
                RequestBodies.text(body, "file_name"),
                RequestBodies.text(body, "content_type"),
                content,
                selfIdentification(body),
                null,
                null);
    }

    private static SelfIdentification selfIdentification(JsonNode body) {
        return SelfIdentification.parse(
                RequestBodies.text(body, SELF_IDENTIFIED_SEX),
                RequestBodies.text(body, SELF_IDENTIFIED_RACE_ETHNICITY));
    }

    private ProblemException tooLarge() {
        return new ProblemException(
                ProblemKind.TOO_LARGE,
                "file_too_large",
                "the file is larger than the limit of " + maxUploadBytes + " bytes");
    }
}
