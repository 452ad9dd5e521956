package dev.resumescreening.text;

import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.domain.ProblemKind;
import dev.resumescreening.logging.JsonLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Reads the text of an uploaded resume: PDF through PDFBox, Word documents (.docx) through {@link DocxText}, plain text
 * as UTF-8. A PDF is known by its bytes whatever its name; a name or declared type that claims PDF or .docx for
 * something else is refused.
 */
public final class DocumentTextExtractor {
    public static final String PDF = "application/pdf";
    public static final String TEXT = "text/plain";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    /** Extracted text beyond this is dropped: no resume needs more, and it bounds memory and embedding cost. */
    static final int MAX_TEXT_CHARS = 100_000;

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final long PDF_MAIN_MEMORY_BYTES = 32L * 1024 * 1024;
    private static final long PDF_SCRATCH_BYTES = 128L * 1024 * 1024;

    /** Glyphs processed per document before it counts as too complex, whether or not they produce text. */
    static final long MAX_GLYPHS = 4L * MAX_TEXT_CHARS;
    /** CPU time one PDF may take to extract (setting PDF_TEXT_BUDGET_MS). */
    public static final long DEFAULT_BUDGET_MILLIS = 5_000;

    private final int maxPages;
    private final long budgetMillis;

    public DocumentTextExtractor(int maxPages) {
        this(maxPages, DEFAULT_BUDGET_MILLIS);
    }

    public DocumentTextExtractor(int maxPages, long budgetMillis) {
        this.maxPages = maxPages;
        this.budgetMillis = budgetMillis;
    }

    public ExtractedText extract(byte[] content, String fileName, String declaredType) {
        if (content.length == 0) {
            throw ProblemException.invalid("empty_file", "the uploaded file is empty");
        }
        if (startsWithPdfMagic(content)) {
            return extractPdf(content);
        }
        if (claimsDocx(fileName, declaredType)) {
            if (!DocxText.looksLikeZip(content)) {
                throw new ProblemException(
                        ProblemKind.UNPROCESSABLE,
                        "not_a_docx",
                        "the file is named or declared as a Word document (.docx) but its content is not one");
            }
            return DocxText.read(content, MAX_TEXT_CHARS);
        }
        if (claimsPdf(fileName, declaredType)) {
            throw new ProblemException(
                    ProblemKind.UNPROCESSABLE,
                    "not_a_pdf",
                    "the file is named or declared as a PDF but its content is not a PDF");
        }
        if (claimsText(fileName, declaredType)) {
            String text = decodeText(content);
            return new ExtractedText(cap(text), TEXT, 1, 1, text.length() > MAX_TEXT_CHARS);
        }
        throw new ProblemException(
                ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                "unsupported_file_type",
                "only PDF, Word (.docx) and plain text resumes are accepted");
    }

    /**
     * The accepted type a file so named and declared is read as (PDF, .docx or plain text), by the same rules as
     * {@link #extract} before it sees the content; empty for any other.
     */
    public static Optional<String> acceptedType(String fileName, String declaredType) {
        if (claimsDocx(fileName, declaredType)) {
            return Optional.of(DOCX);
        }
        if (claimsPdf(fileName, declaredType)) {
            return Optional.of(PDF);
        }
        return claimsText(fileName, declaredType) ? Optional.of(TEXT) : Optional.empty();
    }

    private ExtractedText extractPdf(byte[] content) {
        try (PDDocument document = Loader.loadPDF(
                content,
                "",
                null,
                null,
                MemoryUsageSetting.setupMixed(PDF_MAIN_MEMORY_BYTES, PDF_SCRATCH_BYTES).streamCache)) {
            int pages = document.getNumberOfPages();
            int pagesRead = Math.min(pages, maxPages);
            BoundedTextStripper stripper = new BoundedTextStripper(MAX_GLYPHS, budgetMillis);
            stripper.setSortByPosition(true);
            stripper.setStartPage(1);
            stripper.setEndPage(pagesRead);
            BoundedTextStripper.CappedWriter output = new BoundedTextStripper.CappedWriter(MAX_TEXT_CHARS);
            try {
                stripper.writeText(document, output);
            } catch (BoundedTextStripper.LimitReached enough) {
                // the text up to the limit is what is screened
            }
            return new ExtractedText(output.text(), PDF, pages, pagesRead, output.full(), stripper.hiddenCharacters());
        } catch (BoundedTextStripper.TooComplex e) {
            JsonLog.warn("pdf.too_complex", Map.of("reason", e.getMessage()));
            throw new ProblemException(
                    ProblemKind.UNPROCESSABLE,
                    "pdf_too_complex",
                    "the PDF is too complex to read (" + e.getMessage() + "); upload a simpler copy or plain text");
        } catch (InvalidPasswordException e) {
            throw new ProblemException(
                    ProblemKind.UNPROCESSABLE,
                    "encrypted_pdf",
                    "the PDF is password-protected; upload an unprotected copy");
        } catch (IOException | RuntimeException e) {
            throw new ProblemException(
                    ProblemKind.UNPROCESSABLE, "corrupt_pdf", "the PDF is damaged or truncated and cannot be read", e);
        }
    }

    private static String decodeText(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            if (text.indexOf('\0') >= 0) {
                throw new CharacterCodingException();
            }
            return text;
        } catch (CharacterCodingException e) {
            throw new ProblemException(
                    ProblemKind.UNPROCESSABLE, "invalid_text", "the text file is not valid UTF-8 text");
        }
    }

    private static String cap(String text) {
        return text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text;
    }

    private static boolean startsWithPdfMagic(byte[] content) {
        int searchLimit = Math.min(content.length - PDF_MAGIC.length, 1024);
        for (int start = 0; start <= searchLimit; start++) {
            if (regionMatches(content, start)) {
                return true;
            }
        }
        return false;
    }

    private static boolean regionMatches(byte[] content, int start) {
        for (int i = 0; i < PDF_MAGIC.length; i++) {
            if (content[start + i] != PDF_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean claimsDocx(String fileName, String declaredType) {
        return lower(fileName).endsWith(".docx") || lower(declaredType).startsWith(DOCX);
    }

    private static boolean claimsPdf(String fileName, String declaredType) {
        return lower(fileName).endsWith(".pdf") || lower(declaredType).startsWith(PDF);
    }

    private static boolean claimsText(String fileName, String declaredType) {
        String name = lower(fileName);
        return name.endsWith(".txt")
                || name.endsWith(".text")
                || name.endsWith(".md")
                || lower(declaredType).startsWith("text/plain")
                || (name.isEmpty() && lower(declaredType).isEmpty());
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }
}
