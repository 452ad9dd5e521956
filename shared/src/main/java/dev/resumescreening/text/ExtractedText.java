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
    static final int INDISTINCT_CHANNELS = 16;

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

    /**
     * Whether a colour ({@code 0xRRGGBB}) is white to a reader on white paper: red, green and blue all at least 242 of
     * 255. What both readers (PDF, Word) count as text no one sees when nothing darker lies under it.
     */
    static boolean isPaperWhite(int rgb) {
        return (rgb >> 16 & 0xff) >= 242 && (rgb >> 8 & 0xff) >= 242 && (rgb & 0xff) >= 242;
    }

    /**
     * Whether text of one colour does not stand out from a ground of the other ({@code 0xRRGGBB} both): every channel
     * within {@value #INDISTINCT_CHANNELS} of 255, about the smallest step between greys a reader tells apart on a
     * screen. What both readers count as text no one sees on the box or shading it lies on.
     */
    static boolean isIndistinct(int first, int second) {
        for (int shift = 16; shift >= 0; shift -= 8) {
            if (Math.abs((first >> shift & 0xff) - (second >> shift & 0xff)) >= INDISTINCT_CHANNELS) {
                return false;
            }
        }
        return true;
    }

    public boolean hasText() {
        return !text.isBlank();
    }
}
