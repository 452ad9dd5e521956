package dev.resumescreening.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.domain.ProblemKind;
import dev.resumescreening.testing.PdfFixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DocumentTextExtractorTest {
    private final DocumentTextExtractor extractor = new DocumentTextExtractor(5);

    @Test
    void readsTheTextOfAPdfWhateverItsName() {
        ExtractedText text = extractor.extract(PdfFixtures.textPdf("Jane Roe\nJava developer with AWS"), "cv.bin", null);
        assertEquals(DocumentTextExtractor.PDF, text.contentType());
        assertTrue(text.text().contains("Java developer with AWS"));
        assertEquals(1, text.pages());
    }

    @Test
    void readsPlainUtf8Text() {
        ExtractedText text = extractor.extract("Zoë — Kotlin engineer".getBytes(StandardCharsets.UTF_8), "cv.txt", "text/plain");
        assertEquals("Zoë — Kotlin engineer", text.text());
        assertEquals(DocumentTextExtractor.TEXT, text.contentType());
    }

    @Test
    void refusesTextNamedAsPdf() {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> extractor.extract("just text".getBytes(StandardCharsets.UTF_8), "resume.pdf", "application/pdf"));
        assertEquals("not_a_pdf", problem.code());
        assertEquals(ProblemKind.UNPROCESSABLE, problem.kind());
    }

    @Test
    void refusesATruncatedPdf() {
        byte[] broken = PdfFixtures.truncated(PdfFixtures.textPdf("some text that is long enough ".repeat(20)));
        assertEquals("corrupt_pdf", assertThrows(ProblemException.class,
                () -> extractor.extract(broken, "cv.pdf", null)).code());
    }

    @Test
    void refusesAPasswordProtectedPdf() {
        assertEquals("encrypted_pdf", assertThrows(ProblemException.class,
                () -> extractor.extract(PdfFixtures.encryptedPdf("secret resume"), "cv.pdf", null)).code());
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
        assertEquals(ProblemKind.UNSUPPORTED_MEDIA_TYPE, assertThrows(ProblemException.class,
                () -> extractor.extract(png, "photo.png", "image/png")).kind());
    }

    @Test
    void refusesInvalidUtf8Text() {
        byte[] latin1 = {'c', 'a', 'f', (byte) 0xE9, ' ', (byte) 0xFF};
        assertEquals("invalid_text", assertThrows(ProblemException.class,
                () -> extractor.extract(latin1, "cv.txt", "text/plain")).code());
    }

    @Test
    void refusesAnEmptyFile() {
        assertEquals("empty_file", assertThrows(ProblemException.class,
                () -> extractor.extract(new byte[0], "cv.pdf", null)).code());
    }
}
