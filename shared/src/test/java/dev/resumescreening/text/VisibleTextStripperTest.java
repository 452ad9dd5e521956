package dev.resumescreening.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resumescreening.testing.PdfFixtures;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDAppearanceContentStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDFormContentStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentGroup;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentMembershipDictionary;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentProperties;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFreeText;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.junit.jupiter.api.Test;

/** Text a reader of the page cannot see is not read (through the extractor, as an upload is read). */
class VisibleTextStripperTest {
    private static final String SEEN = "Payroll accountant";
    private static final String POSTING = "Senior Java engineer Kubernetes";

    private final DocumentTextExtractor extractor = new DocumentTextExtractor(5);

    @Test
    void leavesOutWhiteTextOnTheWhitePage() {
        assertHidden(PdfFixtures.drawnPdf(null, (document, content) -> {
            write(content, SEEN, 50, 700, 11);
            content.setNonStrokingColor(Color.WHITE);
            write(content, POSTING, 50, 680, 11);
        }));
    }

    @Test
    void leavesOutTextInTheInvisibleRenderingMode() {
        assertHidden(PdfFixtures.drawnPdf(null, (document, content) -> {
            write(content, SEEN, 50, 700, 11);
            write(content, POSTING, 50, 680, 11, line -> line.setRenderingMode(RenderingMode.NEITHER));
        }));
    }

    @Test
    void leavesOutTransparentText() {
        assertHidden(PdfFixtures.drawnPdf(null, (document, content) -> {
            write(content, SEEN, 50, 700, 11);
            PDExtendedGraphicsState transparent = new PDExtendedGraphicsState();
            transparent.setNonStrokingAlphaConstant(0f);
            content.setGraphicsStateParameters(transparent);
            write(content, POSTING, 50, 680, 11);
        }));
    }

    @Test
    void leavesOutTextTooSmallToRead() {
        for (float points : new float[] {0.5f, 1, 2, 2.4f}) {
            assertHidden(PdfFixtures.drawnPdf(null, (document, content) -> {
                write(content, SEEN, 50, 700, 11);
                write(content, POSTING, 50, 680, points);
            }));
        }
        ExtractedText fine = extractor.extract(
                PdfFixtures.drawnPdf(null, (document, content) -> write(content, POSTING, 50, 680, 2.5f)),
                "cv.pdf",
                null);
        assertEquals(POSTING + "\n", fine.text());
    }

    @Test
    void leavesOutTextSquashedToASliver() {
        assertHidden(PdfFixtures.drawnPdf(null, (document, content) -> {
            write(content, SEEN, 50, 700, 11);
            write(content, POSTING, 50, 680, 11, line -> line.setHorizontalScaling(1));
        }));
    }

    @Test
    void leavesOutTextSetOffThePage() {
        assertHidden(PdfFixtures.drawnPdf(null, (document, content) -> {
            write(content, SEEN, 50, 700, 11);
            write(content, POSTING, 50, 900, 11);
        }));
    }

    @Test
    void leavesOutTextOutsideTheCropBoxAViewerShows() {
        assertHidden(PdfFixtures.drawnPdf(new PDRectangle(100, 100, 400, 600), (document, content) -> {
            write(content, SEEN, 150, 600, 11);
            write(content, POSTING, 20, 40, 11);
        }));
    }

    @Test
    void leavesOutWhiteTextThatOnlySitsOnAThinRule() {
        assertHidden(PdfFixtures.drawnPdf(null, (document, content) -> {
            write(content, SEEN, 50, 700, 11);
            content.addRect(40, 679.5f, 520, 1);
            content.fill();
            content.setNonStrokingColor(Color.WHITE);
            write(content, POSTING, 50, 680, 11);
        }));
    }

    @Test
    void readsWhiteTextOnADarkBand() {
        assertRead(
                PdfFixtures.drawnPdf(new PDRectangle(100, 100, 400, 600), (document, content) -> {
                    content.setNonStrokingColor(new Color(30, 40, 90));
                    content.addRect(120, 500, 300, 60);
                    content.fill();
                    content.setNonStrokingColor(Color.WHITE);
                    write(content, SEEN, 130, 520, 11);
                }),
                SEEN);
    }

