package dev.resumescreening.emulators.s3;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Responses: the emulated account, empty and XML answers, and S3's XML error document. */
final class S3Responses {
    private S3Responses() {}

    static final String OWNER_ID = "75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a";

    static final String REGION = "us-east-1";

    static void send(HttpExchange ex, int status) throws IOException {
        ex.sendResponseHeaders(status, -1);
    }

    static void sendXml(HttpExchange ex, int status, Xml xml) throws IOException {
        byte[] bytes = xml.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/xml");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void sendError(HttpExchange ex, int status, String code, String message, String resource, String requestId) {
        try {
            if (ex.getResponseCode() != -1) {
                return; // response already started; the connection is closed by the caller
            }
            // consume the rest of the request body so the client sees the error rather than a reset
            try (InputStream in = ex.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException ignored) {
                // best effort
            }
            if ("HEAD".equalsIgnoreCase(ex.getRequestMethod()) || status == 304) {
                ex.sendResponseHeaders(status, -1);
                return;
            }
            Xml x = Xml.rootNoNs("Error")
                    .elem("Code", code)
                    .elem("Message", message)
                    .elem("Resource", resource)
                    .elem("RequestId", requestId)
                    .close("Error");
            Headers h = ex.getResponseHeaders();
            h.remove("ETag");
            h.remove("Last-Modified");
            h.remove("Content-Range");
            sendXml(ex, status, x);
        } catch (IOException ignored) {
            // client went away
        }
    }
}
