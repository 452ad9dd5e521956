package dev.resumescreening.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.domain.ProblemKind;
import dev.resumescreening.testing.DocxFixtures;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocxTextTest {
    private final DocumentTextExtractor extractor = new DocumentTextExtractor(30);

    private ProblemException refused(byte[] content, String fileName) {
        return assertThrows(ProblemException.class, () -> extractor.extract(content, fileName, null));
    }

    @Test
    void readsTheParagraphsTabsAndBreaksOfTheBody() {
        byte[] docx = DocxFixtures.document("Priya Nair", "Skills\tJava, AWS Lambda & DynamoDB", "Kotlin <3");
        ExtractedText text = extractor.extract(docx, "cv.docx", null);
        assertEquals("Priya Nair\nSkills\tJava, AWS Lambda & DynamoDB\nKotlin <3\n", text.text());
        assertEquals(DocumentTextExtractor.DOCX, text.contentType());
        assertFalse(text.truncated());
        // known by the declared type as well as by the name
        assertEquals(
                text.text(),
                extractor.extract(docx, "upload", DocumentTextExtractor.DOCX).text());
    }

    @Test
    void stopsAtTheCharacterLimit() {
        String[] paragraphs = new String[3_000];
        Arrays.fill(paragraphs, "Java engineer ".repeat(5));
        ExtractedText text = extractor.extract(DocxFixtures.document(paragraphs), "long.docx", null);
        assertTrue(text.truncated());
        assertEquals(DocumentTextExtractor.MAX_TEXT_CHARS, text.text().length());
    }

    @Test
    void refusesAZipBombBeforeItExpands() {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put(
                "word/document.xml",
                DocxFixtures.documentXml("<w:p><w:r><w:t>Java</w:t></w:r></w:p>")
                        .getBytes());
        parts.put("word/media/padding.bin", new byte[(int) DocxText.MAX_EXPANDED_BYTES + 1]);
        byte[] bomb = DocxFixtures.zipBytes(parts);
        assertTrue(bomb.length < 200_000, "compressed " + bomb.length);
        ProblemException problem = refused(bomb, "bomb.docx");
        assertEquals(ProblemKind.UNPROCESSABLE, problem.kind());
        assertEquals("docx_too_large_expanded", problem.code());
    }

    @Test
    void refusesTooManyParts() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("word/document.xml", DocxFixtures.documentXml(""));
        for (int i = 0; i < DocxText.MAX_ENTRIES; i++) {
            parts.put("customXml/item" + i + ".xml", "<a/>");
        }
        assertEquals(
                "docx_too_many_entries",
                refused(DocxFixtures.zip(parts), "many.docx").code());
    }

    @Test
    void refusesWhatIsNotAWordDocument() {
        assertEquals("not_a_docx", refused("plain text".getBytes(), "cv.docx").code());
        assertEquals(
                "not_a_docx",
                refused(DocxFixtures.zip(Map.of("xl/workbook.xml", "<x/>")), "sheet.docx")
                        .code());
        byte[] docx = DocxFixtures.document("Java engineer");
        assertEquals(
                "corrupt_docx",
                refused(Arrays.copyOf(docx, docx.length / 2), "cut.docx").code());
        assertEquals(
                "corrupt_docx",
                refused(DocxFixtures.zip(Map.of("word/document.xml", "<w:document")), "broken.docx")
                        .code());
        // a zip that does not say it is a Word document is no resume format
        assertEquals(
                ProblemKind.UNSUPPORTED_MEDIA_TYPE, refused(docx, "archive.zip").kind());
    }

    @Test
    void refusesDocumentTypeDeclarationsSoNoEntityIsExpanded() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>"
                + "<w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>";
        assertEquals(
                "corrupt_docx",
                refused(DocxFixtures.zip(Map.of("word/document.xml", xxe)), "xxe.docx")
                        .code());
    }

    @Test
    void readsFootnotesAndEndnotesAfterTheBodyAndNotTheirSeparators() {
        String notes = "<w:%1$ss xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                + "<w:%1$s w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:%1$s>"
                + "<w:%1$s w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r>"
                + "</w:p></w:%1$s>"
                + "<w:%1$s w:id=\"1\"><w:p><w:r><w:t>%2$s</w:t></w:r>" + WHITE_RUN + "</w:p></w:%1$s></w:%1$ss>";
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("word/document.xml", DocxFixtures.documentXml(PLAIN.replace(WHITE_RUN, "")));
        parts.put("word/endnotes.xml", String.format(notes, "endnote", "References on request"));
        parts.put("word/footnotes.xml", String.format(notes, "footnote", "Certified Kubernetes Administrator"));
        ExtractedText text = extractor.extract(DocxFixtures.zip(parts), "cv.docx", null);
        assertEquals("Payroll accountant\nCertified Kubernetes Administrator\nReferences on request\n", text.text());
        assertEquals(2 * "SeniorJavaengineer".length(), text.hiddenCharacters());
    }

    @Test
    void leavesOutRunsFormattedHiddenOrTooSmallToRead() {
        String body = "<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>"
                + "<w:r><w:t>Payroll accountant</w:t></w:r>"
                + "<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space=\"preserve\"> Senior Java engineer</w:t></w:r>"
                + "<w:r><w:rPr><w:sz w:val=\"1\"/></w:rPr><w:t>Kubernetes</w:t></w:r>"
                + "<w:r><w:rPr><w:sz w:val=\"4\"/></w:rPr><w:t>Terraform</w:t></w:r>"
                + "<w:r><w:rPr><w:vanish w:val=\"false\"/><w:sz w:val=\"5\"/></w:rPr>"
                + "<w:t xml:space=\"preserve\"> with payroll audits</w:t></w:r>"
                + "<w:r><w:rPr><w:b/><w:rPrChange w:id=\"1\" w:author=\"x\"><w:rPr><w:vanish/></w:rPr></w:rPrChange>"
                + "</w:rPr><w:t xml:space=\"preserve\"> and VAT returns</w:t></w:r></w:p>";
        ExtractedText text = extractor.extract(
                DocxFixtures.zip(Map.of("word/document.xml", DocxFixtures.documentXml(body))), "cv.docx", null);
        assertEquals("Payroll accountant with payroll audits and VAT returns\n", text.text());
        assertEquals("SeniorJavaengineerKubernetesTerraform".length(), text.hiddenCharacters());
    }

    private static final String STYLES_OPEN =
            "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">";

    /** A style that formats its runs with {@code runProperties}, based on {@code basedOn} when given. */
    private static String runStyle(String type, String id, String basedOn, String runProperties) {
        return "<w:style w:type=\"" + type + "\" w:styleId=\"" + id + "\">"
                + (basedOn == null ? "" : "<w:basedOn w:val=\"" + basedOn + "\"/>")
                + "<w:rPr>" + runProperties + "</w:rPr></w:style>";
    }

    /** A paragraph of {@code paragraphStyle} (or none): "Payroll accountant", then a run of {@code runXml}. */
    private static String paragraph(String paragraphStyle, String runXml) {
        return "<w:p>" + (paragraphStyle == null ? "" : "<w:pPr><w:pStyle w:val=\"" + paragraphStyle + "\"/></w:pPr>")
                + "<w:r><w:t>Payroll accountant</w:t></w:r>" + runXml + "</w:p>";
    }

    private static String styledRun(String runStyle, String ownProperties) {
        return "<w:r><w:rPr>" + (runStyle == null ? "" : "<w:rStyle w:val=\"" + runStyle + "\"/>") + ownProperties
                + "</w:rPr><w:t xml:space=\"preserve\"> Senior Java engineer</w:t></w:r>";
    }

    @Test
    void leavesOutRunsAStyleFormatsHiddenTinyOrWhiteUnlessTheRunSaysOtherwise() {
        String styles = STYLES_OPEN
                + runStyle("character", "Secret", null, "<w:vanish/>")
                + runStyle("paragraph", "Folded", null, "<w:vanish/>")
                + runStyle("paragraph", "Tiny", null, "<w:sz w:val=\"1\"/>")
                + runStyle("paragraph", "Footnote", "Tiny", "<w:b/>")
                + runStyle("character", "Ghost", null, "<w:color w:val=\"FEFEFE\"/>")
                + "</w:styles>";
        ExtractedText hidden =
                extractor.extract(docx(paragraph(null, styledRun("Secret", "")), styles), "cv.docx", null);
        assertEquals(LEFT_OUT, hidden.text());
        assertEquals("SeniorJavaengineer".length(), hidden.hiddenCharacters());
        assertEquals(LEFT_OUT, read(paragraph(null, styledRun("Ghost", "")), styles));
        assertEquals("\n", read(paragraph("Folded", ""), styles));
        assertEquals("\n", read(paragraph("Footnote", ""), styles), "tiny through the style it is based on");
        assertEquals(SHOWN, read(paragraph(null, styledRun("Secret", "<w:vanish w:val=\"0\"/>")), styles));
        assertEquals(SHOWN, read(paragraph(null, styledRun("Ghost", "<w:color w:val=\"000000\"/>")), styles));
        assertEquals(
                " Senior Java engineer\n",
                read(paragraph("Folded", styledRun("Secret", "")), styles),
                "a hiding character style in a hiding paragraph style shows the text again, as Word toggles it");
        assertEquals(
                " Senior Java engineer\n", read(paragraph("Tiny", styledRun(null, "<w:sz w:val=\"22\"/>")), styles));
    }

    @Test
    void leavesOutRunsTheDefaultsFormatHidden() {
        String hiddenByDefault = STYLES_OPEN
                + "<w:docDefaults><w:rPrDefault><w:rPr><w:vanish/></w:rPr></w:rPrDefault></w:docDefaults>"
                + runStyle("paragraph", "Shown", null, "<w:vanish/>")
                + "</w:styles>";
        assertEquals(
                "\n" + SHOWN, read(paragraph(null, "") + paragraph("Shown", styledRun(null, "")), hiddenByDefault));
        String whiteNormal = STYLES_OPEN
                + runStyle("paragraph", "Normal", null, "<w:color w:val=\"FFFFFF\"/>")
                        .replace("w:styleId=\"Normal\"", "w:styleId=\"Normal\" w:default=\"1\"")
                + "</w:styles>";
        assertEquals("\n", read(paragraph(null, ""), whiteNormal));
    }

    private static final String WP_NS =
            "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"";
    private static final String WHITE_RUN = "<w:r><w:rPr><w:color w:val=\"FFFFFF\"/></w:rPr>"
            + "<w:t xml:space=\"preserve\"> Senior Java engineer</w:t></w:r>";
    private static final String PLAIN = "<w:p><w:r><w:t>Payroll accountant</w:t></w:r>" + WHITE_RUN + "</w:p>";
    private static final String SHOWN = "Payroll accountant Senior Java engineer\n";
    private static final String LEFT_OUT = "Payroll accountant\n";

    @Test
    void leavesOutWhiteTextOnThePaper() {
        ExtractedText onPaper = extractor.extract(docx(PLAIN, null), "cv.docx", null);
        assertEquals(LEFT_OUT, onPaper.text());
        assertEquals("SeniorJavaengineer".length(), onPaper.hiddenCharacters());
    }

    /** "Payroll accountant", then " Senior Java engineer" in the colour {@code color} (a w:color element) sets. */
    private static String coloured(String color) {
        return paragraph(null, styledRun(null, color));
    }

    @Test
    void leavesOutTextInTheThemesWhiteWhateverItsValueSays() {
        String background = "<w:color w:val=\"000000\" w:themeColor=\"background1\"/>";
        assertEquals(LEFT_OUT, read(coloured(background), null), "Office's default theme: background 1 is white");
        assertEquals(LEFT_OUT, read(coloured("<w:color w:themeColor=\"light1\" w:themeTint=\"33\"/>"), null));
        assertEquals(
                LEFT_OUT,
                read(coloured("<w:color w:val=\"FFFFFF\" w:themeColor=\"background1\" w:themeShade=\"F2\"/>"), null),
                "5% darker is still white on paper");
        assertEquals(SHOWN, read(coloured(background.replace("/>", " w:themeShade=\"BF\"/>")), null), "25% darker");
        assertEquals(
                SHOWN,
                read(coloured("<w:color w:val=\"FFFFFF\" w:themeColor=\"text1\"/>"), null),
                "Word shows the theme's colour, not the value");
        String whiteNormal = STYLES_OPEN
                + runStyle("paragraph", "Normal", null, background)
                        .replace("w:styleId=\"Normal\"", "w:styleId=\"Normal\" w:default=\"1\"")
                + "</w:styles>";
        assertEquals("\n", read(paragraph(null, ""), whiteNormal));
    }

    /** A table (of {@code tableStyle}, or none) of one cell holding {@code paragraphs}. */
    private static String table(String tableStyle, String paragraphs) {
        return "<w:tbl>" + (tableStyle == null ? "" : "<w:tblPr><w:tblStyle w:val=\"" + tableStyle + "\"/></w:tblPr>")
                + "<w:tr><w:tc>" + paragraphs + "</w:tc></w:tr></w:tbl>";
    }

    @Test
    void leavesOutWhiteTextATablesStyleSetsOnThePaper() {
        String white = "<w:color w:val=\"FFFFFF\"/>";
        String ghost = STYLES_OPEN + runStyle("table", "Ghost", null, white)
                + runStyle("paragraph", "Dark", null, "<w:color w:val=\"1F1F1F\"/>")
                + runStyle("table", "Plain", null, "<w:b/>") + "</w:styles>";
        String inside = paragraph(null, "");
        assertEquals("\n" + "Payroll accountant\n", read(table("Ghost", inside) + inside, ghost));
        assertEquals("Payroll accountant\n", read(table("Ghost", paragraph("Dark", "")), ghost));
        assertEquals(
                "Payroll accountant\n",
                read(table("Ghost", table("Plain", inside)), ghost),
                "the innermost table's style is the one");
        String shadedGhost = ghost.replace(
                "<w:rPr>" + white + "</w:rPr>",
                "<w:tblPr><w:shd w:val=\"clear\" w:fill=\"1F3864\"/></w:tblPr><w:rPr>" + white + "</w:rPr>");
        assertEquals("Payroll accountant\n", read(table("Ghost", inside), shadedGhost));
        String formerlyGhost = table("Plain", inside)
                .replace(
                        "</w:tblPr>",
                        "<w:tblPrChange w:id=\"1\" w:author=\"x\"><w:tblPr><w:tblStyle w:val=\"Ghost\"/></w:tblPr>"
                                + "</w:tblPrChange></w:tblPr>");
        assertEquals("Payroll accountant\n", read(formerlyGhost, ghost), "a tracked change's former table style");
        String ghostByDefault = ghost.replace("w:styleId=\"Ghost\"", "w:styleId=\"Ghost\" w:default=\"1\"");
        assertEquals("\n" + "Payroll accountant\n", read(table(null, inside) + inside, ghostByDefault));
    }

    @Test
    void leavesOutTextTheColourOfTheShadingOrHighlightBehindIt() {
        assertEquals(LEFT_OUT, read(coloured("<w:color w:val=\"000000\"/><w:highlight w:val=\"black\"/>"), null));
        assertEquals(LEFT_OUT, read(coloured("<w:color w:val=\"FFFF00\"/><w:highlight w:val=\"yellow\"/>"), null));
        assertEquals(
                LEFT_OUT,
                read(coloured("<w:color w:val=\"1F3864\"/><w:shd w:val=\"clear\" w:fill=\"223A66\"/>"), null));
        assertEquals(
                LEFT_OUT,
                read(coloured("<w:color w:val=\"FFFFFF\"/><w:highlight w:val=\"white\"/>"), null),
                "white on a white highlight");
        String navyRun = styledRun(null, "<w:color w:val=\"1F3864\"/>");
        String navyParagraph = "<w:p><w:pPr><w:shd w:val=\"clear\" w:fill=\"1F3864\"/></w:pPr>"
                + "<w:r><w:t>Payroll accountant</w:t></w:r>" + navyRun + "</w:p>";
        assertEquals(LEFT_OUT, read(navyParagraph, null));
        String navyCell = "<w:tbl><w:tr><w:tc><w:tcPr><w:shd w:val=\"clear\" w:fill=\"1F3864\"/></w:tcPr>"
                + paragraph(null, navyRun) + "</w:tc></w:tr></w:tbl>";
        assertEquals(LEFT_OUT, read(navyCell, null));
    }

    @Test
    void readsTextThatStandsOutFromTheShadingOrHighlightBehindIt() {
        assertEquals(SHOWN, read(coloured("<w:color w:val=\"auto\"/><w:highlight w:val=\"black\"/>"), null));
        assertEquals(SHOWN, read(coloured("<w:color w:val=\"000000\"/><w:highlight w:val=\"yellow\"/>"), null));
        assertEquals(
                SHOWN,
                read(
                        coloured("<w:color w:val=\"1F3864\"/><w:shd w:val=\"pct50\" w:color=\"FFFFFF\""
                                + " w:fill=\"1F3864\"/>"),
                        null),
                "a pattern mixes its colours");
        assertEquals(
                SHOWN,
                read(
                        coloured("<w:color w:val=\"1F3864\"/><w:shd w:val=\"clear\" w:fill=\"1F3864\""
                                + " w:themeFill=\"accent1\"/>"),
                        null),
                "a theme's fill is not known here");
        String navyOnYellow = "<w:p><w:pPr><w:shd w:val=\"clear\" w:fill=\"1F3864\"/></w:pPr>"
                + "<w:r><w:t>Payroll accountant</w:t></w:r>"
                + styledRun(null, "<w:color w:val=\"1F3864\"/><w:highlight w:val=\"yellow\"/>") + "</w:p>";
        assertEquals(SHOWN, read(navyOnYellow, null), "the highlight lies over the paragraph's shading");
        String formerlyHighlighted = coloured("<w:color w:val=\"000000\"/><w:rPrChange w:id=\"1\" w:author=\"x\">"
                + "<w:rPr><w:highlight w:val=\"black\"/></w:rPr></w:rPrChange>");
        assertEquals(SHOWN, read(formerlyHighlighted, null), "a tracked change's former highlight");
        String formerlyShaded = "<w:p><w:pPr><w:shd w:val=\"clear\" w:fill=\"FFFF00\"/>"
                + "<w:pPrChange w:id=\"2\" w:author=\"x\"><w:pPr><w:shd w:val=\"clear\" w:fill=\"1F3864\"/></w:pPr>"
                + "</w:pPrChange></w:pPr><w:r><w:t>Payroll accountant</w:t></w:r>"
                + styledRun(null, "<w:color w:val=\"1F3864\"/>") + "</w:p>";
        assertEquals(SHOWN, read(formerlyShaded, null), "a tracked change's former shading");
    }

    @Test
    void readsTheThemesColoursFromItsPart() {
        String darkTheme = "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">"
                + "<a:themeElements><a:clrScheme name=\"Night\">"
                + "<a:dk1><a:sysClr val=\"windowText\" lastClr=\"FFFFFF\"/></a:dk1>"
                + "<a:lt1><a:srgbClr val=\"1E1E1E\"/></a:lt1>"
                + "</a:clrScheme></a:themeElements>"
                + "<a:extraClrSchemeLst><a:extraClrScheme><a:clrScheme name=\"Day\">"
                + "<a:dk1><a:srgbClr val=\"000000\"/></a:dk1><a:lt1><a:srgbClr val=\"FFFFFF\"/></a:lt1>"
                + "</a:clrScheme></a:extraClrScheme></a:extraClrSchemeLst></a:theme>";
        assertEquals(
                SHOWN, readThemed(coloured("<w:color w:val=\"000000\" w:themeColor=\"background1\"/>"), darkTheme));
        assertEquals(LEFT_OUT, readThemed(coloured("<w:color w:val=\"000000\" w:themeColor=\"text1\"/>"), darkTheme));
        assertEquals(SHOWN, readThemed(coloured("<w:color w:val=\"000000\"/>"), darkTheme));
    }

    private String readThemed(String body, String theme) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("word/document.xml", DocxFixtures.documentXml(body));
        parts.put(ThemeColours.PART, theme);
        return extractor.extract(DocxFixtures.zip(parts), "cv.docx", null).text();
    }

    @Test
    void readsWhiteTextInAShadedCellOrTableAndNotBesideIt() {
        String darkCell = "<w:tbl><w:tr><w:tc><w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"1F3864\"/>"
                + "</w:tcPr>" + PLAIN + "</w:tc></w:tr></w:tbl>";
        assertEquals(SHOWN + LEFT_OUT, read(darkCell + PLAIN, null));
        String darkTable =
                "<w:tbl><w:tblPr><w:tblStyle w:val=\"Dark\"/></w:tblPr><w:tr><w:tc>" + PLAIN + "</w:tc></w:tr></w:tbl>";
        assertEquals(SHOWN + LEFT_OUT, read(darkTable + PLAIN, styles("table", "Dark", false)));
    }

    @Test
    void readsWhiteTextOnAShadedParagraphOrRunOrInAShadedStyleAndNotBesideIt() {
        String shadedParagraph =
                "<w:p><w:pPr><w:shd w:val=\"clear\" w:fill=\"000000\"/></w:pPr>" + PLAIN.substring("<w:p>".length());
        assertEquals(SHOWN + LEFT_OUT, read(shadedParagraph + PLAIN, null));
        String highlighted = PLAIN.replace(
                "<w:color w:val=\"FFFFFF\"/>", "<w:color w:val=\"FFFFFF\"/><w:highlight w:val=\"black\"/>");
        assertEquals(SHOWN + LEFT_OUT, read(highlighted + PLAIN, null));
        String banner = "<w:p><w:pPr><w:pStyle w:val=\"Subheading\"/></w:pPr>" + PLAIN.substring("<w:p>".length());
        String bannerStyles = styles("paragraph", "Banner", false)
                .replace(
                        "</w:styles>",
                        "<w:style w:styleId=\"Subheading\"><w:basedOn w:val=\"Banner\"/></w:style></w:styles>");
        assertEquals(SHOWN + LEFT_OUT, read(banner + PLAIN, bannerStyles));
        assertEquals(SHOWN + SHOWN, read(PLAIN + PLAIN, styles("paragraph", "Normal", true)));
        assertEquals(LEFT_OUT, read(PLAIN, styles("paragraph", "Unused", false)));
        String defaultBasedOnBanner = styles("paragraph", "Banner", false)
                .replace(
                        "</w:styles>",
                        "<w:style w:styleId=\"Normal\" w:default=\"1\"><w:basedOn w:val=\"Banner\"/></w:style>"
                                + "</w:styles>");
        assertEquals(SHOWN, read(PLAIN, defaultBasedOnBanner));
        String manyStyles = styles("paragraph", "Unused", false)
                .replace("</w:styles>", "<w:style w:styleId=\"plain\"/>".repeat(WordStyles.MAX_STYLES) + "</w:styles>");
        assertEquals(SHOWN, read(PLAIN, manyStyles));
    }

    @Test
    void readsWhiteTextWhereAShapeMayLieBehindItAndNotBesideAPicture() {
        String inlinePicture = "<w:p><w:r><w:drawing><wp:inline " + WP_NS + "/></w:drawing></w:r></w:p>";
        assertEquals("\n" + LEFT_OUT, read(inlinePicture + PLAIN, null));
        String behindText = "<w:p><w:r><w:drawing><wp:anchor " + WP_NS + " behindDoc=\"1\"/></w:drawing></w:r></w:p>";
        assertEquals("\n" + SHOWN, read(behindText + PLAIN, null));
        String textBox = "<w:p><w:r><w:drawing><wp:anchor " + WP_NS + " behindDoc=\"0\"/><w:txbxContent>" + PLAIN
                + "</w:txbxContent></w:drawing></w:r></w:p>";
        assertEquals(SHOWN + "\n" + LEFT_OUT, read(textBox + PLAIN, null));
    }

    private static final String HEADER = "<w:p><w:r><w:t>Senior accountant</w:t></w:r>"
            + "<w:r><w:rPr><w:vanish/></w:rPr><w:t>Java</w:t></w:r></w:p>";

    @Test
    void readsTheHeadersAndFootersThePagesShowOnceAroundTheBody() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("word/header1.xml", HEADER);
        parts.put("word/footer1.xml", paragraphOf("Page 1"));
        parts.put("word/header2.xml", paragraphOf("First page"));
        parts.put("word/header3.xml", paragraphOf("Even pages"));
        parts.put("word/header4.xml", paragraphOf("Kubernetes Terraform"));
        parts.put("word/header5.xml", paragraphOf("Former header"));
        String references = reference("header", "default", 1)
                + reference("footer", "default", 2)
                + reference("header", "first", 3)
                + reference("header", "even", 4)
                + "<w:sectPrChange w:id=\"9\" w:author=\"x\">" + section(reference("header", "default", 6))
                + "</w:sectPrChange>";
        String body = "<w:p><w:pPr>" + section(reference("header", "default", 1)) + "</w:pPr></w:p>"
                + paragraphOf("Payroll accountant");
        ExtractedText plain = extractor.extract(sectioned(body + section(references), parts, false), "cv.docx", null);
        assertEquals("Senior accountant\n\nPayroll accountant\nPage 1\n", plain.text());
        assertEquals("Java".length(), plain.hiddenCharacters());
        assertEquals(
                "Senior accountant\nFirst page\nEven pages\n\nPayroll accountant\nPage 1\n",
                extractor
                        .extract(sectioned(body + section(references + "<w:titlePg/>"), parts, true), "cv.docx", null)
                        .text(),
                "a distinct first page and even pages show their own headers");
    }

    @Test
    void readsWhiteTextWhenAHeaderOrFooterThePagesShowAnchorsAShape() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put(
                "word/header1.xml",
                "<w:p><w:r><w:drawing><wp:anchor " + WP_NS + " behindDoc=\"0\"/></w:drawing></w:r></w:p>");
        String shownByHeader = PLAIN + section(reference("header", "default", 1));
        assertEquals("\n" + SHOWN, textOf(sectioned(shownByHeader, parts, false)));
        assertEquals(SHOWN + "\n", textOf(sectioned(PLAIN + section(reference("footer", "default", 1)), parts, false)));
        assertEquals(LEFT_OUT, textOf(sectioned(PLAIN + section(""), parts, false)), "a header no page shows");
        parts.put("word/header1.xml", HEADER);
        assertEquals("Senior accountant\n" + LEFT_OUT, textOf(sectioned(shownByHeader, parts, false)));
    }

    private String textOf(byte[] docx) {
        return extractor.extract(docx, "cv.docx", null).text();
    }

    private static String paragraphOf(String text) {
        return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>";
    }

    private static String reference(String kind, String type, int relationship) {
        return "<w:" + kind + "Reference w:type=\"" + type + "\" r:id=\"rId" + relationship + "\"/>";
    }

    private static String section(String properties) {
        return "<w:sectPr xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" + properties
                + "</w:sectPr>";
    }

    /**
     * A .docx of {@code body} with {@code parts} (name to body), relationship {@code rId1}, {@code rId2}... pointing at
     * them in order, and settings giving even pages their own headers when asked.
     */
    private static byte[] sectioned(String body, Map<String, String> parts, boolean evenAndOddHeaders) {
        Map<String, String> zip = new LinkedHashMap<>();
        zip.put("word/document.xml", DocxFixtures.documentXml(body));
        StringBuilder relationships = new StringBuilder(
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        int id = 0;
        for (Map.Entry<String, String> part : parts.entrySet()) {
            zip.put(
                    part.getKey(),
                    "<w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">" + part.getValue()
                            + "</w:hdr>");
            relationships
                    .append("<Relationship Id=\"rId")
                    .append(++id)
                    .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\"")
                    .append(" Target=\"")
                    .append(part.getKey().substring("word/".length()))
                    .append("\"/>");
        }
        zip.put("word/_rels/document.xml.rels", relationships + "</Relationships>");
        if (evenAndOddHeaders) {
            zip.put(
                    "word/settings.xml",
                    "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                            + "<w:evenAndOddHeaders/></w:settings>");
        }
        return DocxFixtures.zip(zip);
    }

    /** A text box as Word writes it: a shape in the choice, the same text again as a legacy shape for old readers. */
    private static String textBoxWrittenTwice(String requires, String choiceText, String fallbackText) {
        return "<w:p><w:r><mc:AlternateContent"
                + " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""
                + " xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\""
                + " xmlns:future=\"urn:example:not-known-to-word\" xmlns:v=\"urn:schemas-microsoft-com:vml\">"
                + "<mc:Choice Requires=\"" + requires + "\"><w:drawing><wp:anchor " + WP_NS + " behindDoc=\"0\">"
                + "<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>" + choiceText + "</w:t></w:r></w:p>"
                + "</w:txbxContent></wps:txbx></wps:wsp></wp:anchor></w:drawing></mc:Choice>"
                + "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>" + fallbackText
                + "</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
                + "</mc:AlternateContent></w:r></w:p>";
    }

    @Test
    void readsATextBoxOnceAsWordShowsItAndItsLegacyCopyIsNoShapeBehindText() {
        assertEquals(
                "Kubernetes\n\n" + LEFT_OUT,
                read(textBoxWrittenTwice("wps", "Kubernetes", "Kubernetes") + PLAIN, null));
        assertEquals(
                "Terraform\n\n" + SHOWN,
                read(textBoxWrittenTwice("future", "Kubernetes", "Terraform") + PLAIN, null),
                "a choice Word does not know gives way to the fallback, a legacy shape that may lie behind text");
    }

    private String read(String body, String styles) {
        return extractor.extract(docx(body, styles), "cv.docx", null).text();
    }

    /** A styles part with one style that shades ({@code type} paragraph or table), the default one when asked. */
    private static String styles(String type, String id, boolean isDefault) {
        String properties = type.equals("table") ? "w:tblPr" : "w:pPr";
        return "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                + "<w:style w:type=\"" + type + "\" w:styleId=\"" + id + "\"" + (isDefault ? " w:default=\"1\"" : "")
                + ">"
                + "<" + properties + "><w:shd w:val=\"clear\" w:fill=\"1F3864\"/></" + properties + "></w:style>"
                + "</w:styles>";
    }

    private static byte[] docx(String body, String styles) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("word/document.xml", DocxFixtures.documentXml(body));
        if (styles != null) {
            parts.put("word/styles.xml", styles);
        }
        return DocxFixtures.zip(parts);
    }
}