    /** A page with SEEN in black on the paper, then a box of {@code band} and POSTING in {@code ink} on it. */
    private static byte[] onABand(Color band, Color ink, PdfFixtures.Drawing over) {
        return PdfFixtures.drawnPdf(null, (document, content) -> {
            write(content, SEEN, 50, 700, 11);
            content.setNonStrokingColor(band);
            content.addRect(40, 660, 520, 40);
            content.fill();
            over.draw(document, content);
            content.setNonStrokingColor(ink);
            write(content, POSTING, 50, 680, 11);
        });
    }

    @Test
    void leavesOutTextTheColourOfTheBoxItLiesOn() {
        Color navy = new Color(30, 40, 90);
        assertHidden(onABand(Color.BLACK, Color.BLACK, (document, content) -> {}));
        assertHidden(onABand(navy, navy, (document, content) -> {}));
        assertHidden(onABand(navy, new Color(40, 50, 100), (document, content) -> {}));
        assertHidden(onABand(navy, Color.WHITE, (document, content) -> {
            content.setNonStrokingColor(Color.WHITE);
            content.addRect(45, 670, 500, 25);
            content.fill();
        }));
    }

    @Test
    void readsTextThatStandsOutFromTheBoxItLiesOn() {
        Color navy = new Color(30, 40, 90);
        assertRead(onABand(navy, new Color(60, 70, 120), (document, content) -> {}), SEEN, POSTING);
        assertRead(onABand(navy, Color.WHITE, (document, content) -> {}), SEEN, POSTING);
        assertRead(
                onABand(navy, navy, (document, content) -> {
                    content.setNonStrokingColor(Color.WHITE);
                    content.addRect(45, 670, 500, 25);
                    content.fill();
                }),
                SEEN,
                POSTING);
        assertRead(
                onABand(Color.WHITE, navy, (document, content) -> {
                    PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
                    translucent.setNonStrokingAlphaConstant(0.5f);
                    content.saveGraphicsState();
                    content.setGraphicsStateParameters(translucent);
                    content.setNonStrokingColor(navy);
                    content.addRect(45, 670, 500, 25);
                    content.fill();
                    content.restoreGraphicsState();
                }),
                SEEN,
                POSTING);
        // a navy triangle whose corner the text lies outside, on the white box, though inside its bounds
        assertRead(
                onABand(Color.WHITE, navy, (document, content) -> {
                    content.setNonStrokingColor(navy);
                    content.moveTo(45, 670);
                    content.lineTo(545, 670);
                    content.lineTo(545, 695);
                    content.fill();
                }),
                SEEN,
                POSTING);
    }

    @Test
    void readsTheInvisibleTextThatCharacterRecognitionLaysOverAScan() {
        ExtractedText text = extractor.extract(
                PdfFixtures.drawnPdf(null, (document, content) -> {
                    BufferedImage scan = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
                    content.drawImage(LosslessFactory.createFromImage(document, scan), 40, 400, 500, 350);
                    write(content, SEEN, 50, 700, 11, line -> line.setRenderingMode(RenderingMode.NEITHER));
                    write(content, POSTING, 50, 300, 11, line -> line.setRenderingMode(RenderingMode.NEITHER));
                }),
                "scan.pdf",
                null);
        assertTrue(text.text().contains(SEEN), text.text());
        assertFalse(text.text().contains("Kubernetes"), "invisible text beside the scan is not the scan's");
        assertEquals(POSTING.replace(" ", "").length(), text.hiddenCharacters());
    }

    @Test
    void leavesOutInvisibleTextOverADarkFillThatIsNoScan() {
        assertHidden(PdfFixtures.drawnPdf(null, (document, content) -> {
            write(content, SEEN, 50, 700, 11);
            content.addRect(40, 600, 500, 100);
            content.fill();
            write(content, POSTING, 50, 650, 11, line -> line.setRenderingMode(RenderingMode.NEITHER));
        }));
    }

    @Test
    void readsEveryGlyphOfAPageThatDrawsMoreShapesThanItKeeps() {
        String shapes = "0 0 0.4 rg\n" + "5 5 1 1 re f\n".repeat(VisibleTextStripper.MAX_BACKDROPS + 1);
        assertRead(
                PdfFixtures.rawContentPdf(1, shapes + "1 1 1 rg BT /F1 11 Tf 50 680 Td (" + POSTING + ") Tj ET\n"),
                POSTING);
    }

