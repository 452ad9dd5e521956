package dev.resumescreening.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.http.ApiRequest;
import dev.resumescreening.http.ApiResponse;
import dev.resumescreening.http.Endpoint;
import dev.resumescreening.http.RequestBodies;
import dev.resumescreening.registry.Activation;
import dev.resumescreening.registry.ActivePointer;
import dev.resumescreening.registry.ModelRecord;
import dev.resumescreening.registry.ModelRegistry;
import dev.resumescreening.review.ReviewCounts;
import dev.resumescreening.review.ReviewService;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.inject.Inject;

/** GET /api/v1/models and POST /api/v1/models/register|activate|rollback. */
public final class RegistryApi {
    private final ModelRegistry registry;
    private final ReviewService reviews;

    @Inject
    public RegistryApi(ModelRegistry registry, ReviewService reviews) {
        this.registry = registry;
        this.reviews = reviews;
    }

    public Map<String, Endpoint> routes() {
        return Map.of(
                "GET /api/v1/models", this::list,
                "POST /api/v1/models/register", this::register,
                "POST /api/v1/models/activate", this::activate,
                "POST /api/v1/models/rollback", this::rollback);
    }

    ApiResponse list(ApiRequest request) {
        ModelRegistry.Overview overview = registry.overview();
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, ReviewCounts.Agreement> agreement = reviews.agreementByModel();
        body.put(
                "models",
                overview.versions().stream()
                        .map(record -> {
                            Map<String, Object> view = model(record);
                            view.put(
                                    "agreement",
                                    agreement
                                            .getOrDefault(record.version(), new ReviewCounts.Agreement(0, 0))
                                            .toMap());
                            return view;
                        })
                        .toList());
        body.put("active", pointer(overview.pointer()));
        body.put(
                "activations",
                overview.activations().stream().map(RegistryApi::activation).toList());
        return ApiResponse.ok(body);
    }

    ApiResponse register(ApiRequest request) {
        JsonNode body = RequestBodies.jsonObject(request);
        ModelRecord record = registry.register(
                RequestBodies.text(body, "model_path"),
                RequestBodies.text(body, "version"),
                flag(body, "activate"),
                flag(body, "force"),
                request.caller());
        return ApiResponse.created(
                Map.of("success", true, "model", model(record), "active", pointer(registry.pointer())));
    }

    ApiResponse activate(ApiRequest request) {
        JsonNode body = RequestBodies.jsonObject(request);
        Double weight = RequestBodies.number(body, "challenger_weight");
        if (weight != null && weight != Math.rint(weight)) {
            throw ProblemException.invalid(
                    "invalid_challenger_weight", "challenger_weight must be a whole number 0-100");
        }
        boolean force = flag(body, "force");
        ActivePointer pointer = registry.activate(
                RequestBodies.text(body, "champion"),
                RequestBodies.text(body, "challenger"),
                weight == null ? null : weight.intValue(),
                request.caller(),
                "activated by " + request.caller(),
                force);
        return ApiResponse.ok(Map.of("success", true, "active", pointer(pointer)));
    }

    ApiResponse rollback(ApiRequest request) {
        return ApiResponse.ok(Map.of("success", true, "active", pointer(registry.rollback(request.caller()))));
    }

    private static boolean flag(JsonNode body, String field) {
        return Boolean.TRUE.equals(RequestBodies.bool(body, field));
    }

    static Map<String, Object> model(ModelRecord record) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("version", record.version());
        view.put("framework", record.framework());
        view.put("status", record.status().name());
        view.put("accuracy", record.accuracy());
        view.put("auc", record.auc());
        view.put("f1", record.f1());
        view.put("training_samples", record.trainingSamples());
        view.put("created_at", record.createdAt());
        view.put("embedder", record.embedder());
        view.put("weights_sha256", record.weightsSha256());
        view.put("run_id", record.runId());
        return view;
    }

    static Map<String, Object> pointer(ActivePointer pointer) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("champion_version", pointer.championVersion());
        view.put("challenger_version", pointer.challengerVersion());
        view.put("challenger_weight", pointer.challengerWeight());
        view.put("updated_at", pointer.updatedAt());
        return view;
    }

    static Map<String, Object> activation(Activation activation) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("activated_at", activation.activatedAt());
        view.put("actor", activation.actor());
        view.put("champion_version", activation.championVersion());
        view.put("challenger_version", activation.challengerVersion());
        view.put("challenger_weight", activation.challengerWeight());
        view.put("previous_champion", activation.previousChampion());
        view.put("reason", activation.reason());
        view.put("kind", activation.kind());
        return view;
    }
}
