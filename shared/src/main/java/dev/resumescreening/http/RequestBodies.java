package dev.resumescreening.http;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.domain.ProblemKind;
import dev.resumescreening.json.Json;
import dev.resumescreening.text.UnpairedSurrogates;
import java.io.IOException;
import java.util.Locale;

/** Reading request bodies and parameters at the edge, with the errors a caller can act on. */
public final class RequestBodies {
    private RequestBodies() {}

    /** The body as a JSON object; refuses other content types, empty bodies and malformed JSON. */
    public static JsonNode jsonObject(ApiRequest request) {
        String contentType =
                request.header("content-type").orElse("application/json").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/json")) {
            throw new ProblemException(
                    ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported_content_type",
                    "send the body as application/json");
        }
        if (request.body().length == 0) {
            throw ProblemException.invalid("empty_body", "the request body is empty; send a JSON object");
        }
        try {
            JsonNode node = Json.readStrict(request.body());
            if (node == null || !node.isObject()) {
                throw ProblemException.invalid("malformed_json", "the request body must be a JSON object");
            }
            return node;
        } catch (StreamReadException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Duplicate field")) {
                throw ProblemException.invalid(
                        "duplicate_field", "the request body names a field more than once; send each field once");
            }
            throw ProblemException.invalid("malformed_json", "the request body is not valid JSON");
        } catch (IOException e) {
            throw ProblemException.invalid("malformed_json", "the request body is not valid JSON");
        }
    }

    /**
     * One line of user text as stored and shown (names, titles, notes): line breaks and tabs become spaces; other
     * control characters (NUL, ESC, C1) and the invisible bidirectional controls that reorder what a reader sees are
     * removed; ordinary Unicode (accents, CJK, emoji, right-to-left letters) stays. Null stays null.
     */
    public static String singleLine(String value) {
        return value == null ? null : clean(value, false);
    }

    /** As {@link #singleLine}, keeping line breaks ({@code \n}; CR LF and lone CR become {@code \n}) and tabs. */
    public static String multiLine(String value) {
        return value == null ? null : clean(value.replace("\r\n", "\n").replace('\r', '\n'), true);
    }

    private static String clean(String value, boolean keepLines) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            if (c == '\n' || c == '\t' || c == '\r') {
                out.append(keepLines && c != '\r' ? (char) c : ' ');
            } else if (!Character.isISOControl(c) && !isBidiControl(c)) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static boolean isBidiControl(int c) {
        return c == 0x061C
                || c == 0x200E
                || c == 0x200F
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069);
    }

    /**
     * A string field, or null when absent; refuses non-string values and text that is not Unicode (a JSON-escaped
     * half of a surrogate pair without its other half, which no UTF-8 store can keep).
     */
    public static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ProblemException.invalid("invalid_" + field, field + " must be a string");
        }
        String text = value.asText();
        int unpaired = UnpairedSurrogates.firstIndex(text);
        if (unpaired >= 0) {
            throw ProblemException.invalid(
                    "invalid_" + field,
                    String.format(
                            Locale.ROOT,
                            "%s is not Unicode text: character %d is half of a surrogate pair (\\u%04x) without"
                                    + " the other half",
                            field,
                            text.codePointCount(0, unpaired) + 1,
                            (int) text.charAt(unpaired)));
        }
        return text;
    }

    /** A numeric field, or null when absent. */
    public static Double number(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw ProblemException.invalid("invalid_" + field, field + " must be a number");
        }
        return value.asDouble();
    }

    /** A whole-number field, or null when absent; refuses fractions and non-numbers. */
    public static Long wholeNumber(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw ProblemException.invalid("invalid_" + field, field + " must be a whole number");
        }
        return value.longValue();
    }

    public static int intQuery(ApiRequest request, String name, int defaultValue, int min, int max) {
        String raw = request.query(name).orElse(null);
        if (raw == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(
                    "invalid_" + name, name + " must be a whole number from " + min + " to " + max);
        }
    }

    public static Boolean booleanQuery(ApiRequest request, String name) {
        String raw = request.query(name).orElse(null);
        if (raw == null) {
            return null;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.invalid("invalid_" + name, name + " must be true or false");
        };
    }

    /** An optional true/false field: null when absent or null, 400 {@code invalid_<field>} when not a boolean. */
    public static Boolean bool(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw ProblemException.invalid("invalid_" + field, field + " must be true or false");
        }
        return value.booleanValue();
    }
}
