package dev.resumescreening.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;

/**
 * A scalar key value (S, N or B) with DynamoDB ordering, or one of the MIN/MAX sentinels used as range bounds.
 * Strings order by UTF-8 bytes (equivalent to code point order), numbers numerically, binaries by unsigned bytes.
 */
final class KeyValue implements Comparable<KeyValue> {

    private enum Kind {
        MIN,
        VALUE,
        MAX
    }

    static final KeyValue MIN = new KeyValue(Kind.MIN, "", "", null, null, 0);
    static final KeyValue MAX = new KeyValue(Kind.MAX, "", "", null, null, 0);

    /** Order of partitions: by (unsigned) hash first so that scan segments are contiguous ranges. */
    static final Comparator<KeyValue> PARTITION_ORDER = (a, b) -> {
        int byHash = Integer.compareUnsigned(a.hash, b.hash);
        return byHash != 0 ? byHash : a.compareTo(b);
    };

    private final Kind kind;
    private final String type;
    private final String text;
    private final BigDecimal number;
    private final byte[] bytes;
    private final int hash;

    private KeyValue(Kind kind, String type, String text, BigDecimal number, byte[] bytes, int hash) {
        this.kind = kind;
        this.type = type;
        this.text = text;
        this.number = number;
        this.bytes = bytes;
        this.hash = hash;
    }

    private static KeyValue value(String type, String text, BigDecimal number, byte[] bytes) {
        int h = (type.hashCode() * 31 + text.hashCode()) * 0x9E3779B9;
        h ^= h >>> 16;
        return new KeyValue(Kind.VALUE, type, text, number, bytes, h);
    }

    /** Returns the key value of a normalized attribute value, or null when it is not S, N or B. */
    static KeyValue of(JsonNode attributeValue) {
        if (attributeValue == null) {
            return null;
        }
        String type = AttributeValues.typeOf(attributeValue);
        String text = attributeValue.get(type).asText();
        switch (type) {
            case "S":
                return value("S", text, null, null);
            case "N":
                return value("N", text, new BigDecimal(text), null);
            case "B":
                return value("B", text, null, Base64.getDecoder().decode(text));
            default:
                return null;
        }
    }

    /** A partition-order probe sorting before every value with a hash (unsigned) at least {@code hash}. */
    static KeyValue hashProbe(int hash) {
        return new KeyValue(Kind.MIN, "", "", null, null, hash);
    }

    boolean isEmpty() {
        return kind == Kind.VALUE && ("S".equals(type) ? text.isEmpty() : "B".equals(type) && bytes.length == 0);
    }

    /** The scan segment (of {@code totalSegments}) this partition value belongs to. */
    int segment(int totalSegments) {
        return (int) (((hash & 0xFFFFFFFFL) * totalSegments) >>> 32);
    }

    /** The smallest unsigned hash belonging to the given segment. */
    static int firstHashOfSegment(int segment, int totalSegments) {
        return (int) ((((long) segment << 32) + totalSegments - 1) / totalSegments);
    }

    /**
     * The smallest value greater than every value that starts with this one (for begins_with ranges),
     * or {@link #MAX} when there is none.
     */
    KeyValue prefixSuccessor() {
        if ("S".equals(type)) {
            int end = text.length();
            while (end > 0) {
                int cp = text.codePointBefore(end);
                int start = end - Character.charCount(cp);
                if (cp < Character.MAX_CODE_POINT) {
                    int next = cp + 1 == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : cp + 1;
                    String successor = new StringBuilder(text.substring(0, start))
                            .appendCodePoint(next)
                            .toString();
                    return value("S", successor, null, null);
                }
                end = start;
            }
            return MAX;
        }
        if ("B".equals(type)) {
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] == (byte) 0xFF) {
                end--;
            }
            if (end == 0) {
                return MAX;
            }
            byte[] successor = Arrays.copyOf(bytes, end);
            successor[end - 1]++;
            return value("B", Base64.getEncoder().encodeToString(successor), null, successor);
        }
        throw DynamoDbException.validation(
                "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
    }

    boolean startsWith(KeyValue prefix) {
        if (!type.equals(prefix.type)) {
            return false;
        }
        if ("S".equals(type)) {
            return text.startsWith(prefix.text);
        }
        return "B".equals(type)
                && bytes.length >= prefix.bytes.length
                && Arrays.equals(bytes, 0, prefix.bytes.length, prefix.bytes, 0, prefix.bytes.length);
    }

    @Override
    public int compareTo(KeyValue other) {
        if (kind != other.kind || kind != Kind.VALUE) {
            return kind.compareTo(other.kind);
        }
        switch (type) {
            case "N":
                return number.compareTo(other.number);
            case "B":
                return Arrays.compareUnsigned(bytes, other.bytes);
            default:
                return compareCodePoints(text, other.text);
        }
    }

    /** Compares strings in code point order, which equals the order of their UTF-8 encodings. */
    static int compareCodePoints(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return codePointRank(x) - codePointRank(y);
            }
        }
        return a.length() - b.length();
    }

    private static int codePointRank(char c) {
        if (c < Character.MIN_SURROGATE) {
            return c;
        }
        return Character.isSurrogate(c) ? c + 0x2000 : c - 0x800;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyValue other
                && kind == other.kind
                && hash == other.hash
                && type.equals(other.type)
                && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return kind == Kind.VALUE ? type + ":" + text : kind.name();
    }
}
