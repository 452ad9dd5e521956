package dev.resumescreening.emulators.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** Minimal XML writing and reading helpers. */
final class Xml {
    static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";

    private final StringBuilder sb = new StringBuilder(256).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

    static Xml root(String name) {
        Xml x = new Xml();
        x.sb.append('<').append(name).append(" xmlns=\"").append(NS).append("\">");
        return x;
    }

    static Xml rootNoNs(String name) {
        Xml x = new Xml();
        x.sb.append('<').append(name).append('>');
        return x;
    }

    Xml open(String name) {
        sb.append('<').append(name).append('>');
        return this;
    }

    Xml close(String name) {
        sb.append("</").append(name).append('>');
        return this;
    }

    Xml elem(String name, Object value) {
        if (value == null) {
            return this;
        }
        sb.append('<').append(name).append('>');
        escape(sb, value.toString());
        sb.append("</").append(name).append('>');
        return this;
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    static void escape(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                        sb.append("&#x")
                                .append(Integer.toHexString(c).toUpperCase())
                                .append(';');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }

    /** Parses a request document; any failure is MalformedXML. */
    static Element parse(byte[] body) {
        if (body.length == 0) {
            throw S3Exception.malformedXml();
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            DocumentBuilder db = f.newDocumentBuilder();
            db.setErrorHandler(null);
            Document doc = db.parse(new ByteArrayInputStream(body));
            return doc.getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw S3Exception.malformedXml();
        }
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(name(e))) {
                out.add(e);
            }
        }
        return out;
    }

    static String childText(Element parent, String localName) {
        List<Element> c = children(parent, localName);
        return c.isEmpty() ? null : c.get(0).getTextContent();
    }

    static String name(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }
}
