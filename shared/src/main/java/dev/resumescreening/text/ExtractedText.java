package dev.resumescreening.text;

/** Text read from an uploaded document; {@code pagesRead} is below {@code pages} when a long PDF was cut short. */
public record ExtractedText(String text, String contentType, int pages, int pagesRead) {
    public boolean hasText() {
        return !text.isBlank();
    }
}
