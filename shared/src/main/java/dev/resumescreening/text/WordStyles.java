package dev.resumescreening.text;

import static dev.resumescreening.text.DocxText.WORDPROCESSING_NS;
import static dev.resumescreening.text.DocxText.XML;
import static dev.resumescreening.text.DocxText.corrupt;
import static dev.resumescreening.text.DocxText.halfPointsOf;
import static dev.resumescreening.text.DocxText.isOn;
import static dev.resumescreening.text.DocxText.putsColourBehind;
import static dev.resumescreening.text.DocxText.valueOf;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What {@code word/styles.xml} says about runs: the styles that put colour behind text (shading or highlighting,
 * their own or a style they are based on), whether text may get some without naming a style (document defaults, a
 * default style, or more styles than are kept apart), and how each style and the document defaults format the runs
 * they apply to ({@link RunLook}); with the theme whose colours a style or run may name.
 */
record WordStyles(
        Set<String> shadingIds,
        boolean shadingByDefault,
        Map<String, RunLook> looks,
        RunLook documentDefaults,
        String defaultParagraphStyle,
        String defaultCharacterStyle,
        String defaultTableStyle,
        ThemeColours theme) {
    /** How many styles a chain of "based on" may climb: more is a loop or a hostile file. */
    private static final int MAX_BASED_ON = 20;
    /** Styles a document may define (Word's own templates define a few hundred); past this, any may shade. */
    static final int MAX_STYLES = 10_000;

    /** A document without a styles part. */
    static WordStyles none(ThemeColours theme) {
        return new WordStyles(Set.of(), false, Map.of(), RunLook.PLAIN, null, null, null, theme);
    }

    static WordStyles of(byte[] styles, ThemeColours theme) {
        Map<String, String> basedOn = new HashMap<>();
        Map<String, RunLook> ownLooks = new HashMap<>();
        Set<String> shading = new HashSet<>();
        Set<String> defaults = new HashSet<>();
        String defaultParagraph = null;
        String defaultCharacter = null;
        String defaultTable = null;
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
                                } else if ("table".equals(type) && defaultTable == null) {
                                    defaultTable = style;
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
                        case "color" -> look = ofRuns ? look.withColour(theme.colourOf(xml)) : look;
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
                            case "rPr" -> runPropertiesDepth = depth == runPropertiesDepth ? -1 : runPropertiesDepth;
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
        return new WordStyles(
                inheritedShading,
                byDefault || defaults.stream().anyMatch(inheritedShading::contains),
                looks,
                documentDefaults,
                defaultParagraph,
                defaultCharacter,
                defaultTable,
                theme);
    }

    boolean shades(String styleId) {
        return styleId != null && shadingIds.contains(styleId);
    }

    /**
     * How a run with {@code runStyle} in a paragraph of {@code paragraphStyle}, in a table of {@code tableStyle}
     * unless {@code inTable} is false (each null when not named, and then the default style of its kind), looks before
     * its own formatting: the document defaults, then the table's style (its formatting of the whole table; that of
     * its first row, banded rows and other parts is not looked at), the paragraph's, then the run's, as Word's style
     * hierarchy applies them.
     */
    RunLook look(boolean inTable, String tableStyle, String paragraphStyle, String runStyle) {
        RunLook table = inTable ? lookOf(tableStyle != null ? tableStyle : defaultTableStyle) : RunLook.PLAIN;
        RunLook paragraph = lookOf(paragraphStyle != null ? paragraphStyle : defaultParagraphStyle);
        RunLook character = lookOf(runStyle != null ? runStyle : defaultCharacterStyle);
        return character.over(paragraph.over(table.over(documentDefaults)));
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

    /**
     * How a style formats the runs it applies to, as far as seeing them goes. Hidden ({@code w:vanish}) is a toggle in
     * styles: each style in the hierarchy that sets it switches it (a hiding character style in a hiding paragraph
     * style shows the text again, as Word does with bold); size and colour, when set, replace what lies under them.
     */
    record RunLook(boolean hidden, Integer halfPoints, Integer colour) {
        static final RunLook PLAIN = new RunLook(false, null, null);

        RunLook withHidden(boolean on) {
            return new RunLook(hidden ^ on, halfPoints, colour);
        }

        RunLook withHalfPoints(Integer size) {
            return new RunLook(hidden, size, colour);
        }

        /** With the colour {@link ThemeColours#colourOf} gave. */
        RunLook withColour(int set) {
            return new RunLook(hidden, halfPoints, set);
        }

        /** This look applied over {@code base}. */
        RunLook over(RunLook base) {
            return new RunLook(
                    hidden ^ base.hidden,
                    halfPoints != null ? halfPoints : base.halfPoints,
                    colour != null ? colour : base.colour);
        }
    }
}