    @Test
    void leavesOutTextInALayerViewersShowSwitchedOffAndReadsOneSwitchedOn() {
        assertHidden(PdfFixtures.drawnPdf(null, (document, content) -> {
            PDOptionalContentGroup shown = layer(document, "Resume", true);
            PDOptionalContentGroup switchedOff = layer(document, "Keywords", false);
            content.beginMarkedContent(COSName.OC, shown);
            write(content, SEEN, 50, 700, 11);
            content.endMarkedContent();
            content.beginMarkedContent(COSName.OC, switchedOff);
            write(content, POSTING, 50, 680, 11);
            content.endMarkedContent();
        }));
    }

    @Test
    void leavesOutTextWhoseLayersAreAllSwitchedOff() {
        assertHidden(PdfFixtures.drawnPdf(null, (document, content) -> {
            PDOptionalContentGroup switchedOff = layer(document, "Keywords", false);
            PDOptionalContentMembershipDictionary membership = new PDOptionalContentMembershipDictionary();
            membership.setOCGs(List.of(switchedOff));
            write(content, SEEN, 50, 700, 11);
            content.beginMarkedContent(COSName.OC, membership);
            write(content, POSTING, 50, 680, 11);
            content.endMarkedContent();
        }));
    }

    @Test
    void aBoxInALayerSwitchedOffNeitherCoversTextNorShowsWhiteTextOnIt() {
        assertHidden(PdfFixtures.drawnPdf(null, (document, content) -> {
            write(content, SEEN, 50, 700, 11);
            content.beginMarkedContent(COSName.OC, layer(document, "Boxes", false));
            content.setNonStrokingColor(Color.WHITE);
            content.addRect(45, 695, 400, 16);
            content.fill();
            content.setNonStrokingColor(Color.BLACK);
            content.addRect(45, 675, 400, 16);
            content.fill();
            content.endMarkedContent();
            content.setNonStrokingColor(Color.WHITE);
            write(content, POSTING, 50, 680, 11);
        }));
    }

    @Test
    void leavesOutAFormDrawnInALayerSwitchedOff() {
        assertHidden(PdfFixtures.drawnPdf(null, (document, content) -> {
            PDOptionalContentGroup switchedOff = layer(document, "Keywords", false);
            PDFormXObject form = new PDFormXObject(document);
            form.setBBox(new PDRectangle(612, 792));
            form.setResources(new PDResources());
            form.setOptionalContent(switchedOff);
            try (PDFormContentStream formContent = new PDFormContentStream(form)) {
                formContent.beginText();
                formContent.setFont(font(), 11);
                formContent.newLineAtOffset(50, 680);
                formContent.showText(POSTING);
                formContent.endText();
            }
            write(content, SEEN, 50, 700, 11);
            content.drawForm(form);
        }));
    }

    @Test
    void leavesOutTextOutlinedInWhiteAndReadsTextOutlinedInInk() {
        assertHidden(PdfFixtures.drawnPdf(null, (document, content) -> {
            content.setNonStrokingColor(Color.WHITE);
            write(content, SEEN, 50, 700, 11, line -> line.setRenderingMode(RenderingMode.STROKE));
            content.setStrokingColor(Color.WHITE);
            write(content, POSTING, 50, 680, 11, line -> line.setRenderingMode(RenderingMode.FILL_STROKE));
        }));
    }

    @Test
    void leavesOutTextOutsideTheAreaThePageClipsTo() {
        assertHidden(PdfFixtures.drawnPdf(null, (document, content) -> {
            content.saveGraphicsState();
            content.addRect(40, 690, 300, 30);
            content.clip();
            write(content, SEEN, 50, 700, 11);
            write(content, POSTING, 50, 660, 11);
            content.restoreGraphicsState();
        }));
    }

    @Test
    void readsTextAgainOnceTheClipIsRestored() {
        assertRead(
                PdfFixtures.drawnPdf(null, (document, content) -> {
                    content.saveGraphicsState();
                    content.addRect(0, 0, 1, 1);
                    content.clip();
                    content.restoreGraphicsState();
                    write(content, SEEN, 50, 700, 11);
                }),
                SEEN);
    }

