package dev.resumescreening.http;

import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.domain.ProblemKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.fileupload.MultipartStream;
import org.apache.commons.fileupload.ParameterParser;

/** multipart/form-data, parsed with commons-fileupload's stream parser (no servlet API needed). */
public final class MultipartForm {
    private final Map<String, Part> parts;

    private MultipartForm(Map<String, Part> parts) {
        this.parts = parts;
    }

    /** A form field or file; {@code fileName} is null for plain fields. */
    public record Part(String name, String fileName, String contentType, byte[] content) {
        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    public Optional<Part> part(String name) {
        return Optional.ofNullable(parts.get(name));
    }

    public static MultipartForm parse(byte[] body, String contentType, long maxPartBytes) {
        String boundary = parameters(contentType).get("boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw ProblemException.invalid("malformed_multipart", "multipart/form-data needs a boundary parameter");
        }
        Map<String, Part> parts = new HashMap<>();
        try {
            MultipartStream stream = new MultipartStream(
                    new ByteArrayInputStream(body), boundary.getBytes(StandardCharsets.ISO_8859_1), 8192, null);
            boolean more = stream.skipPreamble();
            if (!more) {
                throw ProblemException.invalid("malformed_multipart", "the body has no part delimited by its boundary");
            }
            while (more) {
                Map<String, String> headers = headers(stream.readHeaders());
                Map<String, String> disposition = parameters(headers.getOrDefault("content-disposition", ""));
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                stream.readBodyData(content);
                if (content.size() > maxPartBytes) {
                    throw new ProblemException(
                            ProblemKind.TOO_LARGE,
                            "file_too_large",
                            "the file is larger than the limit of " + maxPartBytes + " bytes");
                }
                String name = disposition.get("name");
                if (name != null && parts.containsKey(name)) {
                    // which of two job_id or file parts counts must not depend on who reads the form (as with a
                    // JSON body's duplicate field)
                    throw ProblemException.invalid(
                            "duplicate_field", "the form has more than one '" + name + "' part; send each field once");
                }
                if (name != null) {
                    parts.put(
                            name,
                            new Part(
                                    name,
                                    disposition.get("filename"),
                                    headers.get("content-type"),
                                    content.toByteArray()));
                }
                more = stream.readBoundary();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw ProblemException.invalid("malformed_multipart", "the multipart/form-data body cannot be parsed");
        }
        return new MultipartForm(parts);
    }

    private static Map<String, String> headers(String block) {
        Map<String, String> headers = new HashMap<>();
        for (String line : block.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static Map<String, String> parameters(String headerValue) {
        ParameterParser parser = new ParameterParser();
        parser.setLowerCaseNames(true);
        return parser.parse(headerValue, new char[] {';', ','});
    }
}
