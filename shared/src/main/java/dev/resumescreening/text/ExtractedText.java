package dev.resumescreening.text;

/**
 * Text read from an uploaded document; {@code pagesRead} is below {@code pages} when a long PDF was cut short, and
 * {@code truncated} is set when the text stopped at the character limit. An unpaired surrogate in the text (a PDF
 * font's character map can produce one, and the character limit can cut an emoji in two) becomes U+FFFD, so the text
 * can be stored and shown as UTF-8. {@code hiddenCharacters} counts the characters (spaces aside) the file holds but no
 * reader of it can see (white on white, transparent, invisible, too small, off the page or in a hidden layer), which
 * were left out.
 */
public record ExtractedText(
        String text, String contentType, int pages, int pagesRead, boolean truncated, long hiddenCharacters) {
    public ExtractedText {
        text = UnpairedSurrogates.replaced(text);
    }

    /** Text read whole, with nothing in it hidden from a reader. */
    public ExtractedText(String text, String contentType, int pages, int pagesRead, boolean truncated) {
        this(text, contentType, pages, pagesRead, truncated, 0);
    }

    /** How many characters of {@code text} are not white space: what {@code hiddenCharacters} counts. */
    static long charactersIn(String text) {
        return text.codePoints().filter(c -> !Character.isWhitespace(c)).count();
    }

    public boolean hasText() {
        return !text.isBlank();
    }
}
