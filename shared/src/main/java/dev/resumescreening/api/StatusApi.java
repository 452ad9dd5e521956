package dev.resumescreening.api;

import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.http.ApiRequest;
import dev.resumescreening.http.ApiResponse;
import dev.resumescreening.http.Endpoint;
import dev.resumescreening.http.RequestBodies;
import dev.resumescreening.ports.JobRepository;
import dev.resumescreening.review.ReviewQueue;
import dev.resumescreening.review.TrainingStatusService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.inject.Inject;

/** GET /api/v1/feedback/training-status and GET /api/v1/feedback/review-queue. */
public final class StatusApi {
    static final int DEFAULT_QUEUE = 20;
    static final int MAX_QUEUE = 100;

    private final TrainingStatusService status;
    private final ReviewQueue queue;
    private final JobRepository jobs;

    @Inject
    public StatusApi(TrainingStatusService status, ReviewQueue queue, JobRepository jobs) {
        this.status = status;
        this.queue = queue;
        this.jobs = jobs;
    }

    public Map<String, Endpoint> routes() {
        return Map.of(
                "GET /api/v1/feedback/training-status", this::trainingStatus,
                "GET /api/v1/feedback/review-queue", this::reviewQueue);
    }

    ApiResponse trainingStatus(ApiRequest request) {
        return ApiResponse.ok(status.status());
    }

    ApiResponse reviewQueue(ApiRequest request) {
        int limit = RequestBodies.intQuery(request, "limit", DEFAULT_QUEUE, 1, MAX_QUEUE);
        String jobId = request.query("job_id").orElse(null);
        if (jobId != null && jobs.find(jobId).isEmpty()) {
            throw ProblemException.notFound("job", jobId);
        }
        List<Map<String, Object>> entries = queue.next(jobId, limit).stream()
                .map(entry -> {
                    Map<String, Object> view = Views.result(entry.queued().result());
                    view.put("distance_from_threshold", entry.queued().distanceFromThreshold());
                    view.put("pick", entry.pick().name().toLowerCase(Locale.ROOT));
                    return view;
                })
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("results", entries);
        body.put("count", entries.size());
        return ApiResponse.ok(body);
    }
}
