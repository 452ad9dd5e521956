package dev.resumescreening.text;

/**
 * Text read from an uploaded document; {@code pagesRead} is below {@code pages} when a long PDF was cut short, and
 * {@code truncated} is set when the text stopped at the character limit.
 */
public record ExtractedText(String text, String contentType, int pages, int pagesRead, boolean truncated) {
    public boolean hasText() {
        return !text.isBlank();
    }
}