    @Test
    void leavesOutTextCoveredByABoxDrawnOverIt() {
        assertHidden(PdfFixtures.drawnPdf(null, (document, content) -> {
            write(content, SEEN, 50, 700, 11);
            write(content, POSTING, 50, 680, 11);
            content.setNonStrokingColor(Color.WHITE);
            content.addRect(45, 675, 400, 16);
            content.fill();
        }));
    }

    @Test
    void readsTextDrawnTwiceInPlaceOnce() {
        ExtractedText fakeBold = extractor.extract(
                PdfFixtures.drawnPdf(null, (document, content) -> {
                    write(content, POSTING, 50, 680, 11);
                    write(content, POSTING, 50.4f, 680.2f, 11);
                }),
                "cv.pdf",
                null);
        assertEquals(POSTING + "\n", fakeBold.text());
        assertEquals(0, fakeBold.hiddenCharacters());
    }

    @Test
    void readsTextWrittenAgainOverTheBoxThatCoversItsFormerSelf() {
        String corrected = "Senior Java engineer Kotlin";
        ExtractedText edited = extractor.extract(
                PdfFixtures.drawnPdf(null, (document, content) -> {
                    write(content, SEEN, 50, 700, 11);
                    write(content, POSTING, 50, 680, 11);
                    content.setNonStrokingColor(Color.WHITE);
                    content.addRect(45, 675, 400, 16);
                    content.fill();
                    content.setNonStrokingColor(Color.BLACK);
                    write(content, corrected, 50, 680, 11);
                }),
                "cv.pdf",
                null);
        assertEquals(SEEN + "\n" + corrected + "\n", edited.text());
        assertEquals(POSTING.replace(" ", "").length(), edited.hiddenCharacters());
    }

    @Test
    void leavesOutTextCoveredByAnImageDrawnOverIt() {
        assertHidden(PdfFixtures.drawnPdf(null, (document, content) -> {
            write(content, SEEN, 50, 700, 11);
            write(content, POSTING, 50, 680, 11);
            BufferedImage patch = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
            content.drawImage(LosslessFactory.createFromImage(document, patch), 45, 675, 400, 16);
        }));
    }

    @Test
    void readsEveryGlyphOfAPageThatPaintsMoreOverItsTextThanItKeeps() {
        String boxes = "1 1 1 rg\n" + "45 675 400 16 re f\n".repeat(VisibleTextStripper.MAX_LATER_PAINTS + 1);
        assertRead(PdfFixtures.rawContentPdf(1, "BT /F1 11 Tf 50 680 Td (" + POSTING + ") Tj ET\n" + boxes), POSTING);
    }

    @Test
    void readsTextThatWhatIsDrawnAfterItLeavesInSight() {
        assertRead(
                PdfFixtures.drawnPdf(null, (document, content) -> {
                    write(content, SEEN, 50, 700, 11);
                    write(content, POSTING, 50, 680, 11);
                    content.addRect(45, 640, 400, 30);
                    content.fill();
                    PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
                    translucent.setNonStrokingAlphaConstant(0.3f);
                    content.saveGraphicsState();
                    content.setGraphicsStateParameters(translucent);
                    content.addRect(45, 675, 400, 40);
                    content.fill();
                    content.restoreGraphicsState();
                    BufferedImage seeThrough = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
                    content.drawImage(LosslessFactory.createFromImage(document, seeThrough), 45, 675, 400, 40);
                }),
                SEEN,
                POSTING);
    }

    @Test
    void readsTextThatOnlyClipsWhatIsPaintedAfterItAndLeavesItOutWhenNothingIs() {
        assertHidden(PdfFixtures.drawnPdf(null, (document, content) -> {
            content.saveGraphicsState();
            write(content, SEEN, 50, 700, 11, line -> line.setRenderingMode(RenderingMode.NEITHER_CLIP));
            BufferedImage gradient = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
            content.drawImage(LosslessFactory.createFromImage(document, gradient), 45, 695, 400, 16);
            content.restoreGraphicsState();
            write(content, POSTING, 50, 660, 11, line -> line.setRenderingMode(RenderingMode.NEITHER_CLIP));
        }));
    }

