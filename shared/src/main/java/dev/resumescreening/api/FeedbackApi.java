package dev.resumescreening.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.domain.ScreeningResult;
import dev.resumescreening.http.ApiRequest;
import dev.resumescreening.http.ApiResponse;
import dev.resumescreening.http.Endpoint;
import dev.resumescreening.http.RequestBodies;
import dev.resumescreening.review.ReviewService;
import java.util.Map;
import javax.inject.Inject;

/**
 * POST /api/v1/feedback/submit: a reviewer confirms or corrects a decision; POST /api/v1/feedback/undo: the reviewer
 * (or an admin) takes a review back.
 */
public final class FeedbackApi {
    private final ReviewService reviews;

    @Inject
    public FeedbackApi(ReviewService reviews) {
        this.reviews = reviews;
    }

    public Map<String, Endpoint> routes() {
        return Map.of("POST /api/v1/feedback/submit", this::submit, "POST /api/v1/feedback/undo", this::undo);
    }

    ApiResponse submit(ApiRequest request) {
        JsonNode body = RequestBodies.jsonObject(request);
        ScreeningResult reviewed = reviews.submit(
                RequestBodies.text(body, "screening_result_id"),
                RequestBodies.text(body, "human_decision"),
                RequestBodies.singleLine(RequestBodies.text(body, "notes")),
                request.caller());
        return ApiResponse.ok(Map.of("success", true, "result", Views.result(reviewed)));
    }

    ApiResponse undo(ApiRequest request) {
        JsonNode body = RequestBodies.jsonObject(request);
        ScreeningResult unreviewed = reviews.undo(
                RequestBodies.text(body, "screening_result_id"),
                RequestBodies.wholeNumber(body, "review_version"),
                request.caller(),
                request.isAdmin());
        return ApiResponse.ok(Map.of("success", true, "result", Views.result(unreviewed)));
    }
}
