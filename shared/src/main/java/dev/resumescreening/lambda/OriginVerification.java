package dev.resumescreening.lambda;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Whether a request came through the stack's CloudFront distribution. An HTTP API has no resource policy and its
 * execute-api endpoint cannot be switched off without a custom domain, so CloudFront adds a secret header to every
 * request it forwards to the API and the API refuses requests without it. Inside Lambda the check is always on, and
 * without a configured secret every request is refused (fail closed); outside Lambda (the local runner, tests) there
 * is no CloudFront in front and nothing to check.
 */
public final class OriginVerification {
    /** The header CloudFront adds to requests for the API's origin (terraform/edge.tf). */
    public static final String HEADER = "x-origin-verify";

    static final String SECRET_VARIABLE = "ORIGIN_VERIFY_SECRET";
    /** Set by the Lambda runtime in every function's environment. */
    static final String LAMBDA_FUNCTION_VARIABLE = "AWS_LAMBDA_FUNCTION_NAME";

    private static final OriginVerification UNCHECKED = new OriginVerification(false, new byte[0]);

    private final boolean required;
    private final byte[] secret;

    private OriginVerification(boolean required, byte[] secret) {
        this.required = required;
        this.secret = secret;
    }

    public static OriginVerification fromEnvironment() {
        return of(System.getenv());
    }

    static OriginVerification of(Map<String, String> environment) {
        return environment.containsKey(LAMBDA_FUNCTION_VARIABLE)
                ? required(environment.getOrDefault(SECRET_VARIABLE, ""))
                : UNCHECKED;
    }

    /** Requests must carry {@code secret} in {@link #HEADER}; a blank secret admits nothing. */
    public static OriginVerification required(String secret) {
        return new OriginVerification(true, secret.isBlank() ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8));
    }

    public static OriginVerification unchecked() {
        return UNCHECKED;
    }

    /** {@code headers} with lower-case names, as API Gateway's payload 2.0 delivers them. */
    boolean admits(Map<String, String> headers) {
        if (!required) {
            return true;
        }
        String presented = headers.get(HEADER);
        return secret.length > 0
                && presented != null
                && MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8));
    }
}
