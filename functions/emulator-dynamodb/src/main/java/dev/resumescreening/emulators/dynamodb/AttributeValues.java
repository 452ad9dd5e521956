package dev.resumescreening.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Validation, canonicalisation, comparison and sizing of AttributeValues in their JSON wire form
 * ({@code {"S":"x"}}, {@code {"N":"1"}}, ...). Stored values are always normalized: numbers are canonical
 * strings and binaries canonical base64, so equality of scalars is equality of their text.
 */
final class AttributeValues {

    static final long MAX_ITEM_SIZE = 400 * 1024;

    private AttributeValues() {}

    /** The type descriptor of an attribute value (S, N, B, BOOL, NULL, M, L, SS, NS, BS). */
    static String typeOf(JsonNode value) {
        return value.fieldNames().next();
    }

    static boolean isType(JsonNode value, String type) {
        return value != null && value.has(type);
    }

    static ObjectNode number(BigDecimal value) {
        return Json.object().put("N", canonicalNumber(value));
    }

    static String canonicalNumber(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    static BigDecimal parseNumber(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw DynamoDbException.validation("The parameter cannot be converted to a numeric value: " + text);
        }
    }

    /** Validates and canonicalises an item (a map of attribute name to value). */
    static ObjectNode normalizeItem(JsonNode item, String what) {
        if (item == null || !item.isObject()) {
            throw DynamoDbException.validation("1 validation error detected: Value null at '" + what
                    + "' failed to satisfy constraint: Member must not be null");
        }
        ObjectNode result = Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().isEmpty()) {
                throw DynamoDbException.validation("Empty attribute name is not allowed");
            }
            result.set(field.getKey(), normalize(field.getValue()));
        }
        return result;
    }

    /** Validates and canonicalises one attribute value. */
    static JsonNode normalize(JsonNode value) {
        if (value == null || !value.isObject() || value.size() != 1) {
            throw DynamoDbException.validation(
                    "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        }
        String type = typeOf(value);
        JsonNode content = value.get(type);
        switch (type) {
            case "S":
                requireText(content, type);
                return value;
            case "N":
                requireText(content, type);
                return Json.object().put("N", canonicalNumber(parseNumber(content.asText())));
            case "B":
                requireText(content, type);
                return Json.object().put("B", canonicalBinary(content.asText()));
            case "BOOL":
                if (!content.isBoolean()) {
                    throw invalidType(type);
                }
                return value;
            case "NULL":
                if (!content.isBoolean() || !content.asBoolean()) {
                    throw DynamoDbException.validation(
                            "One or more parameter values were invalid: Null attribute value types must have the value of true");
                }
                return value;
            case "M": {
                if (!content.isObject()) {
                    throw invalidType(type);
                }
                ObjectNode map = Json.object();
                content.fields().forEachRemaining(e -> map.set(e.getKey(), normalize(e.getValue())));
                return Json.object().set("M", map);
            }
            case "L": {
                if (!content.isArray()) {
                    throw invalidType(type);
                }
                ArrayNode list = Json.array();
                content.forEach(element -> list.add(normalize(element)));
                return Json.object().set("L", list);
            }
            case "SS":
            case "NS":
            case "BS":
                return normalizeSet(type, content);
            default:
                throw DynamoDbException.validation(
                        "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
    }

    private static JsonNode normalizeSet(String type, JsonNode content) {
        if (!content.isArray()) {
            throw invalidType(type);
        }
        if (content.isEmpty()) {
            throw DynamoDbException.validation(
                    "One or more parameter values were invalid: An " + type + " may not be empty");
        }
        ArrayNode elements = Json.array();
        Set<String> seen = new HashSet<>();
        for (JsonNode element : content) {
            requireText(element, type);
            String text = switch (type) {
                case "NS" -> canonicalNumber(parseNumber(element.asText()));
                case "BS" -> canonicalBinary(element.asText());
                default -> element.asText();
            };
            if (!seen.add(text)) {
                throw DynamoDbException.validation("One or more parameter values were invalid: Input collection "
                        + content + " contains duplicates.");
            }
            elements.add(text);
        }
        return Json.object().set(type, elements);
    }

    private static void requireText(JsonNode content, String type) {
        if (content == null || !content.isTextual()) {
            throw invalidType(type);
        }
    }

    private static DynamoDbException invalidType(String type) {
        return DynamoDbException.validation("Invalid attribute value of type " + type);
    }

    private static String canonicalBinary(String base64) {
        try {
            return Base64.getEncoder().encodeToString(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw DynamoDbException.validation("Invalid binary attribute value: " + e.getMessage());
        }
    }

    /** Equality of normalized values: sets compare regardless of order, maps and lists deeply. */
    static boolean equal(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return false;
        }
        String type = typeOf(a);
        if (!b.has(type)) {
            return false;
        }
        JsonNode x = a.get(type);
        JsonNode y = b.get(type);
        switch (type) {
            case "M": {
                if (x.size() != y.size()) {
                    return false;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = x.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!equal(e.getValue(), y.get(e.getKey()))) {
                        return false;
                    }
                }
                return true;
            }
            case "L": {
                if (x.size() != y.size()) {
                    return false;
                }
                for (int i = 0; i < x.size(); i++) {
                    if (!equal(x.get(i), y.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            case "SS":
            case "NS":
            case "BS":
                return x.size() == y.size() && textSet(x).equals(textSet(y));
            default:
                return x.equals(y);
        }
    }

    static Set<String> textSet(JsonNode elements) {
        Set<String> set = new HashSet<>();
        elements.forEach(e -> set.add(e.asText()));
        return set;
    }

    /** True when both values are scalars (S, N, B) of the same type and can be ordered. */
    static boolean orderable(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return false;
        }
        String type = typeOf(a);
        return ("S".equals(type) || "N".equals(type) || "B".equals(type)) && b.has(type);
    }

    /** Orders two values for which {@link #orderable} is true. */
    static int compare(JsonNode a, JsonNode b) {
        return KeyValue.of(a).compareTo(KeyValue.of(b));
    }

    /** Approximate DynamoDB item size: attribute name lengths plus value sizes, in bytes. */
    static long itemSize(ObjectNode item) {
        long size = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            size += utf8Length(e.getKey()) + valueSize(e.getValue());
        }
        return size;
    }

    private static long valueSize(JsonNode value) {
        String type = typeOf(value);
        JsonNode content = value.get(type);
        switch (type) {
            case "S":
                return utf8Length(content.asText());
            case "N":
                return content.asText().length() / 2 + 1;
            case "B":
                return content.asText().length() * 3L / 4;
            case "BOOL":
            case "NULL":
                return 1;
            case "M": {
                long size = 3;
                for (Iterator<Map.Entry<String, JsonNode>> it = content.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    size += 1 + utf8Length(e.getKey()) + valueSize(e.getValue());
                }
                return size;
            }
            case "L": {
                long size = 3;
                for (JsonNode element : content) {
                    size += 1 + valueSize(element);
                }
                return size;
            }
            default: {
                long size = 0;
                for (JsonNode element : content) {
                    size += utf8Length(element.asText());
                }
                return size;
            }
        }
    }

    static int utf8Length(String s) {
        int length = s.length();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return length;
    }

    static void checkItemSize(ObjectNode item) {
        if (itemSize(item) > MAX_ITEM_SIZE) {
            throw DynamoDbException.validation("Item size has exceeded the maximum allowed size");
        }
    }
}
