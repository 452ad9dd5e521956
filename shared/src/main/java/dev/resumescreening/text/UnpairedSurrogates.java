package dev.resumescreening.text;

/**
 * Half of a UTF-16 surrogate pair with no other half: a Java string can hold one (a JSON escape of
 * one, a PDF font's character map, a text cut between the two halves of an emoji), but it is not Unicode
 * text, UTF-8 cannot encode it, and stores that keep text as UTF-8 (DynamoDB, S3, a journal file) fail on it or change
 * it.
 */
public final class UnpairedSurrogates {
    private UnpairedSurrogates() {}

    /** Where the first unpaired surrogate is, or -1 when the text has none. */
    public static int firstIndex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** The text with each unpaired surrogate replaced by U+FFFD, the replacement character; the same string if none. */
    public static String replaced(String text) {
        int first = firstIndex(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
