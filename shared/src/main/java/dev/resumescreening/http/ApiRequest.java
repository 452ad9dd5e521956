package dev.resumescreening.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as the API sees it, whoever delivered it (API Gateway in AWS, the local server here).
 * Header names are lower case; {@code claims} are the caller's verified JWT claims (empty when unauthenticated).
 */
public record ApiRequest(
        String routeKey,
        Map<String, String> pathParameters,
        Map<String, String> queryParameters,
        Map<String, String> headers,
        byte[] body,
        Map<String, String> claims) {
    public static final String ADMIN_GROUP = "admin";
    public static final String ANONYMOUS = "anonymous";

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public String pathParameter(String name) {
        return pathParameters.getOrDefault(name, "");
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(queryParameters.get(name)).filter(v -> !v.isEmpty());
    }

    /** Who is calling, for audit: the Cognito user name, else the subject, else anonymous. */
    public String caller() {
        return Optional.ofNullable(claims.get("cognito:username"))
                .or(() -> Optional.ofNullable(claims.get("username")))
                .or(() -> Optional.ofNullable(claims.get("sub")))
                .orElse(ANONYMOUS);
    }

    /** Whether the caller is in the admin group (locally, where there is no sign-in, everyone is). */
    public boolean isAdmin() {
        return groups().contains(ADMIN_GROUP);
    }

    /** Cognito passes groups as "[admin reviewer]" through API Gateway's JWT authorizer. */
    public List<String> groups() {
        String raw = claims.getOrDefault("cognito:groups", "");
        String inner = raw.replace("[", " ").replace("]", " ").replace(",", " ").trim();
        return inner.isEmpty() ? List.of() : List.of(inner.split("\\s+"));
    }
}
