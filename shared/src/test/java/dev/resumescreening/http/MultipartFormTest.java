package dev.resumescreening.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.domain.ProblemKind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MultipartFormTest {
    private static final String TYPE = "multipart/form-data; boundary=XyZ";

    private static byte[] form(byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--XyZ\r\nContent-Disposition: form-data; name=\"job_id\"\r\n\r\njob-1\r\n"
                        + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cv.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes("\r\n--XyZ--\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void readsFieldsAndBinaryFilesIntact() {
        byte[] binary = {0, (byte) 0xFF, '\r', '\n', '-', '-', 'X', 1};
        MultipartForm form = MultipartForm.parse(form(binary), TYPE, 1000);
        assertEquals("job-1", form.part("job_id").orElseThrow().text());
        MultipartForm.Part file = form.part("file").orElseThrow();
        assertEquals("cv.pdf", file.fileName());
        assertEquals("application/pdf", file.contentType());
        assertArrayEquals(binary, file.content());
    }

    @Test
    void refusesAFieldSentTwice() {
        String twoJobs = "--XyZ\r\nContent-Disposition: form-data; name=\"job_id\"\r\n\r\njob-1\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"job_id\"\r\n\r\njob-2\r\n--XyZ--\r\n";
        ProblemException problem = assertThrows(
                ProblemException.class,
                () -> MultipartForm.parse(twoJobs.getBytes(StandardCharsets.UTF_8), TYPE, 1000));
        assertEquals("duplicate_field", problem.code());
        assertTrue(problem.getMessage().contains("'job_id'"), problem.getMessage());
    }

    @Test
    void refusesAFileOverTheLimit() {
        ProblemException problem =
                assertThrows(ProblemException.class, () -> MultipartForm.parse(form(new byte[2000]), TYPE, 1000));
        assertEquals(ProblemKind.TOO_LARGE, problem.kind());
    }

    @Test
    void refusesAMissingBoundary() {
        assertEquals(
                "malformed_multipart",
                assertThrows(
                                ProblemException.class,
                                () -> MultipartForm.parse(form(new byte[1]), "multipart/form-data", 1000))
                        .code());
    }

    @Test
    void refusesABodyThatIsNotMultipart() {
        ProblemException problem = assertThrows(
                ProblemException.class,
                () -> MultipartForm.parse("{\"json\":true}".getBytes(StandardCharsets.UTF_8), TYPE, 1000));
        assertTrue(problem.code().startsWith("malformed"));
    }
}
