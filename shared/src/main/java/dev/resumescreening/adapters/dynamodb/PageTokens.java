package dev.resumescreening.adapters.dynamodb;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.json.Json;
import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Opaque pagination tokens: a DynamoDB LastEvaluatedKey of string attributes, as URL-safe base64 JSON. */
public final class PageTokens {
    private PageTokens() {
    }

    public static String encode(Map<String, AttributeValue> lastEvaluatedKey) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return null;
        }
        Map<String, String> plain = new HashMap<>();
        lastEvaluatedKey.forEach((k, v) -> plain.put(k, v.s()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.writeBytes(plain));
    }

    public static Map<String, AttributeValue> decode(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            Map<String, String> plain = Json.MAPPER.readValue(Base64.getUrlDecoder().decode(token),
                    new TypeReference<Map<String, String>>() { });
            Map<String, AttributeValue> key = new HashMap<>();
            plain.forEach((k, v) -> key.put(k, AttributeValue.fromS(v)));
            return key;
        } catch (IOException | IllegalArgumentException e) {
            throw ProblemException.invalid("invalid_next_token", "next_token is not a token this API returned");
        }
    }
}
