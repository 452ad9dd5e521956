package dev.resumescreening.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.http.ApiRequest;
import dev.resumescreening.http.ApiResponse;
import dev.resumescreening.http.Endpoint;
import dev.resumescreening.http.RequestBodies;
import dev.resumescreening.json.Json;
import dev.resumescreening.training.TrainingLauncher;
import dev.resumescreening.training.TrainingRun;
import dev.resumescreening.training.TrainingRunStore;
import dev.resumescreening.training.TrainingRuns;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * POST /api/v1/feedback/trigger-training (answers 202 at once; training runs in the scheduled-training function),
 * GET /api/v1/training/runs (newest first, paginated) and GET /api/v1/training/runs/{run_id}. The launcher differs by place: a Lambda invoke in AWS, a thread locally.
 */
public final class TriggerApi {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final TrainingRuns runs;
    private final TrainingLauncher launcher;

    public TriggerApi(TrainingRuns runs, TrainingLauncher launcher) {
        this.runs = runs;
        this.launcher = launcher;
    }

    public Map<String, Endpoint> routes() {
        return Map.of(
                "POST /api/v1/feedback/trigger-training", this::trigger,
                "GET /api/v1/training/runs", this::list,
                "GET /api/v1/training/runs/{run_id}", this::run);
    }

    /** Runs a page at a time, newest first, each as {@link #run} shows it (with its metrics and ROC curves). */
    ApiResponse list(ApiRequest request) {
        int limit = RequestBodies.intQuery(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        TrainingRunStore.RunPage page =
                runs.list(limit, request.query("next_token").orElse(null));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("runs", page.runs().stream().map(TriggerApi::view).toList());
        body.put("count", page.runs().size());
        body.put("next_token", page.nextToken());
        return ApiResponse.ok(body);
    }

    ApiResponse trigger(ApiRequest request) {
        JsonNode body = request.body().length == 0 ? Json.MAPPER.createObjectNode() : RequestBodies.jsonObject(request);
        JsonNode force = body.get("force");
        if (force != null && !force.isNull() && !force.isBoolean()) {
            throw ProblemException.invalid("invalid_force", "force must be true or false");
        }
        Double minSamples = RequestBodies.number(body, "min_samples");
        if (minSamples != null && (minSamples != Math.rint(minSamples) || minSamples < 1 || minSamples > 1e9)) {
            throw ProblemException.invalid("invalid_min_samples", "min_samples must be a whole number >= 1");
        }
        TrainingRun run = runs.start(
                launcher, force != null && force.asBoolean(), minSamples == null ? null : minSamples.intValue());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("success", true);
        view.put("message", "Training started!");
        view.put("run_id", run.runId());
        view.put("status_url", "/api/v1/training/runs/" + run.runId());
        return ApiResponse.accepted(view);
    }

    ApiResponse run(ApiRequest request) {
        return ApiResponse.ok(view(runs.find(request.pathParameter("run_id"))));
    }

    /** The run without where its log is stored: callers follow a run by its id, the log is for operators. */
    private static Map<String, Object> view(TrainingRun run) {
        Map<String, Object> view = new LinkedHashMap<>(TrainingRuns.view(run));
        view.remove("log_file");
        return view;
    }
}
