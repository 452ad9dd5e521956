package dev.resumescreening.api;

import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.domain.ScreeningResult;
import dev.resumescreening.http.ApiRequest;
import dev.resumescreening.http.ApiResponse;
import dev.resumescreening.http.Endpoint;
import dev.resumescreening.http.RequestBodies;
import dev.resumescreening.ports.DocumentStore;
import dev.resumescreening.ports.JobRepository;
import dev.resumescreening.ports.ResultRepository;
import dev.resumescreening.ports.ResultRepository.Page;
import dev.resumescreening.text.DocumentTextExtractor;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.inject.Inject;

/**
 * GET /api/v1/screening/results/{job_id} (paginated, filter reviewed, newest first or by score), GET /api/v1/screening/result/{id} and
 * GET /api/v1/screening/result/{id}/original (the uploaded file, from the document store).
 */
public final class ResultsApi {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final ResultRepository results;
    private final JobRepository jobs;
    private final DocumentStore documents;

    @Inject
    public ResultsApi(ResultRepository results, JobRepository jobs, DocumentStore documents) {
        this.results = results;
        this.jobs = jobs;
        this.documents = documents;
    }

    public Map<String, Endpoint> routes() {
        return Map.of(
                "GET /api/v1/screening/results/{job_id}", this::list,
                "GET /api/v1/screening/result/{result_id}", this::get,
                "GET /api/v1/screening/result/{result_id}/original", this::original);
    }

    ApiResponse list(ApiRequest request) {
        int limit = RequestBodies.intQuery(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        Boolean reviewed = RequestBodies.booleanQuery(request, "reviewed");
        String jobId = request.pathParameter("job_id");
        if (jobs.find(jobId).isEmpty()) {
            throw ProblemException.notFound("job", jobId);
        }
        String sort = request.query("sort").orElse("created");
        if (!sort.equals("created") && !sort.equals("score")) {
            throw ProblemException.invalid(
                    "invalid_sort", "sort must be created (newest first) or score (highest first)");
        }
        Page page = results.listByJob(
                jobId,
                reviewed,
                sort.equals("score"),
                limit,
                request.query("next_token").orElse(null));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("job_id", jobId);
        body.put("results", page.results().stream().map(Views::result).toList());
        body.put("count", page.results().size());
        body.put("next_token", page.nextToken());
        return ApiResponse.ok(body);
    }

    ApiResponse get(ApiRequest request) {
        return ApiResponse.ok(Views.result(find(request.pathParameter("result_id"))));
    }

    /**
     * The file as uploaded, served as PDF, Word document or plain text only (the only types an upload accepts). For a job reviewed
     * blind, a caller who is not an admin gets the text the model read instead, the candidate's personal details
     * removed (header {@code x-blind-review: true}); {@code view=text} asks for that text whoever calls (the review
     * screen highlights the explanation's terms in it).
     */
    ApiResponse original(ApiRequest request) {
        String view = request.query("view").orElse("original");
        if (!view.equals("original") && !view.equals("text")) {
            throw ProblemException.invalid("invalid_view", "view must be original or text");
        }
        ScreeningResult result = find(request.pathParameter("result_id"));
        ScreeningResult.Document document = result.document();
        boolean blind = view.equals("text")
                || !request.isAdmin()
                        && jobs.find(result.jobId())
                                .map(stored -> stored.job().blindReview())
                                .orElse(true);
        if (blind) {
            byte[] redacted = documents
                    .get(document.textKey())
                    .orElseThrow(() -> ProblemException.notFound("resume_text", result.resultId()));
            return ApiResponse.file(redacted, "text/plain; charset=utf-8", "resume.txt")
                    .withHeader("x-blind-review", "true");
        }
        byte[] content = documents
                .get(document.originalKey())
                .orElseThrow(() -> ProblemException.notFound("original_file", result.resultId()));
        String type =
                document.contentType() == null ? "" : document.contentType().toLowerCase(Locale.ROOT);
        String served = type.startsWith(DocumentTextExtractor.PDF) || type.startsWith(DocumentTextExtractor.DOCX)
                ? type
                : "text/plain; charset=utf-8";
        return ApiResponse.file(content, served, document.fileName());
    }

    private ScreeningResult find(String id) {
        return results.find(id).orElseThrow(() -> ProblemException.notFound("screening_result", id));
    }
}
