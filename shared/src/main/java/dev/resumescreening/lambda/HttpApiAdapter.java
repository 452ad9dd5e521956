package dev.resumescreening.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resumescreening.config.Contract;
import dev.resumescreening.config.Contract.RouteSpec;
import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.http.ApiRequest;
import dev.resumescreening.http.ApiResponse;
import dev.resumescreening.http.Endpoint;
import dev.resumescreening.http.Problems;
import dev.resumescreening.logging.JsonLog;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns API Gateway HTTP API (payload 2.0) events into {@link ApiRequest}s for one function's endpoints, and their
 * answers back into responses. In AWS only requests that came through CloudFront are served ({@link
 * OriginVerification}); admin-only routes (marked in the contract) need the caller in the "admin" group.
 */
public final class HttpApiAdapter {

    /** Lambda's own event classes are camelCase, unlike the API's JSON. */
    private static final ObjectMapper LAMBDA_EVENTS =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([a-z_]+)}");
    private static final Map<String, String> PRIMING_CALLER = Map.of("sub", "snapstart-priming");
    /** True until this container (JVM) handles its first request. */
    private static final AtomicBoolean COLD = new AtomicBoolean(true);

    private final String function;
    private final Map<String, Endpoint> endpoints;
    private final Set<String> adminRoutes;
    private final OriginVerification origin;

    public HttpApiAdapter(String function, Map<String, Endpoint> endpoints) {
        this(function, endpoints, OriginVerification.fromEnvironment());
    }

    public HttpApiAdapter(String function, Map<String, Endpoint> endpoints, OriginVerification origin) {
        this.function = function;
        this.endpoints = Map.copyOf(endpoints);
        this.origin = origin;
        this.adminRoutes = Contract.get().routesOf(function).stream()
                .filter(RouteSpec::admin)
                .map(RouteSpec::routeKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return handle(event, null);
    }

    /**
     * For functions that take other events too, on a raw stream: when {@code event} is an API Gateway request (it has
     * a {@code routeKey}), answers it into {@code output} as Lambda's HTTP API proxy response and returns true.
     */
    public boolean answerIfRequest(JsonNode event, OutputStream output, String lambdaRequestId) throws IOException {
        if (event == null || !event.has("routeKey")) {
            return false;
        }
        APIGatewayV2HTTPResponse response =
                handle(LAMBDA_EVENTS.treeToValue(event, APIGatewayV2HTTPEvent.class), lambdaRequestId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", response.getStatusCode());
        body.put("headers", response.getHeaders());
        body.put("body", response.getBody());
        body.put("isBase64Encoded", response.getIsBase64Encoded());
        LAMBDA_EVENTS.writeValue(output, body);
        return true;
    }

    /**
     * Handles one request; every line logged meanwhile carries the Lambda request id ({@code lambdaRequestId}, or
     * API Gateway's when there is none), the function's name and whether this is the container's first request.
     */
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, String lambdaRequestId) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("request_id", lambdaRequestId != null ? lambdaRequestId : requestId(event));
        context.put("function", function);
        context.put("cold_start", COLD.getAndSet(false));
        return JsonLog.within(context, () -> respond(event));
    }

    private APIGatewayV2HTTPResponse respond(APIGatewayV2HTTPEvent event) {
        long started = System.nanoTime();
        ApiResponse response = dispatch(event);
        JsonLog.info(
                "http.request",
                Map.of(
                        "route",
                        String.valueOf(event.getRouteKey()),
                        "status",
                        response.statusCode(),
                        "api_request_id",
                        requestId(event),
                        "duration_ms",
                        (System.nanoTime() - started) / 1_000_000));
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.statusCode())
                .withHeaders(response.headers())
                .withBody(response.body())
                .withIsBase64Encoded(response.base64Encoded())
                .build();
    }

    private ApiResponse dispatch(APIGatewayV2HTTPEvent event) {
        if (!origin.admits(headers(event))) {
            return Problems.error(
                    403,
                    "origin_not_verified",
                    "the API answers only requests that come through the app's CloudFront distribution");
        }
        Endpoint endpoint = endpoints.get(event.getRouteKey());
        if (endpoint == null) {
            return Problems.error(404, "route_not_found", "no route " + ProblemException.echo(event.getRouteKey()));
        }
        ApiRequest request;
        try {
            request = toRequest(event);
        } catch (ProblemException problem) {
            return Problems.of(problem);
        }
        if (adminRoutes.contains(event.getRouteKey()) && !request.isAdmin()) {
            return Problems.error(403, "forbidden", "only members of the admin group may call this route");
        }
        return invoke(endpoint, request);
    }

    private static ApiResponse invoke(Endpoint endpoint, ApiRequest request) {
        try {
            return endpoint.handle(request);
        } catch (ProblemException problem) {
            return Problems.of(problem);
        } catch (RuntimeException unexpected) {
            JsonLog.error(
                    "http.unexpected_error",
                    Map.of(
                            "route",
                            request.routeKey(),
                            "error",
                            unexpected.getClass().getName(),
                            "stack_trace",
                            JsonLog.stackTrace(unexpected)));
            return Problems.error(500, "internal_error", "the request failed unexpectedly; it is safe to retry");
        }
    }

    /**
     * Answers each of this function's GET routes that reviewers may call once, as a reviewer asking for ids that do
     * not exist: requests that change nothing, yet load the code, JSON mapping and AWS clients (with their
     * connections) that a first real request would. Returns each route's status.
     */
    public Map<String, Integer> primeReadRoutes() {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        endpoints.keySet().stream()
                .sorted()
                .filter(routeKey -> routeKey.startsWith("GET ") && !adminRoutes.contains(routeKey))
                .forEach(routeKey -> {
                    ApiRequest request = new ApiRequest(
                            routeKey, unknownIds(routeKey), Map.of(), Map.of(), new byte[0], PRIMING_CALLER);
                    statuses.put(
                            routeKey, invoke(endpoints.get(routeKey), request).statusCode());
                });
        return statuses;
    }

    private static Map<String, String> unknownIds(String routeKey) {
        Map<String, String> parameters = new HashMap<>();
        Matcher parameter = PATH_PARAMETER.matcher(routeKey);
        while (parameter.find()) {
            parameters.put(parameter.group(1), UUID.randomUUID().toString());
        }
        return parameters;
    }

    static ApiRequest toRequest(APIGatewayV2HTTPEvent event) {
        byte[] body;
        if (event.getBody() == null) {
            body = new byte[0];
        } else if (event.getIsBase64Encoded()) {
            try {
                body = Base64.getDecoder().decode(event.getBody());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("malformed_body", "the request body is not valid base64");
            }
        } else {
            body = event.getBody().getBytes(StandardCharsets.UTF_8);
        }
        return new ApiRequest(
                event.getRouteKey(),
                Optional.ofNullable(event.getPathParameters()).orElse(Map.of()),
                Optional.ofNullable(event.getQueryStringParameters()).orElse(Map.of()),
                headers(event),
                body,
                claims(event));
    }

    private static Map<String, String> headers(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = new HashMap<>();
        Optional.ofNullable(event.getHeaders())
                .orElse(Map.of())
                .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        return headers;
    }

    private static Map<String, String> claims(APIGatewayV2HTTPEvent event) {
        return Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getJwt)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT::getClaims)
                .orElse(Map.of());
    }

    private static String requestId(APIGatewayV2HTTPEvent event) {
        return Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayV2HTTPEvent.RequestContext::getRequestId)
                .orElse("");
    }
}
