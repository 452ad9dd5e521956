package dev.resumescreening.text;

import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.domain.ProblemKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * The text of a Word document (.docx, Office Open XML): the paragraphs of {@code word/document.xml}, read with the
 * JDK's zip and StAX readers. Apache POI reads .docx too, but it and its XML beans would add about 15 MB to every API
 * function's zip (limit 25 MB); the body text is all the screen needs.
 *
 * <p>A .docx is a zip, so it is read as hostile: at most {@value #MAX_ENTRIES} entries, and the bytes every entry
 * inflates to are counted as they come (a zip's declared sizes can lie) and stop at {@value #MAX_EXPANDED_BYTES}
 * in all, which bounds a zip bomb's cost whatever its ratio. The XML may declare no DTD and no external entity.
 */
final class DocxText {
    static final String DOCUMENT_PART = "word/document.xml";
    static final String STYLES_PART = "word/styles.xml";
    static final int MAX_ENTRIES = 1_000;
    static final long MAX_EXPANDED_BYTES = 64L * 1024 * 1024;
    private static final String WORDPROCESSING_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    private static final String COMPATIBILITY_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final XMLInputFactory XML = secureFactory();

    private DocxText() {}

    static boolean looksLikeZip(byte[] content) {
        if (content.length < ZIP_MAGIC.length) {
            return false;
        }
        for (int i = 0; i < ZIP_MAGIC.length; i++) {
            if (content[i] != ZIP_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** The document's text, at most {@code maxChars} characters (truncated says whether there was more). */
    static ExtractedText read(byte[] content, int maxChars) {
        byte[] document = null;
        byte[] styles = null;
        boolean headerOrFooterShapes = false;
        long expanded = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw unprocessable(
                            "docx_too_many_entries",
                            "the Word document has more than " + MAX_ENTRIES
                                    + " parts; upload a simpler copy, a PDF or plain text");
                }
                boolean isDocument = DOCUMENT_PART.equals(entry.getName());
                boolean isStyles = STYLES_PART.equals(entry.getName());
                boolean isHeaderOrFooter = isHeaderOrFooter(entry.getName());
                ByteArrayOutputStream kept =
                        isDocument || isStyles || isHeaderOrFooter ? new ByteArrayOutputStream() : null;
                expanded = drain(zip, kept, expanded);
                if (isDocument) {
                    document = kept.toByteArray();
                } else if (isStyles) {
                    styles = kept.toByteArray();
                } else if (isHeaderOrFooter) {
                    headerOrFooterShapes |= mayLieBehindAnyText(kept.toByteArray(), true);
                }
            }
        } catch (IOException e) {
            throw corrupt(e);
        }
        if (entries == 0 || document == null) {
            throw unprocessable(
                    "not_a_docx",
                    "the file is named or declared as a Word document (.docx) but has no"
                            + " document text part; upload a .docx, a PDF or plain text");
        }
        Styles documentStyles = styles == null ? Styles.NONE : Styles.of(styles);
        boolean behindAnyText =
                documentStyles.shadingByDefault() || headerOrFooterShapes || mayLieBehindAnyText(document, false);
        return text(document, maxChars, documentStyles, behindAnyText);
    }

    /** A page header or footer part, by the names Word gives them. */
    private static boolean isHeaderOrFooter(String partName) {
        return (partName.startsWith("word/header") || partName.startsWith("word/footer")) && partName.endsWith(".xml");
    }

    /**
     * Whether something in a part may lie behind text anywhere on its page: a page background, a shape or picture
     * anchored behind the text (in a header or footer, {@code anyAnchored}, anchored anywhere: templates draw a page's
     * coloured bands there), a legacy (VML) shape, an embedded object. White text is then read everywhere.
     */
    private static boolean mayLieBehindAnyText(byte[] part, boolean anyAnchored) {
        try {
            XMLStreamReader xml = new BranchesWordShows(part);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT
                        && switch (xml.getLocalName()) {
                            case "background", "pict", "object" -> WORDPROCESSING_NS.equals(xml.getNamespaceURI());
                            case "anchor" ->
                                DRAWING_NS.equals(xml.getNamespaceURI())
                                        && (anyAnchored || isOn(xml.getAttributeValue(null, "behindDoc"), true));
                            default -> false;
                        }) {
                    xml.close();
                    return true;
                }
            }
            xml.close();
            return false;
        } catch (XMLStreamException e) {
            throw corrupt(e);
        }
    }

    /**
     * What {@code word/styles.xml} says about runs: the styles that put colour behind text (shading or highlighting,
     * their own or a style they are based on), whether text may get some without naming a style (document defaults, a
     * default style, or more styles than are kept apart), and how each style and the document defaults format the runs
     * they apply to ({@link RunLook}).
     */
    record Styles(
            Set<String> shadingIds,
            boolean shadingByDefault,
            Map<String, RunLook> looks,
            RunLook documentDefaults,
            String defaultParagraphStyle,
            String defaultCharacterStyle) {
        static final Styles NONE = new Styles(Set.of(), false, Map.of(), RunLook.PLAIN, null, null);
        /** How many styles a chain of "based on" may climb: more is a loop or a hostile file. */
        private static final int MAX_BASED_ON = 20;
        /** Styles a document may define (Word's own templates define a few hundred); past this, any may shade. */
        static final int MAX_STYLES = 10_000;

        static Styles of(byte[] styles) {
            Map<String, String> basedOn = new HashMap<>();
            Map<String, RunLook> ownLooks = new HashMap<>();
            Set<String> shading = new HashSet<>();
            Set<String> defaults = new HashSet<>();
            String defaultParagraph = null;
            String defaultCharacter = null;
            RunLook documentDefaults = RunLook.PLAIN;
            boolean byDefault = false;
            int count = 0;
            try {
                XMLStreamReader xml = XML.createXMLStreamReader(new ByteArrayInputStream(styles));
                String style = null;
                boolean inDefaults = false;
                int depth = 0;
                int runPropertiesDepth = -1;
                RunLook look = RunLook.PLAIN;
                while (xml.hasNext() && !byDefault) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                    }
                    if (event == XMLStreamConstants.START_ELEMENT && WORDPROCESSING_NS.equals(xml.getNamespaceURI())) {
                        String name = xml.getLocalName();
                        boolean ofRuns = runPropertiesDepth >= 0 && depth == runPropertiesDepth + 1;
                        switch (name) {
                            case "style" -> {
                                style = xml.getAttributeValue(WORDPROCESSING_NS, "styleId");
                                look = RunLook.PLAIN;
                                if (style != null && isOn(xml.getAttributeValue(WORDPROCESSING_NS, "default"), false)) {
                                    defaults.add(style);
                                    String type = xml.getAttributeValue(WORDPROCESSING_NS, "type");
                                    if ("paragraph".equals(type) && defaultParagraph == null) {
                                        defaultParagraph = style;
                                    } else if ("character".equals(type) && defaultCharacter == null) {
                                        defaultCharacter = style;
                                    }
                                }
                                byDefault = ++count > MAX_STYLES;
                            }
                            case "docDefaults" -> {
                                inDefaults = true;
                                look = RunLook.PLAIN;
                            }
                            case "basedOn" -> {
                                if (style != null) {
                                    basedOn.put(style, valueOf(xml));
                                }
                            }
                            case "rPr" -> {
                                boolean styleRuns = style != null && depth == 3;
                                boolean defaultRuns = inDefaults && depth == 4;
                                if (styleRuns || defaultRuns) {
                                    runPropertiesDepth = depth;
                                }
                            }
                            case "vanish" -> look = ofRuns ? look.withHidden(isOn(xml)) : look;
                            case "sz" -> look = ofRuns ? look.withHalfPoints(halfPointsOf(xml)) : look;
                            case "color" -> look = ofRuns ? look.withLight(isLight(valueOf(xml))) : look;
                            default -> {
                                if (putsColourBehind(xml)) {
                                    byDefault |= inDefaults;
                                    if (style != null) {
                                        shading.add(style);
                                    }
                                }
                            }
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        if (WORDPROCESSING_NS.equals(xml.getNamespaceURI())) {
                            switch (xml.getLocalName()) {
                                case "style" -> {
                                    if (style != null && !look.equals(RunLook.PLAIN)) {
                                        ownLooks.put(style, look);
                                    }
                                    style = null;
                                }
                                case "docDefaults" -> {
                                    inDefaults = false;
                                    documentDefaults = look;
                                    look = RunLook.PLAIN;
                                }
                                case "rPr" ->
                                    runPropertiesDepth = depth == runPropertiesDepth ? -1 : runPropertiesDepth;
                                default -> {}
                            }
                        }
                        depth--;
                    }
                }
                xml.close();
            } catch (XMLStreamException e) {
                throw corrupt(e);
            }
            Set<String> inheritedShading = new HashSet<>();
            Map<String, RunLook> looks = new HashMap<>();
            for (String id : union(basedOn.keySet(), ownLooks.keySet(), shading)) {
                RunLook look = RunLook.PLAIN;
                String ancestor = id;
                for (int step = 0; ancestor != null && step <= MAX_BASED_ON; step++) {
                    if (shading.contains(ancestor)) {
                        inheritedShading.add(id);
                    }
                    look = look.over(ownLooks.getOrDefault(ancestor, RunLook.PLAIN));
                    ancestor = basedOn.get(ancestor);
                }
                if (!look.equals(RunLook.PLAIN)) {
                    looks.put(id, look);
                }
            }
            return new Styles(
                    inheritedShading,
                    byDefault || defaults.stream().anyMatch(inheritedShading::contains),
                    looks,
                    documentDefaults,
                    defaultParagraph,
                    defaultCharacter);
        }

        boolean shades(String styleId) {
            return styleId != null && shadingIds.contains(styleId);
        }

        /**
         * How a run in a paragraph of {@code paragraphStyle} with {@code runStyle} (either null when not named, and
         * then the default style of its kind) looks before its own formatting: the document defaults, then the
         * paragraph's style, then the run's.
         */
        RunLook look(String paragraphStyle, String runStyle) {
            RunLook paragraph = lookOf(paragraphStyle != null ? paragraphStyle : defaultParagraphStyle);
            RunLook character = lookOf(runStyle != null ? runStyle : defaultCharacterStyle);
            return character.over(paragraph.over(documentDefaults));
        }

        private RunLook lookOf(String styleId) {
            return styleId == null ? RunLook.PLAIN : looks.getOrDefault(styleId, RunLook.PLAIN);
        }

        private static Set<String> union(Set<String> a, Set<String> b, Set<String> c) {
            Set<String> all = new HashSet<>(a);
            all.addAll(b);
            all.addAll(c);
            return all;
        }
    }

    /**
     * How a style formats the runs it applies to, as far as seeing them goes. Hidden ({@code w:vanish}) is a toggle in
     * styles: each style in the hierarchy that sets it switches it (a hiding character style in a hiding paragraph
     * style shows the text again, as Word does with bold); size and colour, when set, replace what lies under them.
     */
    record RunLook(boolean hidden, Integer halfPoints, Boolean light) {
        static final RunLook PLAIN = new RunLook(false, null, null);

        RunLook withHidden(boolean on) {
            return new RunLook(hidden ^ on, halfPoints, light);
        }

        RunLook withHalfPoints(Integer size) {
            return new RunLook(hidden, size, light);
        }

        RunLook withLight(boolean isLight) {
            return new RunLook(hidden, halfPoints, isLight);
        }

        /** This look applied over {@code base}. */
        RunLook over(RunLook base) {
            return new RunLook(
                    hidden ^ base.hidden,
                    halfPoints != null ? halfPoints : base.halfPoints,
                    light != null ? light : base.light);
        }
    }

    /**
     * The document as Word shows it: of each {@code mc:AlternateContent}, only the branch Word takes, the first
     * {@code mc:Choice} whose required namespaces it knows (the Office ones), else the {@code mc:Fallback}. Word writes
     * a text box twice, as a shape in the choice and as a legacy (VML) shape in the fallback for older readers; read
     * both, its text would count twice and the fallback's VML would pass for a shape behind the text.
     */
    private static final class BranchesWordShows extends StreamReaderDelegate {
        private final Deque<Boolean> branchTaken = new ArrayDeque<>();

        BranchesWordShows(byte[] part) throws XMLStreamException {
            super(XML.createXMLStreamReader(new ByteArrayInputStream(part)));
        }

        @Override
        public int next() throws XMLStreamException {
            int event = super.next();
            while (event == XMLStreamConstants.START_ELEMENT && isBranchNotTaken()) {
                skipElement();
                event = super.next();
            }
            if ((event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT)
                    && COMPATIBILITY_NS.equals(getNamespaceURI())
                    && "AlternateContent".equals(getLocalName())) {
                if (event == XMLStreamConstants.START_ELEMENT) {
                    branchTaken.push(false);
                } else if (!branchTaken.isEmpty()) {
                    branchTaken.pop();
                }
            }
            return event;
        }

        /** At a branch's start: whether Word leaves it out (a branch outside any alternative content is read). */
        private boolean isBranchNotTaken() {
            if (!COMPATIBILITY_NS.equals(getNamespaceURI())
                    || !("Choice".equals(getLocalName()) || "Fallback".equals(getLocalName()))
                    || branchTaken.isEmpty()) {
                return false;
            }
            if (branchTaken.peek()) {
                return true;
            }
            if ("Choice".equals(getLocalName()) && !knowsAll(getAttributeValue(null, "Requires"))) {
                return true;
            }
            branchTaken.pop();
            branchTaken.push(true);
            return false;
        }

        private boolean knowsAll(String requiredPrefixes) {
            if (requiredPrefixes != null) {
                for (String prefix : requiredPrefixes.strip().split("\\s+")) {
                    if (!prefix.isEmpty() && !isOffice(getNamespaceContext().getNamespaceURI(prefix))) {
                        return false;
                    }
                }
            }
            return true;
        }

        private static boolean isOffice(String namespace) {
            return namespace != null
                    && (namespace.startsWith("http://schemas.microsoft.com/office/")
                            || namespace.startsWith("http://schemas.openxmlformats.org/"));
        }

        private void skipElement() throws XMLStreamException {
            for (int depth = 1; depth > 0; ) {
                int event = super.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        }
    }

    /** Whether the element at the reader is shading or highlighting that puts a colour behind text. */
    private static boolean putsColourBehind(XMLStreamReader xml) {
        return switch (xml.getLocalName()) {
            case "shd" ->
                !isBlank(xml.getAttributeValue(WORDPROCESSING_NS, "fill"))
                        || xml.getAttributeValue(WORDPROCESSING_NS, "themeFill") != null
                        || !isBlankShading(xml.getAttributeValue(WORDPROCESSING_NS, "val"));
            case "highlight" -> !"none".equals(xml.getAttributeValue(WORDPROCESSING_NS, "val"));
            default -> false;
        };
    }

    /** A shading fill that leaves the paper as it is: none, automatic or white. */
    private static boolean isBlank(String fill) {
        return fill == null || fill.equalsIgnoreCase("auto") || isLight(fill);
    }

    /** A shading pattern that adds no colour of its own: clear or none. */
    private static boolean isBlankShading(String pattern) {
        return pattern == null || pattern.equals("clear") || pattern.equals("nil");
    }

    /** Reads the current entry to its end, into {@code kept} when given, counting what it inflates to. */
    private static long drain(InputStream entry, ByteArrayOutputStream kept, long expandedSoFar) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long expanded = expandedSoFar;
        for (int n = entry.read(buffer); n > 0; n = entry.read(buffer)) {
            expanded += n;
            if (expanded > MAX_EXPANDED_BYTES) {
                throw unprocessable(
                        "docx_too_large_expanded",
                        "the Word document expands to more than " + MAX_EXPANDED_BYTES / (1024 * 1024)
                                + " MB; upload a smaller copy, a PDF or plain text");
            }
            if (kept != null) {
                kept.write(buffer, 0, n);
            }
        }
        return expanded;
    }

    /**
     * Paragraphs become lines, tabs and breaks stay; everything but the text runs is left out, and so are the runs a
     * reader of the document cannot see: hidden ({@code w:vanish}), under a point high or white on the white page,
     * formatted so on the run itself or by its character style, its paragraph's style (either named or the default
     * one, with the styles they are based on) or the document defaults, not as a tracked change says it was before;
     * formatting on the run itself wins over its styles'. A table style's run formatting is not looked at (its text is
     * read). A white run is read where
     * something may put colour behind it: shading or highlighting of the run, its paragraph, a table or cell it is in
     * (their own or their styles'), a text box it is in, or, for every run, what may lie behind any text
     * ({@code behindAnyText}). Formatting a tracked change says was there before counts as shading too: in doubt,
     * white text is read.
     */
    private static ExtractedText text(byte[] document, int maxChars, Styles styles, boolean behindAnyText) {
        StringBuilder text = new StringBuilder();
        long hidden = 0;
        boolean truncated = false;
        try {
            XMLStreamReader xml = new BranchesWordShows(document);
            boolean inText = false;
            boolean inRunProperties = false;
            boolean inFormerFormatting = false;
            Boolean runHidden = null;
            Integer runHalfPoints = null;
            Boolean runLight = null;
            String runStyle = null;
            String paragraphStyle = null;
            boolean runShaded = false;
            boolean paragraphShaded = false;
            int runPropertiesOpen = 0;
            int paragraphPropertiesOpen = 0;
            int tablePropertiesOpen = 0;
            int textBoxesOpen = 0;
            Deque<Boolean> tablesAndCells = new ArrayDeque<>();
            int shadedTablesAndCells = 0;
            while (xml.hasNext() && !truncated) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && WORDPROCESSING_NS.equals(xml.getNamespaceURI())) {
                    String name = xml.getLocalName();
                    boolean ofRun = runPropertiesOpen > 0 && paragraphPropertiesOpen == 0;
                    boolean ofParagraph = paragraphPropertiesOpen > 0 && runPropertiesOpen == 0;
                    boolean shadesTableOrCell = tablePropertiesOpen > 0
                            && (putsColourBehind(xml) || "tblStyle".equals(name) && styles.shades(valueOf(xml)));
                    if (shadesTableOrCell && !tablesAndCells.isEmpty() && !tablesAndCells.peek()) {
                        tablesAndCells.pop();
                        tablesAndCells.push(true);
                        shadedTablesAndCells++;
                    }
                    switch (name) {
                        case "p" -> {
                            paragraphShaded = false;
                            paragraphStyle = null;
                        }
                        case "r" -> {
                            runHidden = null;
                            runHalfPoints = null;
                            runLight = null;
                            runStyle = null;
                            runShaded = false;
                        }
                        case "tbl", "tc" -> tablesAndCells.push(false);
                        case "tblPr", "tblPrEx", "tcPr" -> tablePropertiesOpen++;
                        case "pPr" -> paragraphPropertiesOpen++;
                        case "txbxContent" -> textBoxesOpen++;
                        case "rPr" -> {
                            inRunProperties = !inFormerFormatting;
                            runPropertiesOpen++;
                        }
                        case "rPrChange" -> inFormerFormatting = true;
                        case "vanish" -> runHidden = inRunProperties ? Boolean.valueOf(isOn(xml)) : runHidden;
                        case "sz" -> runHalfPoints = inRunProperties ? halfPointsOf(xml) : runHalfPoints;
                        case "color" -> runLight = inRunProperties ? Boolean.valueOf(isLight(valueOf(xml))) : runLight;
                        case "shd", "highlight" -> {
                            boolean colours = putsColourBehind(xml);
                            runShaded |= ofRun && colours;
                            paragraphShaded |= ofParagraph && colours;
                        }
                        case "rStyle" -> {
                            runShaded |= ofRun && styles.shades(valueOf(xml));
                            runStyle = inRunProperties && runStyle == null ? valueOf(xml) : runStyle;
                        }
                        case "pStyle" -> {
                            paragraphShaded |= ofParagraph && styles.shades(valueOf(xml));
                            paragraphStyle = ofParagraph && paragraphStyle == null ? valueOf(xml) : paragraphStyle;
                        }
                        case "t" -> inText = true;
                        case "tab" -> text.append('\t');
                        case "br", "cr" -> text.append('\n');
                        default -> {}
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && WORDPROCESSING_NS.equals(xml.getNamespaceURI())) {
                    switch (xml.getLocalName()) {
                        case "t" -> inText = false;
                        case "rPr" -> {
                            inRunProperties = inFormerFormatting;
                            runPropertiesOpen--;
                        }
                        case "rPrChange" -> inFormerFormatting = false;
                        case "pPr" -> paragraphPropertiesOpen--;
                        case "tblPr", "tblPrEx", "tcPr" -> tablePropertiesOpen--;
                        case "txbxContent" -> textBoxesOpen--;
                        case "tbl", "tc" -> {
                            if (!tablesAndCells.isEmpty() && tablesAndCells.pop()) {
                                shadedTablesAndCells--;
                            }
                        }
                        case "p" -> text.append('\n');
                        default -> {}
                    }
                } else if (inText && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                    boolean onPaper = !behindAnyText
                            && !runShaded
                            && !paragraphShaded
                            && shadedTablesAndCells == 0
                            && textBoxesOpen == 0;
                    RunLook styled = styles.look(paragraphStyle, runStyle);
                    boolean hiddenRun = runHidden != null ? runHidden : styled.hidden();
                    Integer halfPoints = runHalfPoints != null ? runHalfPoints : styled.halfPoints();
                    boolean white = Boolean.TRUE.equals(runLight != null ? runLight : styled.light());
                    if (hiddenRun || (halfPoints != null && halfPoints < 2) || (white && onPaper)) {
                        hidden += ExtractedText.charactersIn(xml.getText());
                    } else {
                        text.append(xml.getText());
                    }
                }
                truncated = text.length() > maxChars;
            }
            xml.close();
        } catch (XMLStreamException e) {
            throw corrupt(e);
        }
        String read = truncated ? text.substring(0, maxChars) : text.toString();
        return new ExtractedText(read, DocumentTextExtractor.DOCX, 1, 1, truncated, hidden);
    }

    private static String valueOf(XMLStreamReader xml) {
        return xml.getAttributeValue(WORDPROCESSING_NS, "val");
    }

    /** A toggle property ({@code <w:vanish/>}) is on unless its value says off. */
    private static boolean isOn(XMLStreamReader xml) {
        return isOn(valueOf(xml), true);
    }

    /** A boolean attribute is on unless it says off ({@code 0}, {@code false}, {@code off}); {@code absent} if none. */
    private static boolean isOn(String value, boolean absent) {
        return value == null ? absent : !(value.equals("0") || value.equals("false") || value.equals("off"));
    }

    /** A colour written {@code RRGGBB} that is white to a reader ({@link ExtractedText#isPaperWhite}). */
    private static boolean isLight(String rgb) {
        return rgb != null && rgb.matches("[0-9A-Fa-f]{6}") && ExtractedText.isPaperWhite(Integer.parseInt(rgb, 16));
    }

    /** A font size ({@code w:sz}, in half-points), null when it is not a number. */
    private static Integer halfPointsOf(XMLStreamReader xml) {
        try {
            String halfPoints = valueOf(xml);
            return halfPoints == null ? null : Integer.valueOf(halfPoints.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    private static ProblemException corrupt(Exception cause) {
        return new ProblemException(
                ProblemKind.UNPROCESSABLE,
                "corrupt_docx",
                "the Word document is damaged or truncated and cannot be read",
                cause);
    }

    private static ProblemException unprocessable(String code, String message) {
        return new ProblemException(ProblemKind.UNPROCESSABLE, code, message);
    }
}
