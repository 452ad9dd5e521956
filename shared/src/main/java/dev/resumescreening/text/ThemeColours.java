package dev.resumescreening.text;

import static dev.resumescreening.text.DocxText.WORDPROCESSING_NS;
import static dev.resumescreening.text.DocxText.XML;
import static dev.resumescreening.text.DocxText.corrupt;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The colours of a Word document's theme ({@value #PART}), which a run's colour may name instead of giving one
 * ({@code <w:color w:themeColor="background1"/>}, "White, Background 1" in Word's colour picker). Word then shows the
 * theme's colour, lightened or darkened by {@code w:themeTint} / {@code w:themeShade}, and ignores {@code w:val}
 * (often black: what the writing program saw last, or a placeholder some libraries write), so white text can be set so
 * as well as by its value. A document without a theme part has Office's default theme.
 */
record ThemeColours(Map<String, Integer> bySlot) {
    static final String PART = "word/theme/theme1.xml";
    /** Word's automatic colour: no colour of its own, so never white on the paper nor the colour of a shading. */
    static final int AUTOMATIC = -1;

    private static final String DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
    /** Office's default theme (2013 and later). */
    static final ThemeColours OFFICE = new ThemeColours(Map.ofEntries(
            Map.entry("dk1", 0x000000),
            Map.entry("lt1", 0xFFFFFF),
            Map.entry("dk2", 0x44546A),
            Map.entry("lt2", 0xE7E6E6),
            Map.entry("accent1", 0x4472C4),
            Map.entry("accent2", 0xED7D31),
            Map.entry("accent3", 0xA5A5A5),
            Map.entry("accent4", 0xFFC000),
            Map.entry("accent5", 0x5B9BD5),
            Map.entry("accent6", 0x70AD47),
            Map.entry("hlink", 0x0563C1),
            Map.entry("folHlink", 0x954F72)));
    /** What a run's {@code w:themeColor} names, by the theme's colour scheme slot. */
    private static final Map<String, String> SLOTS = Map.ofEntries(
            Map.entry("dark1", "dk1"),
            Map.entry("text1", "dk1"),
            Map.entry("light1", "lt1"),
            Map.entry("background1", "lt1"),
            Map.entry("dark2", "dk2"),
            Map.entry("text2", "dk2"),
            Map.entry("light2", "lt2"),
            Map.entry("background2", "lt2"),
            Map.entry("accent1", "accent1"),
            Map.entry("accent2", "accent2"),
            Map.entry("accent3", "accent3"),
            Map.entry("accent4", "accent4"),
            Map.entry("accent5", "accent5"),
            Map.entry("accent6", "accent6"),
            Map.entry("hyperlink", "hlink"),
            Map.entry("followedHyperlink", "folHlink"));

    /**
     * The colours of the theme's (first) colour scheme; a slot the part does not give, or gives in a way not read
     * here, keeps Office's.
     */
    static ThemeColours of(byte[] theme) {
        Map<String, Integer> colours = new HashMap<>(OFFICE.bySlot);
        try {
            XMLStreamReader xml = XML.createXMLStreamReader(new ByteArrayInputStream(theme));
            boolean inScheme = false;
            String slot = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && DRAWING_NS.equals(xml.getNamespaceURI())) {
                    String name = xml.getLocalName();
                    if (name.equals("clrScheme")) {
                        inScheme = true;
                    } else if (inScheme && OFFICE.bySlot.containsKey(name)) {
                        slot = name;
                    } else if (slot != null && name.equals("srgbClr")) {
                        put(colours, slot, xml.getAttributeValue(null, "val"));
                    } else if (slot != null && name.equals("sysClr")) {
                        put(colours, slot, xml.getAttributeValue(null, "lastClr"));
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && DRAWING_NS.equals(xml.getNamespaceURI())) {
                    if (xml.getLocalName().equals("clrScheme")) {
                        break;
                    }
                    slot = xml.getLocalName().equals(slot) ? null : slot;
                }
            }
            xml.close();
        } catch (XMLStreamException e) {
            throw corrupt(e);
        }
        return new ThemeColours(Map.copyOf(colours));
    }

    /**
     * The colour ({@code 0xRRGGBB}) a {@code <w:color>} element at the reader sets: the theme's colour it names, tinted
     * or shaded (per channel, which is close to Word's change of luminance near white), else its own value;
     * {@link #AUTOMATIC} for automatic (black, or white on a dark shading) or a value that is not a colour.
     */
    int colourOf(XMLStreamReader color) {
        String named = color.getAttributeValue(WORDPROCESSING_NS, "themeColor");
        String slot = named == null ? null : SLOTS.get(named);
        if (slot == null) {
            String rgb = DocxText.valueOf(color);
            return rgb != null && rgb.matches("[0-9A-Fa-f]{6}") ? Integer.parseInt(rgb, 16) : AUTOMATIC;
        }
        int rgb = bySlot.get(slot);
        Integer shade = fraction(color.getAttributeValue(WORDPROCESSING_NS, "themeShade"));
        Integer tint = fraction(color.getAttributeValue(WORDPROCESSING_NS, "themeTint"));
        int adjusted = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int channel = rgb >> shift & 0xFF;
            channel = shade == null ? channel : channel * shade / 255;
            channel = tint == null ? channel : 255 - (255 - channel) * tint / 255;
            adjusted |= channel << shift;
        }
        return adjusted;
    }

    /** Whether a colour {@link #colourOf} gave is white to a reader on white paper. */
    static boolean isLight(int colour) {
        return colour != AUTOMATIC && ExtractedText.isPaperWhite(colour);
    }

    private static void put(Map<String, Integer> colours, String slot, String rgb) {
        if (rgb != null && rgb.matches("[0-9A-Fa-f]{6}")) {
            colours.put(slot, Integer.parseInt(rgb, 16));
        }
    }

    /** A tint or shade ({@code 00} to {@code FF}), null when absent or not two hex digits. */
    private static Integer fraction(String hex) {
        return hex != null && hex.matches("[0-9A-Fa-f]{2}") ? Integer.parseInt(hex, 16) : null;
    }
}
