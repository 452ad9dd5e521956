package dev.resumescreening.local;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** Builds multipart/form-data bodies for the bench and the evaluate command. */
final class Multipart {
    private Multipart() {}

    static byte[] body(String boundary, Map<String, String> fields, String fileName, byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + 1024);
        fields.forEach((name, value) -> write(
                out,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                        + "\r\n"));
        String name = fileName.toLowerCase(Locale.ROOT);
        String type = name.endsWith(".pdf")
                ? "application/pdf"
                : name.endsWith(".txt") ? "text/plain" : "application/octet-stream";
        write(
                out,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: " + type + "\r\n\r\n");
        out.writeBytes(file);
        write(out, "\r\n--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
