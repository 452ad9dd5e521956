package dev.resumescreening.text;

import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.domain.ProblemKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

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
                ByteArrayOutputStream kept = isDocument || isStyles ? new ByteArrayOutputStream() : null;
                expanded = drain(zip, kept, expanded);
                if (isDocument) {
                    document = kept.toByteArray();
                } else if (isStyles) {
                    styles = kept.toByteArray();
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
        return text(document, maxChars, !mayShadeText(document) && (styles == null || !mayShadeText(styles)));
    }

    /**
     * Whether anything in the part could put colour behind text: shading, highlighting, a page background, a drawing,
     * a picture or a text box. Only where nothing can is white text on the white page known to be unseen.
     */
    private static boolean mayShadeText(byte[] part) {
        try {
            XMLStreamReader xml = XML.createXMLStreamReader(new ByteArrayInputStream(part));
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT
                        && WORDPROCESSING_NS.equals(xml.getNamespaceURI())
                        && switch (xml.getLocalName()) {
                            case "shd" ->
                                !isBlank(xml.getAttributeValue(WORDPROCESSING_NS, "fill"))
                                        || !isBlankShading(xml.getAttributeValue(WORDPROCESSING_NS, "val"));
                            case "highlight" -> !"none".equals(xml.getAttributeValue(WORDPROCESSING_NS, "val"));
                            case "background", "drawing", "pict", "object", "txbxContent" -> true;
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
     * reader of the document cannot see: hidden ({@code w:vanish}) or under a point high, formatted so on the run
     * itself (not as a tracked change says it was before), and white when {@code whiteIsUnseen}. Whether white text
     * shows depends on the shading that cells, paragraphs, styles and shapes put behind it, which this reader does not
     * resolve: it is left out only from a document where nothing could ({@link #mayShadeText}).
     */
    private static ExtractedText text(byte[] document, int maxChars, boolean whiteIsUnseen) {
        StringBuilder text = new StringBuilder();
        long hidden = 0;
        boolean truncated = false;
        try {
            XMLStreamReader xml = XML.createXMLStreamReader(new ByteArrayInputStream(document));
            boolean inText = false;
            boolean inRunProperties = false;
            boolean inFormerFormatting = false;
            boolean runHidden = false;
            boolean runWhite = false;
            while (xml.hasNext() && !truncated) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && WORDPROCESSING_NS.equals(xml.getNamespaceURI())) {
                    switch (xml.getLocalName()) {
                        case "r" -> {
                            runHidden = false;
                            runWhite = false;
                        }
                        case "rPr" -> inRunProperties = !inFormerFormatting;
                        case "rPrChange" -> inFormerFormatting = true;
                        case "vanish" -> runHidden |= inRunProperties && isOn(xml);
                        case "sz" -> runHidden |= inRunProperties && isUnderAPoint(xml);
                        case "color" ->
                            runWhite |= inRunProperties && isLight(xml.getAttributeValue(WORDPROCESSING_NS, "val"));
                        case "t" -> inText = true;
                        case "tab" -> text.append('\t');
                        case "br", "cr" -> text.append('\n');
                        default -> {}
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && WORDPROCESSING_NS.equals(xml.getNamespaceURI())) {
                    switch (xml.getLocalName()) {
                        case "t" -> inText = false;
                        case "rPr" -> inRunProperties = inFormerFormatting;
                        case "rPrChange" -> inFormerFormatting = false;
                        case "r" -> runHidden = false;
                        case "p" -> text.append('\n');
                        default -> {}
                    }
                } else if (inText && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                    if (runHidden || (runWhite && whiteIsUnseen)) {
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

    /** A toggle property ({@code <w:vanish/>}) is on unless its value says off. */
    private static boolean isOn(XMLStreamReader xml) {
        String value = xml.getAttributeValue(WORDPROCESSING_NS, "val");
        return value == null || !(value.equals("0") || value.equals("false") || value.equals("off"));
    }

    /** A colour written {@code RRGGBB} that is white to a reader ({@link ExtractedText#isPaperWhite}). */
    private static boolean isLight(String rgb) {
        return rgb != null && rgb.matches("[0-9A-Fa-f]{6}") && ExtractedText.isPaperWhite(Integer.parseInt(rgb, 16));
    }

    /** A font size ({@code w:sz}, in half-points) under one point. */
    private static boolean isUnderAPoint(XMLStreamReader xml) {
        String halfPoints = xml.getAttributeValue(WORDPROCESSING_NS, "val");
        try {
            return halfPoints != null && Integer.parseInt(halfPoints.strip()) < 2;
        } catch (NumberFormatException notANumber) {
            return false;
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
