package dev.resumescreening.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.resumescreening.http.ApiResponse;
import dev.resumescreening.json.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * In Lambda, the API serves only requests carrying CloudFront's secret header, and serves none when no secret is
 * configured; outside Lambda (the local runner) there is no such check.
 */
class OriginVerificationTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final Map<String, String> IN_LAMBDA = Map.of(
            OriginVerification.LAMBDA_FUNCTION_VARIABLE,
            "resume-screening-jobs",
            OriginVerification.SECRET_VARIABLE,
            SECRET);

    private final AtomicInteger reached = new AtomicInteger();

    @Test
    void inLambdaOnlyRequestsWithTheSecretHeaderReachTheEndpoint() throws Exception {
        OriginVerification origin = OriginVerification.of(IN_LAMBDA);

        APIGatewayV2HTTPResponse direct = call(origin, Map.of());
        assertEquals(403, direct.getStatusCode());
        assertEquals(
                "origin_not_verified",
                Json.read(direct.getBody()).path("error").path("code").asText());
        assertEquals(
                403,
                call(origin, Map.of("x-origin-verify", SECRET.substring(1))).getStatusCode());
        assertEquals(403, call(origin, Map.of("x-origin-verify", "")).getStatusCode());
        assertEquals(0, reached.get(), "a refused request never reaches the endpoint");

        assertEquals(200, call(origin, Map.of("X-Origin-Verify", SECRET)).getStatusCode());
        assertEquals(1, reached.get());
    }

    @Test
    void inLambdaWithoutASecretEveryRequestIsRefused() {
        Map<String, String> environment = new HashMap<>(IN_LAMBDA);
        environment.remove(OriginVerification.SECRET_VARIABLE);
        OriginVerification origin = OriginVerification.of(environment);

        assertEquals(403, call(origin, Map.of()).getStatusCode());
        assertEquals(403, call(origin, Map.of("x-origin-verify", "")).getStatusCode());
        assertEquals(
                403,
                call(
                                OriginVerification.of(Map.of(
                                        OriginVerification.LAMBDA_FUNCTION_VARIABLE,
                                        "f",
                                        OriginVerification.SECRET_VARIABLE,
                                        "  ")),
                                Map.of("x-origin-verify", "  "))
                        .getStatusCode());
        assertEquals(0, reached.get());
    }

    @Test
    void outsideLambdaNothingIsChecked() {
        assertEquals(
                200,
                call(OriginVerification.of(Map.of(OriginVerification.SECRET_VARIABLE, SECRET)), Map.of())
                        .getStatusCode());
        assertEquals(200, call(OriginVerification.unchecked(), Map.of()).getStatusCode());
    }

    @Test
    void theAdminCheckStillAppliesBehindTheOriginCheck() {
        HttpApiAdapter adapter = new HttpApiAdapter(
                "trigger",
                Map.of("POST /api/v1/feedback/trigger-training", request -> ApiResponse.ok(Map.of())),
                OriginVerification.of(IN_LAMBDA));
        APIGatewayV2HTTPResponse response =
                adapter.handle(event("POST /api/v1/feedback/trigger-training", Map.of("x-origin-verify", SECRET)));
        assertEquals(403, response.getStatusCode());
        assertTrue(response.getBody().contains("\"forbidden\""), response.getBody());
    }

    private APIGatewayV2HTTPResponse call(OriginVerification origin, Map<String, String> headers) {
        HttpApiAdapter adapter = new HttpApiAdapter(
                "jobs",
                Map.of("GET /api/v1/jobs", request -> {
                    reached.incrementAndGet();
                    return ApiResponse.ok(Map.of("jobs", List.of()));
                }),
                origin);
        return adapter.handle(event("GET /api/v1/jobs", headers));
    }

    private static APIGatewayV2HTTPEvent event(String routeKey, Map<String, String> headers) {
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setRequestId("test");
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey(routeKey);
        event.setHeaders(headers);
        event.setRequestContext(context);
        return event;
    }
}
