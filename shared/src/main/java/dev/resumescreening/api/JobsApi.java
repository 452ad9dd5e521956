package dev.resumescreening.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.domain.Job;
import dev.resumescreening.http.ApiRequest;
import dev.resumescreening.http.ApiResponse;
import dev.resumescreening.http.Endpoint;
import dev.resumescreening.http.RequestBodies;
import dev.resumescreening.screening.JobService;
import java.util.Map;
import javax.inject.Inject;

/** POST /api/v1/jobs and GET /api/v1/jobs/{job_id}. */
public final class JobsApi {
    private final JobService jobs;

    @Inject
    public JobsApi(JobService jobs) {
        this.jobs = jobs;
    }

    public Map<String, Endpoint> routes() {
        return Map.of(
                "POST /api/v1/jobs", this::create,
                "GET /api/v1/jobs/{job_id}", this::get);
    }

    ApiResponse create(ApiRequest request) {
        JsonNode body = RequestBodies.jsonObject(request);
        Job job = jobs.create(RequestBodies.singleLine(RequestBodies.text(body, "title")),
                RequestBodies.multiLine(RequestBodies.text(body, "description")),
                RequestBodies.number(body, "threshold"));
        return ApiResponse.created(Views.job(job));
    }

    ApiResponse get(ApiRequest request) {
        return ApiResponse.ok(Views.job(jobs.find(request.pathParameter("job_id")).job()));
    }
}
