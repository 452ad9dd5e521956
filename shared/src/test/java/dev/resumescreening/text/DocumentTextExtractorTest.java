package dev.resumescreening.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.domain.ProblemKind;
import dev.resumescreening.testing.PdfFixtures;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class DocumentTextExtractorTest {
    private final DocumentTextExtractor extractor = new DocumentTextExtractor(5);

    @Test
    void readsTheTextOfAPdfWhateverItsName() {
        ExtractedText text =
                extractor.extract(PdfFixtures.textPdf("Jane Roe\nJava developer with AWS"), "cv.bin", null);
        assertEquals(DocumentTextExtractor.PDF, text.contentType());
        assertTrue(text.text().contains("Java developer with AWS"));
        assertEquals(1, text.pages());
    }

    @Test
    void readsPlainUtf8Text() {
        ExtractedText text =
                extractor.extract("Zoë — Kotlin engineer".getBytes(StandardCharsets.UTF_8), "cv.txt", "text/plain");
        assertEquals("Zoë — Kotlin engineer", text.text());
        assertEquals(DocumentTextExtractor.TEXT, text.contentType());
    }

    @Test
    void refusesTextNamedAsPdf() {
        ProblemException problem = assertThrows(
                ProblemException.class,
                () -> extractor.extract("just text".getBytes(StandardCharsets.UTF_8), "resume.pdf", "application/pdf"));
        assertEquals("not_a_pdf", problem.code());
        assertEquals(ProblemKind.UNPROCESSABLE, problem.kind());
    }

    @Test
    void refusesATruncatedPdf() {
        byte[] broken = PdfFixtures.truncated(PdfFixtures.textPdf("some text that is long enough ".repeat(20)));
        assertEquals(
                "corrupt_pdf",
                assertThrows(ProblemException.class, () -> extractor.extract(broken, "cv.pdf", null))
                        .code());
    }

    @Test
    void refusesAPasswordProtectedPdf() {
        assertEquals(
                "encrypted_pdf",
                assertThrows(
                                ProblemException.class,
                                () -> extractor.extract(PdfFixtures.encryptedPdf("secret resume"), "cv.pdf", null))
                        .code());
    }

    @Test
    void reportsAScannedPdfAsHavingNoText() {
        ExtractedText text = extractor.extract(PdfFixtures.imageOnlyPdf(), "scan.pdf", null);
        assertFalse(text.hasText());
        assertEquals(1, text.pages());
    }

    @Test
    void readsOnlyTheFirstPagesOfAHugePdf() {
        ExtractedText text = extractor.extract(PdfFixtures.manyPages(2000, "page text"), "long.pdf", null);
        assertEquals(2000, text.pages());
        assertEquals(5, text.pagesRead());
    }

    @Test
    void refusesBinaryThatIsNeitherPdfNorText() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3};
        assertEquals(
                ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                assertThrows(ProblemException.class, () -> extractor.extract(png, "photo.png", "image/png"))
                        .kind());
    }

    @Test
    void refusesInvalidUtf8Text() {
        byte[] latin1 = {'c', 'a', 'f', (byte) 0xE9, ' ', (byte) 0xFF};
        assertEquals(
                "invalid_text",
                assertThrows(ProblemException.class, () -> extractor.extract(latin1, "cv.txt", "text/plain"))
                        .code());
    }

    @Test
    void refusesAnEmptyFile() {
        assertEquals(
                "empty_file",
                assertThrows(ProblemException.class, () -> extractor.extract(new byte[0], "cv.pdf", null))
                        .code());
    }

    /** Millions of glyphs drawn over each other: a few KB of PDF that would keep PDFBox busy for seconds. */
    static byte[] overlappingGlyphs() {
        return PdfFixtures.rawContentPdf(
                1, "BT /F1 10 Tf 100 700 Td\n" + "(ABCDEFGHIJ) Tj 0 0 Td\n".repeat(100_000) + "ET\n");
    }

    /** Pages packed with distinct text, far more than a resume: 40 pages of 60,000 characters. */
    static byte[] textPacked() {
        StringBuilder page = new StringBuilder("BT /F1 3 Tf 5 785 Td 3 TL\n");
        for (int line = 0; line < 250; line++) {
            page.append('(');
            for (int word = 0; word < 40; word++) {
                page.append("w").append(line).append('x').append(word).append(' ');
            }
            page.setLength(page.length() - 1);
            page.append(") Tj T*\n");
        }
        return PdfFixtures.rawContentPdf(40, page.append("ET\n").toString());
    }

    @Test
    void refusesAPdfOfOverlappingGlyphsWithoutReadingThemAll() {
        byte[] pdf = overlappingGlyphs();
        assertTrue(pdf.length < 100_000, "the fixture should stay small: " + pdf.length);
        long started = System.nanoTime();
        ProblemException problem =
                assertThrows(ProblemException.class, () -> new DocumentTextExtractor(5).extract(pdf, "cv.pdf", null));
        assertEquals("pdf_too_complex", problem.code());
        assertEquals(ProblemKind.UNPROCESSABLE, problem.kind());
        assertTrue(System.nanoTime() - started < 20_000_000_000L);
    }

    @Test
    void stopsReadingATextPackedPdfAtTheCharacterLimit() throws Exception {
        byte[] pdf = textPacked();
        assertTrue(pdf.length < 1_000_000, "the fixture should stay small: " + pdf.length);
        ExtractedText text = new DocumentTextExtractor(40).extract(pdf, "cv.pdf", null);
        assertTrue(text.truncated());
        assertEquals(DocumentTextExtractor.MAX_TEXT_CHARS, text.text().length());
        assertTrue(text.text().startsWith("w0x0 w0x1"), text.text().substring(0, 40));
        assertEquals(40, text.pagesRead());
        // it stopped while extracting: with room for only twice the characters it keeps, the stripper still ends on
        // its full output, not on the glyph cap; reading all 40 pages would have gone far past that cap
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BoundedTextStripper stripper = new BoundedTextStripper(2L * DocumentTextExtractor.MAX_TEXT_CHARS, 60_000);
            stripper.setSortByPosition(true);
            assertThrows(
                    BoundedTextStripper.LimitReached.class,
                    () -> stripper.writeText(
                            document, new BoundedTextStripper.CappedWriter(DocumentTextExtractor.MAX_TEXT_CHARS)));
        }
    }

    @Test
    void givesUpOnAPdfBeyondItsTimeBudget() {
        byte[] pdf = textPacked();
        ProblemException problem = assertThrows(
                ProblemException.class, () -> new DocumentTextExtractor(40, 1).extract(pdf, "cv.pdf", null));
        assertEquals("pdf_too_complex", problem.code());
        assertTrue(problem.getMessage().contains("time budget"), problem.getMessage());
    }

    @Test
    void plainTextOverTheLimitIsCutAndFlagged() {
        ExtractedText text = extractor.extract(
                "a".repeat(DocumentTextExtractor.MAX_TEXT_CHARS + 5).getBytes(StandardCharsets.UTF_8), "cv.txt", null);
        assertTrue(text.truncated());
        assertEquals(DocumentTextExtractor.MAX_TEXT_CHARS, text.text().length());
        assertFalse(extractor
                .extract("short".getBytes(StandardCharsets.UTF_8), "cv.txt", null)
                .truncated());
    }

    @Test
    void aCutThroughAnEmojiLeavesNoHalfOfItsSurrogatePair() {
        String emoji = new String(Character.toChars(0x1F600));
        ExtractedText text = extractor.extract(
                ("a".repeat(DocumentTextExtractor.MAX_TEXT_CHARS - 1) + emoji).getBytes(StandardCharsets.UTF_8),
                "cv.txt",
                null);
        assertTrue(text.truncated());
        assertEquals(-1, UnpairedSurrogates.firstIndex(text.text()));
        assertTrue(text.text().endsWith("a\uFFFD"), "the half emoji reads as the replacement character");
    }
}
