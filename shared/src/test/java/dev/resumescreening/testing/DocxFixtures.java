package dev.resumescreening.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Word documents (.docx) built in the test: the parts a word processor writes, with the paragraphs given. */
public final class DocxFixtures {
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private DocxFixtures() {}

    /** A .docx whose body has one paragraph per element of {@code paragraphs} ("\t" becomes a tab). */
    public static byte[] document(String... paragraphs) {
        StringBuilder body = new StringBuilder();
        for (String paragraph : paragraphs) {
            body.append("<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr>");
            String[] cells = paragraph.split("\t", -1);
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    body.append("<w:r><w:tab/></w:r>");
                }
                body.append("<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">")
                        .append(escape(cells[i]))
                        .append("</w:t></w:r>");
            }
            body.append("</w:p>");
        }
        return zip(Map.of("word/document.xml", documentXml(body.toString())));
    }

    /** The XML of word/document.xml around {@code body}. */
    public static String documentXml(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"" + W
                + "\"><w:body>" + body + "</w:body></w:document>";
    }

    /** A zip of the given parts (name to text), with the content-types part every .docx has first. */
    public static byte[] zip(Map<String, String> parts) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        bytes.put(
                "[Content_Types].xml",
                ("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                                + "package/2006/content-types\"/>")
                        .getBytes(StandardCharsets.UTF_8));
        parts.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return zipBytes(bytes);
    }

    public static byte[] zipBytes(Map<String, byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
