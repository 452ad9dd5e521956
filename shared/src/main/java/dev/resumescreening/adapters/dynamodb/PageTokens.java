package dev.resumescreening.adapters.dynamodb;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.json.Json;
import dev.resumescreening.logging.JsonLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque, tamper-evident pagination tokens: a DynamoDB LastEvaluatedKey of string attributes and the query it
 * continues (its scope: job id and filters), as URL-safe base64 JSON, followed by an HMAC-SHA256 of both under a key
 * from configuration. A token that was altered, forged, or issued for another query is refused with 400
 * {@code invalid_next_token}, never handed to DynamoDB.
 */
public final class PageTokens {
    public static final String KEY_SETTING = "PAGE_TOKEN_KEY";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 16;
    private static final int MAX_TOKEN_CHARS = 2048;

    private final SecretKeySpec key;

    public PageTokens(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the page token key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /**
     * Tokens signed with the configured key ({@value #KEY_SETTING}, at least 16 characters), or, when none is
     * configured, with a random key of this process: its tokens then only page within one container.
     */
    public static PageTokens fromSetting(String configured) {
        if (configured != null && !configured.isBlank()) {
            return new PageTokens(configured.strip().getBytes(StandardCharsets.UTF_8));
        }
        JsonLog.warn("page_tokens.ephemeral_key", Map.of("setting", KEY_SETTING));
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return new PageTokens(random);
    }

    public String encode(Map<String, AttributeValue> lastEvaluatedKey, String scope) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return null;
        }
        Map<String, String> plain = new HashMap<>();
        lastEvaluatedKey.forEach((k, v) -> plain.put(k, v.s()));
        Map<String, Object> payload = Map.of("k", plain, "q", scope);
        String body = Base64.getUrlEncoder().withoutPadding().encodeToString(Json.writeBytes(payload));
        return body + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(body));
    }

    /** The start key of a token this API issued for the same scope; null for no token; 400 for anything else. */
    public Map<String, AttributeValue> decode(String token, String scope) {
        if (token == null || token.isBlank()) {
            return null;
        }
        int dot = token.indexOf('.');
        if (token.length() > MAX_TOKEN_CHARS || dot <= 0 || dot != token.lastIndexOf('.')) {
            throw invalid();
        }
        String body = token.substring(0, dot);
        try {
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(mac(body), signature)) {
                throw invalid();
            }
            TokenPayload payload =
                    Json.MAPPER.readValue(Base64.getUrlDecoder().decode(body), new TypeReference<TokenPayload>() {});
            if (!scope.equals(payload.q()) || payload.k() == null || payload.k().isEmpty()) {
                throw invalid();
            }
            Map<String, AttributeValue> key = new HashMap<>();
            payload.k().forEach((k, v) -> {
                if (v == null) {
                    throw invalid();
                }
                key.put(k, AttributeValue.fromS(v));
            });
            return key;
        } catch (IOException | IllegalArgumentException e) {
            throw invalid();
        }
    }

    private record TokenPayload(Map<String, String> k, String q) {}

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException invalid() {
        return ProblemException.invalid(
                "invalid_next_token", "next_token is not a token this API returned for this query");
    }
}