    @Test
    void readsWhatAnAnnotationShowsAndNotWhatOneViewersHideShows() {
        ExtractedText text = extractor.extract(
                PdfFixtures.drawnPdf(null, (document, content) -> {
                    PDPage page = document.getPage(0);
                    page.getAnnotations().add(annotation(document, SEEN, 50, 700, false));
                    PDAnnotation hidden = annotation(document, POSTING, 50, 680, false);
                    hidden.setHidden(true);
                    page.getAnnotations().add(hidden);
                }),
                "form.pdf",
                null);
        assertTrue(text.text().contains(SEEN), text.text());
        assertFalse(text.text().contains("Kubernetes"), text.text());
    }

    @Test
    void leavesOutTextAnAnnotationDrawnOpaqueOverItCovers() {
        assertHidden(PdfFixtures.drawnPdf(null, (document, content) -> {
            write(content, SEEN, 50, 700, 11);
            write(content, POSTING, 50, 680, 11);
            document.getPage(0).getAnnotations().add(annotation(document, "", 45, 675, true));
        }));
    }

    /**
     * A free-text annotation at ({@code x}, {@code y}), 400 by 16 points, whose appearance shows {@code line}, on a
     * white box when {@code opaque} (as a PDF editor's whiteout draws it).
     */
    private static PDAnnotation annotation(PDDocument document, String line, float x, float y, boolean opaque)
            throws IOException {
        PDAnnotationFreeText annotation = new PDAnnotationFreeText();
        annotation.setRectangle(new PDRectangle(x, y, 400, 16));
        PDAppearanceStream appearance = new PDAppearanceStream(document);
        appearance.setBBox(new PDRectangle(400, 16));
        appearance.setResources(new PDResources());
        try (PDAppearanceContentStream drawing = new PDAppearanceContentStream(appearance)) {
            if (opaque) {
                drawing.setNonStrokingColor(Color.WHITE);
                drawing.addRect(0, 0, 400, 16);
                drawing.fill();
            }
            if (!line.isEmpty()) {
                drawing.beginText();
                drawing.setFont(font(), 11);
                drawing.newLineAtOffset(5, 5);
                drawing.showText(line);
                drawing.endText();
            }
        }
        PDAppearanceDictionary appearances = new PDAppearanceDictionary();
        appearances.setNormalAppearance(appearance);
        annotation.setAppearance(appearances);
        return annotation;
    }

    /** A new layer of the document, shown switched on or off. */
    private static PDOptionalContentGroup layer(PDDocument document, String name, boolean on) {
        PDOptionalContentProperties layers = document.getDocumentCatalog().getOCProperties();
        if (layers == null) {
            layers = new PDOptionalContentProperties();
            document.getDocumentCatalog().setOCProperties(layers);
        }
        PDOptionalContentGroup layer = new PDOptionalContentGroup(name);
        layers.addGroup(layer);
        layers.setGroupEnabled(layer, on);
        return layer;
    }

    /** Every one of {@code lines} is read, and nothing is left out. */
    private void assertRead(byte[] pdf, String... lines) {
        ExtractedText text = extractor.extract(pdf, "cv.pdf", null);
        for (String line : lines) {
            assertTrue(text.text().contains(line), text.text());
        }
        assertEquals(0, text.hiddenCharacters());
    }

    private void assertHidden(byte[] pdf) {
        ExtractedText text = extractor.extract(pdf, "cv.pdf", null);
        assertTrue(text.text().contains(SEEN), text.text());
        assertFalse(text.text().contains("Kubernetes"), text.text());
        assertEquals(POSTING.replace(" ", "").length(), text.hiddenCharacters());
    }

    /** How a line's text is set besides its font (rendering mode, scaling). */
    @FunctionalInterface
    private interface TextSetting {
        void apply(PDPageContentStream content) throws IOException;
    }

    private static void write(PDPageContentStream content, String line, float x, float y, float size)
            throws IOException {
        write(content, line, x, y, size, text -> {});
    }

    private static void write(
            PDPageContentStream content, String line, float x, float y, float size, TextSetting setting)
            throws IOException {
        content.beginText();
        content.setFont(font(), size);
        setting.apply(content);
        content.newLineAtOffset(x, y);
        content.showText(line);
        content.endText();
    }

    private static PDType1Font font() {
        return new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    }
}
