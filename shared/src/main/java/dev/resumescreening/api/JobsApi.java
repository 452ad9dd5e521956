package dev.resumescreening.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.domain.Job;
import dev.resumescreening.domain.JobCounts;
import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.http.ApiRequest;
import dev.resumescreening.http.ApiResponse;
import dev.resumescreening.http.Endpoint;
import dev.resumescreening.http.RequestBodies;
import dev.resumescreening.ports.JobRepository;
import dev.resumescreening.ports.JobRepository.JobPage;
import dev.resumescreening.screening.JobService;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.inject.Inject;

/** POST /api/v1/jobs, GET /api/v1/jobs (paginated, with counts), GET and PATCH (threshold) /api/v1/jobs/{job_id}. */
public final class JobsApi {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final JobService jobs;
    private final JobRepository repository;

    @Inject
    public JobsApi(JobService jobs, JobRepository repository) {
        this.jobs = jobs;
        this.repository = repository;
    }

    public Map<String, Endpoint> routes() {
        return Map.of(
                "POST /api/v1/jobs", this::create,
                "GET /api/v1/jobs", this::list,
                "GET /api/v1/jobs/{job_id}", this::get,
                "PATCH /api/v1/jobs/{job_id}", this::update);
    }

    /**
     * A page of jobs (the table's order, not creation order), as the results route pages: limit and next_token; each
     * with its counts, read for the whole page at once.
     */
    ApiResponse list(ApiRequest request) {
        int limit = RequestBodies.intQuery(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        JobPage page = repository.list(limit, request.query("next_token").orElse(null));
        Map<String, JobCounts> counts =
                repository.counts(page.jobs().stream().map(Job::jobId).toList());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "jobs",
                page.jobs().stream()
                        .map(job -> Views.job(job, counts.get(job.jobId())))
                        .toList());
        body.put("count", page.jobs().size());
        body.put("next_token", page.nextToken());
        return ApiResponse.ok(body);
    }

    ApiResponse create(ApiRequest request) {
        JsonNode body = RequestBodies.jsonObject(request);
        Job job = jobs.create(
                RequestBodies.singleLine(RequestBodies.text(body, "title")),
                RequestBodies.multiLine(RequestBodies.text(body, "description")),
                RequestBodies.number(body, "threshold"),
                RequestBodies.bool(body, "blind_review"));
        return ApiResponse.created(Views.job(job));
    }

    /** Only the threshold changes: title and description are what every result was screened and explained against. */
    ApiResponse update(ApiRequest request) {
        JsonNode body = RequestBodies.jsonObject(request);
        body.fieldNames().forEachRemaining(field -> {
            if (!field.equals("threshold")) {
                throw ProblemException.invalid(
                        "unsupported_field",
                        "only threshold can be changed, not '" + ProblemException.echo(field) + "'");
            }
        });
        return ApiResponse.ok(Views.job(
                jobs.updateThreshold(request.pathParameter("job_id"), RequestBodies.number(body, "threshold"))));
    }

    ApiResponse get(ApiRequest request) {
        return ApiResponse.ok(
                Views.jobWithParts(jobs.find(request.pathParameter("job_id")).job()));
    }
}
