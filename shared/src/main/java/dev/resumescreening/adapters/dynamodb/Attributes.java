package dev.resumescreening.adapters.dynamodb;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.resumescreening.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reading and writing DynamoDB attribute values without the reflection of the enhanced client. */
public final class Attributes {
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    private Attributes() {}

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(double value) {
        return AttributeValue.fromN(Double.toString(value));
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    public static AttributeValue bytes(byte[] value) {
        return AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(value));
    }

    public static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    public static Double number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? null : Double.valueOf(value.n());
    }

    public static long longNumber(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0L : Long.parseLong(value.n());
    }

    public static boolean flag(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    /** A JSON object kept as a string attribute (metrics), or an empty map when absent. */
    public static Map<String, Object> jsonObject(Map<String, AttributeValue> item, String name) {
        String json = string(item, name);
        if (json == null) {
            return Map.of();
        }
        try {
            return Json.MAPPER.readValue(json, JSON_OBJECT);
        } catch (IOException e) {
            throw new UncheckedIOException("attribute " + name + " is not a JSON object", e);
        }
    }

    public static byte[] binary(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.b() == null ? null : value.b().asByteArray();
    }
}
