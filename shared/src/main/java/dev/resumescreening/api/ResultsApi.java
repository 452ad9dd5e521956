package dev.resumescreening.api;

import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.http.ApiRequest;
import dev.resumescreening.http.ApiResponse;
import dev.resumescreening.http.Endpoint;
import dev.resumescreening.http.RequestBodies;
import dev.resumescreening.ports.JobRepository;
import dev.resumescreening.ports.ResultRepository;
import dev.resumescreening.ports.ResultRepository.Page;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.inject.Inject;

/** GET /api/v1/screening/results/{job_id} (paginated, filter reviewed) and GET /api/v1/screening/result/{id}. */
public final class ResultsApi {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final ResultRepository results;
    private final JobRepository jobs;

    @Inject
    public ResultsApi(ResultRepository results, JobRepository jobs) {
        this.results = results;
        this.jobs = jobs;
    }

    public Map<String, Endpoint> routes() {
        return Map.of(
                "GET /api/v1/screening/results/{job_id}", this::list,
                "GET /api/v1/screening/result/{result_id}", this::get);
    }

    ApiResponse list(ApiRequest request) {
        int limit = RequestBodies.intQuery(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        Boolean reviewed = RequestBodies.booleanQuery(request, "reviewed");
        String jobId = request.pathParameter("job_id");
        if (jobs.find(jobId).isEmpty()) {
            throw ProblemException.notFound("job", jobId);
        }
        Page page = results.listByJob(jobId, reviewed, limit, request.query("next_token").orElse(null));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("job_id", jobId);
        body.put("results", page.results().stream().map(Views::result).toList());
        body.put("count", page.results().size());
        body.put("next_token", page.nextToken());
        return ApiResponse.ok(body);
    }

    ApiResponse get(ApiRequest request) {
        String id = request.pathParameter("result_id");
        return ApiResponse.ok(Views.result(results.find(id)
                .orElseThrow(() -> ProblemException.notFound("screening_result", id))));
    }
}
