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
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * POST /api/v1/screening/upload-resume: multipart/form-data ({@code file}, {@code job_id}, {@code candidate_name})
 * or JSON with {@code content_base64}; either may carry the voluntary {@code self_identified_sex} and
 * {@code self_identified_race_ethnicity} (EEO-1 codes), which are stored apart and never answered back.
 */
public final class UploadApi {
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("[ \\t\\r\\n]+");
    public static final String MAX_UPLOAD_BYTES = "maxUploadBytes";
    static final String SELF_IDENTIFIED_SEX = "self_identified_sex";
    static final String SELF_IDENTIFIED_RACE_ETHNICITY = "self_identified_race_ethnicity";
    /** Room for multipart framing and form fields around the file itself. */
    private static final long ENVELOPE_BYTES = 64 * 1024;

    private final ScreeningService screening;
    private final long maxUploadBytes;

    @Inject
    public UploadApi(ScreeningService screening, @Named(MAX_UPLOAD_BYTES) long maxUploadBytes) {
        this.screening = screening;
        this.maxUploadBytes = maxUploadBytes;
    }

    public Map<String, Endpoint> routes() {
        return Map.of("POST /api/v1/screening/upload-resume", this::upload);
    }

    ApiResponse upload(ApiRequest request) {
        return ApiResponse.created(Views.result(screening.screen(parse(request))));
    }

    private ResumeUpload parse(ApiRequest request) {
        String contentType = request.header("content-type").orElse("").toLowerCase(Locale.ROOT);
        if (request.body().length > maxUploadBytes * 4 / 3 + ENVELOPE_BYTES) {
            throw tooLarge();
        }
        ResumeUpload upload;
        if (contentType.startsWith("multipart/form-data")) {
            upload = fromMultipart(MultipartForm.parse(request.body(), request.header("content-type").orElseThrow(),
                    maxUploadBytes));
        } else if (contentType.startsWith("application/json")) {
            upload = fromJson(RequestBodies.jsonObject(request));
        } else {
            throw new ProblemException(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "unsupported_content_type",
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
        Part file = form.part("file").filter(p -> p.fileName() != null || p.content().length > 0)
                .orElseThrow(() -> ProblemException.invalid("missing_file", "the form has no 'file' part"));
        return new ResumeUpload(form.part("job_id").map(Part::text).map(String::strip).orElse(null),
                form.part("candidate_name").map(Part::text).map(RequestBodies::singleLine).orElse(null),
                file.fileName(), file.contentType(), file.content(),
                SelfIdentification.parse(form.part(SELF_IDENTIFIED_SEX).map(Part::text).orElse(null),
                        form.part(SELF_IDENTIFIED_RACE_ETHNICITY).map(Part::text).orElse(null)));
    }

    private static ResumeUpload fromJson(JsonNode body) {
        String encoded = RequestBodies.text(body, "content_base64");
        if (encoded == null || encoded.isEmpty()) {
            throw ProblemException.invalid("missing_file", "content_base64 is required");
        }
        byte[] content;
        try {
            // line breaks and spaces (as base64 tools wrap it) are allowed; any other character outside the alphabet
            // is an error, not something to skip over
            content = Base64.getDecoder().decode(WHITESPACE.matcher(encoded).replaceAll(""));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("invalid_content_base64", "content_base64 is not valid base64");
        }
        return new ResumeUpload(RequestBodies.text(body, "job_id"),
                RequestBodies.singleLine(RequestBodies.text(body, "candidate_name")),
                RequestBodies.text(body, "file_name"), RequestBodies.text(body, "content_type"), content,
                SelfIdentification.parse(RequestBodies.text(body, SELF_IDENTIFIED_SEX),
                        RequestBodies.text(body, SELF_IDENTIFIED_RACE_ETHNICITY)));
    }

    private ProblemException tooLarge() {
        return new ProblemException(ProblemKind.TOO_LARGE, "file_too_large",
                "the file is larger than the limit of " + maxUploadBytes + " bytes");
    }
}
