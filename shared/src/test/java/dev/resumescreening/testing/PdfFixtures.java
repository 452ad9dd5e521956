package dev.resumescreening.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** PDFs made on the fly for tests: real documents written by PDFBox, and broken ones. */
public final class PdfFixtures {
    private PdfFixtures() {}

    /** One page per argument, each line of it written as text. */
    public static byte[] textPdf(String... pages) {
        try (PDDocument document = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (String page : pages) {
                PDPage pdPage = new PDPage();
                document.addPage(pdPage);
                try (PDPageContentStream content = new PDPageContentStream(document, pdPage)) {
                    content.beginText();
                    content.setFont(font, 11);
                    content.setLeading(14);
                    content.newLineAtOffset(50, 740);
                    for (String line : page.split("\n")) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a test draws on a page. */
    @FunctionalInterface
    public interface Drawing {
        void draw(PDDocument document, PDPageContentStream content) throws IOException;
    }

    /** One letter-size page showing {@code cropBox} of itself (null: all of it), with what {@code drawing} draws. */
    public static byte[] drawnPdf(org.apache.pdfbox.pdmodel.common.PDRectangle cropBox, Drawing drawing) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            if (cropBox != null) {
                page.setCropBox(cropBox);
            }
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                drawing.draw(document, content);
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A page of {@code visible} in black and, below it, {@code hidden} in white 4-point type on the white page: what a
     * resume that hides a job posting from its reader looks like. Characters Helvetica cannot show become spaces.
     */
    public static byte[] textPdfHiding(String visible, String hidden) {
        return drawnPdf(null, (document, content) -> {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            content.beginText();
            content.setFont(font, 9);
            content.setLeading(11);
            content.newLineAtOffset(40, 760);
            for (String line : visible.split("\n")) {
                content.showText(winAnsi(line));
                content.newLine();
            }
            content.setNonStrokingColor(java.awt.Color.WHITE);
            content.setFont(font, 4);
            content.setLeading(5);
            for (String line : hidden.split("\n")) {
                for (int start = 0; start < line.length(); start += 100) {
                    content.showText(winAnsi(line.substring(start, Math.min(line.length(), start + 100))));
                    content.newLine();
                }
            }
            content.endText();
        });
    }

    private static String winAnsi(String line) {
        return line.replaceAll("[^\\x20-\\x7E]", " ");
    }

    /** A PDF that opens only with a user password. */
    public static byte[] encryptedPdf(String text) {
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(textPdf(text))) {
            StandardProtectionPolicy policy =
                    new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like a scanned page: drawing, no text. */
    public static byte[] imageOnlyPdf() {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.addRect(100, 100, 300, 400);
                content.fill();
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] manyPages(int count, String text) {
        String[] pages = new String[count];
        Arrays.fill(pages, text);
        return textPdf(pages);
    }

    public static byte[] truncated(byte[] pdf) {
        return Arrays.copyOf(pdf, pdf.length / 3);
    }

    /**
     * Pages whose content streams are the given PDF operators (compressed, as PDF writers store them), with
     * Helvetica as font /F1: hostile documents that stay a few kilobytes however many glyphs they draw.
     */
    public static byte[] rawContentPdf(int pages, String operators) {
        try (PDDocument document = new PDDocument()) {
            byte[] bytes = operators.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage();
                org.apache.pdfbox.pdmodel.PDResources resources = new org.apache.pdfbox.pdmodel.PDResources();
                resources.put(
                        org.apache.pdfbox.cos.COSName.getPDFName("F1"),
                        new PDType1Font(Standard14Fonts.FontName.HELVETICA));
                page.setResources(resources);
                page.setContents(new org.apache.pdfbox.pdmodel.common.PDStream(
                        document, new java.io.ByteArrayInputStream(bytes), org.apache.pdfbox.cos.COSName.FLATE_DECODE));
                document.addPage(page);
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }
}
