package dev.resumescreening.text;

import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.domain.ProblemKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * The text of a Word document (.docx, Office Open XML): the paragraphs of {@code word/document.xml} and of the page
 * headers and footers its sections show (a template often puts the candidate's headline there), read with the JDK's
 * zip and StAX readers. Apache POI reads .docx too, but it and its XML beans would add about 15 MB to every API
 * function's zip (limit 25 MB); the text is all the screen needs. Footnotes and endnotes are read after the body;
 * comments are not (remarks on the document, not part of it).
 *
 * <p>A .docx is a zip, so it is read as hostile: at most {@value #MAX_ENTRIES} entries, and the bytes every entry
 * inflates to are counted as they come (a zip's declared sizes can lie) and stop at {@value #MAX_EXPANDED_BYTES}
 * in all, which bounds a zip bomb's cost whatever its ratio. The XML may declare no DTD and no external entity.
 */
final class DocxText {
    static final String DOCUMENT_PART = "word/document.xml";
    static final String STYLES_PART = "word/styles.xml";
    static final String SETTINGS_PART = "word/settings.xml";
    static final String RELATIONSHIPS_PART = "word/_rels/document.xml.rels";
    /** The notes Word keeps apart from the body, read after it. */
    static final List<String> NOTES_PARTS = List.of("word/footnotes.xml", "word/endnotes.xml");

    static final int MAX_ENTRIES = 1_000;
    static final long MAX_EXPANDED_BYTES = 64L * 1024 * 1024;
    static final String WORDPROCESSING_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    private static final String RELATIONSHIPS_NS =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PACKAGE_RELATIONSHIPS_NS =
            "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String COMPATIBILITY_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    /** No shading or highlighting behind text (deques hold no null; colours are never negative). */
    private static final int NO_SHADING = -2;
    /** Shading whose colour is not known here (a theme's, a pattern's, a style's): text on it is read. */
    private static final int UNKNOWN_SHADING = -3;
    /** Word's highlight colours. */
    private static final Map<String, Integer> HIGHLIGHTS = Map.ofEntries(
            Map.entry("black", 0x000000),
            Map.entry("blue", 0x0000FF),
            Map.entry("cyan", 0x00FFFF),
            Map.entry("green", 0x00FF00),
            Map.entry("magenta", 0xFF00FF),
            Map.entry("red", 0xFF0000),
            Map.entry("yellow", 0xFFFF00),
            Map.entry("white", 0xFFFFFF),
            Map.entry("darkBlue", 0x000080),
            Map.entry("darkCyan", 0x008080),
            Map.entry("darkGreen", 0x008000),
            Map.entry("darkMagenta", 0x800080),
            Map.entry("darkRed", 0x800000),
            Map.entry("darkYellow", 0x808000),
            Map.entry("darkGray", 0x808080),
            Map.entry("lightGray", 0xC0C0C0));
    /** A table without a style of its own (deques hold no null). */
    private static final String NO_STYLE = "";

    static final XMLInputFactory XML = secureFactory();

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

    /**
     * The document's text, at most {@code maxChars} characters (truncated says whether there was more): the headers
     * its pages show, its body, its footnotes and endnotes, then the footers its pages show, each header or footer
     * once.
     */
    static ExtractedText read(byte[] content, int maxChars) {
        Map<String, byte[]> parts = wordParts(content);
        byte[] document = parts.get(DOCUMENT_PART);
        if (document == null) {
            throw unprocessable(
                    "not_a_docx",
                    "the file is named or declared as a Word document (.docx) but has no"
                            + " document text part; upload a .docx, a PDF or plain text");
        }
        ThemeColours theme = parts.containsKey(ThemeColours.PART)
                ? ThemeColours.of(parts.get(ThemeColours.PART))
                : ThemeColours.OFFICE;
        WordStyles styles =
                parts.containsKey(STYLES_PART) ? WordStyles.of(parts.get(STYLES_PART), theme) : WordStyles.none(theme);
        Layout layout = Layout.of(document, hasEvenAndOddHeaders(parts.get(SETTINGS_PART)));
        Map<String, String> targets = relationshipTargets(parts.get(RELATIONSHIPS_PART));
        List<byte[]> headers = partsNamed(layout.headerIds(), targets, parts);
        List<byte[]> footers = partsNamed(layout.footerIds(), targets, parts);
        boolean behindAnyText = styles.shadingByDefault()
                || layout.behindAnyText()
                || Stream.concat(headers.stream(), footers.stream()).anyMatch(DocxText::anchorsAShape);
        List<byte[]> inReadingOrder = new ArrayList<>(headers);
        inReadingOrder.add(document);
        NOTES_PARTS.stream().map(parts::get).filter(Objects::nonNull).forEach(inReadingOrder::add);
        inReadingOrder.addAll(footers);
        StringBuilder text = new StringBuilder();
        long hidden = 0;
        boolean truncated = false;
        for (byte[] part : inReadingOrder) {
            PartText read = text(part, maxChars - text.length(), styles, behindAnyText);
            text.append(read.text());
            hidden += read.hiddenCharacters();
            truncated |= read.truncated();
            if (truncated) {
                break;
            }
        }
        return new ExtractedText(text.toString(), DocumentTextExtractor.DOCX, 1, 1, truncated, hidden);
    }

    /**
     * The parts of the zip under {@code word/} that are XML, by name, reading every entry to its end to count what
     * the whole zip inflates to.
     */
    private static Map<String, byte[]> wordParts(byte[] content) {
        Map<String, byte[]> parts = new HashMap<>();
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
                String name = entry.getName();
                boolean kept = name.startsWith("word/") && (name.endsWith(".xml") || name.endsWith(".rels"));
                ByteArrayOutputStream bytes = kept ? new ByteArrayOutputStream() : null;
                expanded = drain(zip, bytes, expanded);
                if (kept) {
                    parts.put(name, bytes.toByteArray());
                }
            }
        } catch (IOException e) {
            throw corrupt(e);
        }
        return parts;
    }

    /** Whether the settings part shows even pages their own headers and footers (else they show the default ones). */
    private static boolean hasEvenAndOddHeaders(byte[] settings) {
        if (settings == null) {
            return false;
        }
        try {
            XMLStreamReader xml = XML.createXMLStreamReader(new ByteArrayInputStream(settings));
            boolean evenAndOdd = false;
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT
                        && WORDPROCESSING_NS.equals(xml.getNamespaceURI())
                        && "evenAndOddHeaders".equals(xml.getLocalName())) {
                    evenAndOdd = isOn(xml);
                }
            }
            xml.close();
            return evenAndOdd;
        } catch (XMLStreamException e) {
            throw corrupt(e);
        }
    }

    /** The document's relationships: id to the part name it points at (parts outside the package left out). */
    private static Map<String, String> relationshipTargets(byte[] relationships) {
        Map<String, String> targets = new HashMap<>();
        if (relationships == null) {
            return targets;
        }
        try {
            XMLStreamReader xml = XML.createXMLStreamReader(new ByteArrayInputStream(relationships));
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT
                        && PACKAGE_RELATIONSHIPS_NS.equals(xml.getNamespaceURI())
                        && "Relationship".equals(xml.getLocalName())
                        && !"External".equals(xml.getAttributeValue(null, "TargetMode"))) {
                    String id = xml.getAttributeValue(null, "Id");
                    String target = xml.getAttributeValue(null, "Target");
                    if (id != null && target != null) {
                        targets.put(id, target.startsWith("/") ? target.substring(1) : "word/" + target);
                    }
                }
            }
            xml.close();
            return targets;
        } catch (XMLStreamException e) {
            throw corrupt(e);
        }
    }

    /** The parts the relationship ids point at, each once, in the order first named. */
    private static List<byte[]> partsNamed(List<String> ids, Map<String, String> targets, Map<String, byte[]> parts) {
        return ids.stream()
                .map(targets::get)
                .filter(Objects::nonNull)
                .distinct()
                .map(parts::get)
                .filter(Objects::nonNull)
                .toList();
    }

    /**
     * What a first pass over the body finds: whether something in it may lie behind any text ({@link
     * #isBehindAnyText}), and the headers and footers its sections show (relationship ids): a section's default ones,
     * its first page's when it has a distinct first page, its even pages' when the settings say even pages have their
     * own. What a tracked change says a section was before is left out.
     */
    private record Layout(boolean behindAnyText, List<String> headerIds, List<String> footerIds) {
        static Layout of(byte[] document, boolean evenAndOddHeaders) {
            boolean behindAnyText = false;
            List<String> headers = new ArrayList<>();
            List<String> footers = new ArrayList<>();
            List<PartReference> sectionReferences = new ArrayList<>();
            boolean titlePage = false;
            int formerSections = 0;
            try {
                XMLStreamReader xml = new BranchesWordShows(document);
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        behindAnyText |= isBehindAnyText(xml, false);
                    }
                    boolean current = formerSections == 0;
                    if (event == XMLStreamConstants.START_ELEMENT && WORDPROCESSING_NS.equals(xml.getNamespaceURI())) {
                        switch (xml.getLocalName()) {
                            case "sectPrChange" -> formerSections++;
                            case "sectPr" -> {
                                if (current) {
                                    sectionReferences.clear();
                                    titlePage = false;
                                }
                            }
                            case "headerReference", "footerReference" -> {
                                if (current) {
                                    sectionReferences.add(new PartReference(
                                            "headerReference".equals(xml.getLocalName()),
                                            xml.getAttributeValue(WORDPROCESSING_NS, "type"),
                                            xml.getAttributeValue(RELATIONSHIPS_NS, "id")));
                                }
                            }
                            case "titlePg" -> titlePage = current ? isOn(xml) : titlePage;
                            default -> {}
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT
                            && WORDPROCESSING_NS.equals(xml.getNamespaceURI())) {
                        if ("sectPrChange".equals(xml.getLocalName())) {
                            formerSections--;
                        } else if ("sectPr".equals(xml.getLocalName()) && current) {
                            for (PartReference reference : sectionReferences) {
                                if (reference.isShown(titlePage, evenAndOddHeaders)) {
                                    (reference.header() ? headers : footers).add(reference.id());
                                }
                            }
                        }
                    }
                }
                xml.close();
            } catch (XMLStreamException e) {
                throw corrupt(e);
            }
            return new Layout(behindAnyText, headers, footers);
        }

        /** A section's header or footer of a {@code type}: default, first (page) or even (pages). */
        private record PartReference(boolean header, String type, String id) {
            boolean isShown(boolean titlePage, boolean evenAndOddHeaders) {
                return switch (type == null ? "default" : type) {
                    case "first" -> titlePage;
                    case "even" -> evenAndOddHeaders;
                    default -> true;
                };
            }
        }
    }

    /**
     * Whether the element starting at the reader may lie behind text anywhere on its page: a page background, a shape
     * or picture anchored behind the text (with {@code anyAnchored}, anchored anywhere), a legacy (VML) shape, an
     * embedded object. White text is then read everywhere.
     */
    private static boolean isBehindAnyText(XMLStreamReader xml, boolean anyAnchored) {
        return switch (xml.getLocalName()) {
            case "background", "pict", "object" -> WORDPROCESSING_NS.equals(xml.getNamespaceURI());
            case "anchor" ->
                DRAWING_NS.equals(xml.getNamespaceURI())
                        && (anyAnchored || isOn(xml.getAttributeValue(null, "behindDoc"), true));
            default -> false;
        };
    }

    /**
     * Whether a header or footer holds a shape that may lie behind the body's text: one anchored anywhere (templates
     * draw a page's coloured bands in the header), a legacy shape, an embedded object.
     */
    private static boolean anchorsAShape(byte[] headerOrFooter) {
        try {
            XMLStreamReader xml = new BranchesWordShows(headerOrFooter);
            boolean found = false;
            while (xml.hasNext() && !found) {
                found = xml.next() == XMLStreamConstants.START_ELEMENT && isBehindAnyText(xml, true);
            }
            xml.close();
            return found;
        } catch (XMLStreamException e) {
            throw corrupt(e);
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
    static boolean putsColourBehind(XMLStreamReader xml) {
        return switch (xml.getLocalName()) {
            case "shd" ->
                !isBlank(xml.getAttributeValue(WORDPROCESSING_NS, "fill"))
                        || xml.getAttributeValue(WORDPROCESSING_NS, "themeFill") != null
                        || !isBlankShading(xml.getAttributeValue(WORDPROCESSING_NS, "val"));
            case "highlight" -> !"none".equals(xml.getAttributeValue(WORDPROCESSING_NS, "val"));
            default -> false;
        };
    }

    /**
     * The colour ({@code 0xRRGGBB}) shading or highlighting that {@link #putsColourBehind} puts behind text, or
     * {@link #UNKNOWN_SHADING} when it is a theme's, a pattern's mix or not a colour.
     */
    static int colourBehind(XMLStreamReader xml) {
        if (xml.getLocalName().equals("highlight")) {
            return HIGHLIGHTS.getOrDefault(valueOf(xml), UNKNOWN_SHADING);
        }
        String pattern = valueOf(xml);
        String colour = isBlankShading(pattern)
                ? xml.getAttributeValue(WORDPROCESSING_NS, "fill")
                : pattern.equals("solid") ? xml.getAttributeValue(WORDPROCESSING_NS, "color") : null;
        boolean themed = xml.getAttributeValue(WORDPROCESSING_NS, "themeFill") != null
                || xml.getAttributeValue(WORDPROCESSING_NS, "themeColor") != null;
        return !themed && colour != null && colour.matches("[0-9A-Fa-f]{6}")
                ? Integer.parseInt(colour, 16)
                : UNKNOWN_SHADING;
    }

    /** What text shows against: its highlight, else its run's shading, its paragraph's, its innermost cell's. */
    private static int innermost(int highlight, int runShading, int paragraphShading, Deque<Integer> tablesAndCells) {
        for (int layer : new int[] {highlight, runShading, paragraphShading}) {
            if (layer != NO_SHADING) {
                return layer;
            }
        }
        for (int layer : tablesAndCells) {
            if (layer != NO_SHADING) {
                return layer;
            }
        }
        return NO_SHADING;
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
     * reader of the document cannot see: hidden ({@code w:vanish}), too small to read (as in a PDF) or white on the
     * white page (by value or by the theme's colour it names, {@link ThemeColours}), formatted so on the run itself or
     * by its character style, its paragraph's style, its table's style (each either named or the default one, with
     * the styles they are based on) or the document defaults, not as a tracked change says it was before; formatting
     * on the run itself wins over its styles' (see {@link WordStyles#look}). A white run is read where something may
     * put colour behind it: shading or highlighting of the run, its paragraph, a table or cell it is in (their own or
     * their styles'), a text box it is in, or, for every run, what may lie behind any text ({@code behindAnyText}).
     * Formatting a tracked change says was there before counts as shading too: in doubt, white text is read. Text the
     * colour of what lies right behind it (its highlight, else its run's shading, its paragraph's, its cell's or
     * table's) is left out too, when that colour is known here ({@link #colourBehind}).
     */
    private static PartText text(byte[] part, int maxChars, WordStyles styles, boolean behindAnyText) {
        StringBuilder text = new StringBuilder();
        long hidden = 0;
        boolean truncated = false;
        try {
            BranchesWordShows xml = new BranchesWordShows(part);
            boolean inText = false;
            boolean inRunProperties = false;
            boolean inFormerFormatting = false;
            int formerPropertiesOpen = 0;
            Boolean runHidden = null;
            Integer runHalfPoints = null;
            Integer runColour = null;
            int runHighlight = NO_SHADING;
            int runShading = NO_SHADING;
            int paragraphShading = NO_SHADING;
            // for each table and cell open, innermost first: what its shading puts behind text (NO_SHADING, a colour
            // or UNKNOWN_SHADING); shadedTablesAndCells counts those that shade
            Deque<Integer> tableAndCellShading = new ArrayDeque<>();
            String runStyle = null;
            String paragraphStyle = null;
            boolean runShaded = false;
            boolean paragraphShaded = false;
            int runPropertiesOpen = 0;
            int paragraphPropertiesOpen = 0;
            int tablePropertiesOpen = 0;
            int textBoxesOpen = 0;
            int shadedTablesAndCells = 0;
            Deque<String> tableStyles = new ArrayDeque<>();
            while (xml.hasNext() && !truncated) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && WORDPROCESSING_NS.equals(xml.getNamespaceURI())) {
                    String name = xml.getLocalName();
                    boolean ofRun = runPropertiesOpen > 0 && paragraphPropertiesOpen == 0;
                    boolean ofParagraph = paragraphPropertiesOpen > 0 && runPropertiesOpen == 0;
                    boolean shadesTableOrCell = tablePropertiesOpen > 0
                            && (putsColourBehind(xml) || "tblStyle".equals(name) && styles.shades(valueOf(xml)));
                    if (shadesTableOrCell && !tableAndCellShading.isEmpty()) {
                        if (tableAndCellShading.pop() == NO_SHADING) {
                            shadedTablesAndCells++;
                        }
                        tableAndCellShading.push(
                                putsColourBehind(xml) && formerPropertiesOpen == 0
                                        ? colourBehind(xml)
                                        : UNKNOWN_SHADING);
                    }
                    switch (name) {
                        case "footnote", "endnote" -> {
                            String type = xml.getAttributeValue(WORDPROCESSING_NS, "type");
                            if (type != null && !type.equals("normal")) {
                                xml.skipElement();
                            }
                        }
                        case "p" -> {
                            paragraphShaded = false;
                            paragraphShading = NO_SHADING;
                            paragraphStyle = null;
                        }
                        case "r" -> {
                            runHidden = null;
                            runHalfPoints = null;
                            runColour = null;
                            runHighlight = NO_SHADING;
                            runShading = NO_SHADING;
                            runStyle = null;
                            runShaded = false;
                        }
                        case "tbl" -> {
                            tableAndCellShading.push(NO_SHADING);
                            tableStyles.push(NO_STYLE);
                        }
                        case "tc" -> tableAndCellShading.push(NO_SHADING);
                        case "tblStyle" -> {
                            if (tablePropertiesOpen > 0
                                    && formerPropertiesOpen == 0
                                    && NO_STYLE.equals(tableStyles.peek())
                                    && valueOf(xml) != null) {
                                tableStyles.pop();
                                tableStyles.push(valueOf(xml));
                            }
                        }
                        case "tblPr", "tblPrEx", "tcPr" -> tablePropertiesOpen++;
                        case "pPr" -> paragraphPropertiesOpen++;
                        case "txbxContent" -> textBoxesOpen++;
                        case "rPr" -> {
                            inRunProperties = !inFormerFormatting;
                            runPropertiesOpen++;
                        }
                        case "rPrChange" -> inFormerFormatting = true;
                        case "pPrChange", "tblPrChange", "tcPrChange", "tblPrExChange" -> formerPropertiesOpen++;
                        case "vanish" -> runHidden = inRunProperties ? Boolean.valueOf(isOn(xml)) : runHidden;
                        case "sz" -> runHalfPoints = inRunProperties ? halfPointsOf(xml) : runHalfPoints;
                        case "color" ->
                            runColour = inRunProperties
                                    ? Integer.valueOf(styles.theme().colourOf(xml))
                                    : runColour;
                        case "shd", "highlight" -> {
                            boolean colours = putsColourBehind(xml);
                            runShaded |= ofRun && colours;
                            paragraphShaded |= ofParagraph && colours;
                            // what a tracked change says was there before may be what is there: its colour is not known
                            boolean former = inFormerFormatting || formerPropertiesOpen > 0;
                            int behind = former ? UNKNOWN_SHADING : colours ? colourBehind(xml) : NO_SHADING;
                            runHighlight = ofRun && name.equals("highlight") ? behind : runHighlight;
                            runShading = ofRun && name.equals("shd") ? behind : runShading;
                            paragraphShading = ofParagraph ? behind : paragraphShading;
                        }
                        case "rStyle" -> {
                            runShaded |= ofRun && styles.shades(valueOf(xml));
                            runShading = ofRun && styles.shades(valueOf(xml)) ? UNKNOWN_SHADING : runShading;
                            runStyle = inRunProperties && runStyle == null ? valueOf(xml) : runStyle;
                        }
                        case "pStyle" -> {
                            paragraphShaded |= ofParagraph && styles.shades(valueOf(xml));
                            paragraphShading =
                                    ofParagraph && styles.shades(valueOf(xml)) ? UNKNOWN_SHADING : paragraphShading;
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
                        case "pPrChange", "tblPrChange", "tcPrChange", "tblPrExChange" -> formerPropertiesOpen--;
                        case "pPr" -> paragraphPropertiesOpen--;
                        case "tblPr", "tblPrEx", "tcPr" -> tablePropertiesOpen--;
                        case "txbxContent" -> textBoxesOpen--;
                        case "tbl", "tc" -> {
                            if (!tableAndCellShading.isEmpty() && tableAndCellShading.pop() != NO_SHADING) {
                                shadedTablesAndCells--;
                            }
                            if (xml.getLocalName().equals("tbl") && !tableStyles.isEmpty()) {
                                tableStyles.pop();
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
                    String tableStyle =
                            tableStyles.isEmpty() || tableStyles.peek().equals(NO_STYLE) ? null : tableStyles.peek();
                    WordStyles.RunLook styled =
                            styles.look(!tableStyles.isEmpty(), tableStyle, paragraphStyle, runStyle);
                    boolean hiddenRun = runHidden != null ? runHidden : styled.hidden();
                    Integer halfPoints = runHalfPoints != null ? runHalfPoints : styled.halfPoints();
                    Integer colour = runColour != null ? runColour : styled.colour();
                    boolean white = colour != null && ThemeColours.isLight(colour);
                    int behind = innermost(runHighlight, runShading, paragraphShading, tableAndCellShading);
                    boolean inItsShadingsColour = colour != null
                            && colour != ThemeColours.AUTOMATIC
                            && behind >= 0
                            && ExtractedText.isIndistinct(colour, behind);
                    if (hiddenRun || tooSmallToRead(halfPoints) || (white && onPaper) || inItsShadingsColour) {
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
        return new PartText(truncated ? text.substring(0, maxChars) : text.toString(), hidden, truncated);
    }

    /** What was read of one part: its text, the characters left out as hidden, whether it stopped at the limit. */
    private record PartText(String text, long hiddenCharacters, boolean truncated) {}

    static String valueOf(XMLStreamReader xml) {
        return xml.getAttributeValue(WORDPROCESSING_NS, "val");
    }

    /** A toggle property ({@code <w:vanish/>}) is on unless its value says off. */
    static boolean isOn(XMLStreamReader xml) {
        return isOn(valueOf(xml), true);
    }

    /** A boolean attribute is on unless it says off ({@code 0}, {@code false}, {@code off}); {@code absent} if none. */
    static boolean isOn(String value, boolean absent) {
        return value == null ? absent : !(value.equals("0") || value.equals("false") || value.equals("off"));
    }

    /** A colour written {@code RRGGBB} that is white to a reader ({@link ExtractedText#isPaperWhite}). */
    static boolean isLight(String rgb) {
        return rgb != null && rgb.matches("[0-9A-Fa-f]{6}") && ExtractedText.isPaperWhite(Integer.parseInt(rgb, 16));
    }

    /** A font size (in half-points) under {@link VisibleTextStripper#MIN_READABLE_POINTS}. */
    private static boolean tooSmallToRead(Integer halfPoints) {
        return halfPoints != null && halfPoints < 2 * VisibleTextStripper.MIN_READABLE_POINTS;
    }

    /** A font size ({@code w:sz}, in half-points), null when it is not a number. */
    static Integer halfPointsOf(XMLStreamReader xml) {
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

    static ProblemException corrupt(Exception cause) {
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
