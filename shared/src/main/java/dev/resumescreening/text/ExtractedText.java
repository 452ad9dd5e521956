package dev.resumescreening.text;

/**
 * Text read from an uploaded document; {@code pagesRead} is below {@code pages} when a long PDF was cut short, and
 * {@code truncated} is set when the text stopped at the character limit. An unpaired surrogate in the text (a PDF
 * font's character map can produce one, and the character limit can cut an emoji in two) becomes U+FFFD, so the text
 * can be stored and shown as UTF-8.
 */
public record ExtractedText(String text, String contentType, int pages, int pagesRead, boolean truncated) {
    public ExtractedText {
        text = UnpairedSurrogates.replaced(text);
    }

    public boolean hasText() {
        return !text.isBlank();
    }
}
