package dev.resumescreening.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Builds API Gateway HTTP API payload 2.0 events the way API Gateway does. */
final class ApiGatewayEvents {
    /** Locally every caller acts as an admin reviewer; the reviewer name stays "anonymous" (no user name claim). */
    static final Map<String, String> LOCAL_CLAIMS = Map.of("cognito:groups", "[admin reviewer]");

    private ApiGatewayEvents() {}

    static APIGatewayV2HTTPEvent from(RouteTable.Match match, HttpExchange exchange, byte[] body) {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        String rawQuery = exchange.getRequestURI().getRawQuery();
        return event(
                match,
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                rawQuery == null ? "" : rawQuery,
                headers,
                body);
    }

    static APIGatewayV2HTTPEvent event(
            RouteTable.Match match,
            String method,
            String rawPath,
            String rawQuery,
            Map<String, String> headers,
            byte[] body) {
        String contentType = headers.get("content-type");
        boolean binary = body.length > 0 && !LocalHttpServer.isText(contentType);
        APIGatewayV2HTTPEvent.RequestContext context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId(UUID.randomUUID().toString())
                .withRouteKey(match.route().routeKey())
                .withStage("$default")
                .withTimeEpoch(Instant.now().toEpochMilli())
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(method)
                        .withPath(rawPath)
                        .withProtocol("HTTP/1.1")
                        .withSourceIp("127.0.0.1")
                        .build())
                .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                                .builder()
                                .withClaims(LOCAL_CLAIMS)
                                .withScopes(List.of())
                                .build())
                        .build())
                .build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(match.route().routeKey())
                .withRawPath(rawPath)
                .withRawQueryString(rawQuery)
                .withHeaders(headers)
                .withQueryStringParameters(query(rawQuery))
                .withPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters())
                .withBody(body.length == 0 ? null : LocalHttpServer.encodeBody(body, contentType))
                .withIsBase64Encoded(binary)
                .withRequestContext(context)
                .build();
    }

    /** API Gateway joins repeated query parameters with commas. */
    private static Map<String, String> query(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new HashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }
}
