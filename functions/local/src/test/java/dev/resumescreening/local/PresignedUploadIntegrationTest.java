package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.json.Json;
import dev.resumescreening.testing.DocxFixtures;
import dev.resumescreening.testing.PdfFixtures;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Files too large for an API request: ask for a presigned PUT, put the bytes to the bucket with the signed headers,
 * then screen them by upload_id, with the same checks as an inline upload.
 */
class PresignedUploadIntegrationTest {
    /** Headers java.net.http sets itself (the length from the body), as a browser does. */
    private static final Set<String> SET_BY_THE_CLIENT = Set.of("content-length", "host");

    private static TestStack stack;
    private static String jobId;

    @BeforeAll
    static void start() throws Exception {
        stack = TestStack.start(Map.of("MAX_UPLOAD_BYTES", "100000"));
        jobId = stack.createJob("Java engineer", "Java, AWS Lambda, DynamoDB and S3");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void aStagedFileIsScreenedOnceAndRemoved() throws Exception {
        byte[] resume = "Java engineer with AWS Lambda and DynamoDB".getBytes(StandardCharsets.UTF_8);
        JsonNode issued = issue("cv.txt", "text/plain", resume.length);
        assertEquals("PUT", issued.get("method").asText());
        assertTrue(Instant.parse(issued.get("expires_at").asText())
                .isAfter(Instant.now().plus(Duration.ofMinutes(14))));
        assertEquals("text/plain", issued.get("headers").get("content-type").asText());
        assertEquals(
                String.valueOf(resume.length),
                issued.get("headers").get("content-length").asText());
        String uploadId = issued.get("upload_id").asText();
        assertEquals(200, put(issued, resume).statusCode());
        assertEquals(1, stack.objectCount("uploads/" + jobId + "/" + uploadId));

        HttpResponse<String> first = screen(uploadId, "cv.txt", "text/plain");
        assertEquals(201, first.statusCode(), first.body());
        JsonNode result = Json.read(first.body());
        assertEquals(0, stack.objectCount("uploads/" + jobId + "/" + uploadId));
        String original = stack.environment
                .app()
                .documents()
                .get("resumes/" + jobId + "/" + result.get("id").asText() + ".txt")
                .map(String::new)
                .orElseThrow();
        assertEquals(new String(resume, StandardCharsets.UTF_8), original);

        HttpResponse<String> again = screen(uploadId, "cv.txt", "text/plain");
        assertEquals(201, again.statusCode(), again.body());
        assertEquals(
                result.get("id").asText(), Json.read(again.body()).get("id").asText());
        assertEquals("true", again.headers().firstValue("idempotent-replayed").orElse(""));
    }

    @Test
    void theSameFileStagedTwiceIsTheEarlierResultBothTimes() throws Exception {
        byte[] resume = "Senior Java developer, S3 and DynamoDB, twice".getBytes(StandardCharsets.UTF_8);
        String firstId = stage("twice.txt", "text/plain", resume);
        assertEquals(201, screen(firstId, "twice.txt", "text/plain").statusCode());
        String secondId = stage("twice.txt", "text/plain", resume);
        HttpResponse<String> duplicate = screen(secondId, "twice.txt", "text/plain");
        assertEquals(200, duplicate.statusCode(), duplicate.body());
        HttpResponse<String> repeated = screen(secondId, "twice.txt", "text/plain");
        assertEquals(200, repeated.statusCode(), repeated.body());
        assertEquals(
                Json.read(duplicate.body()).get("duplicate_of").asText(),
                Json.read(repeated.body()).get("duplicate_of").asText());
        assertEquals(0, stack.objectCount("uploads/" + jobId + "/" + secondId));
    }

    @Test
    void aDocxIsReadThroughThisPathToo() throws Exception {
        String uploadId = stage(
                "cv.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                DocxFixtures.document("Java engineer", "AWS Lambda and DynamoDB, Word edition"));
        HttpResponse<String> response = screen(uploadId, "cv.docx", null);
        assertEquals(201, response.statusCode(), response.body());
        assertTrue(Json.read(response.body()).get("text_extracted").asBoolean(), response.body());
    }

    @Test
    void aBadPdfIsRefusedAsInline() throws Exception {
        byte[] broken = PdfFixtures.truncated(PdfFixtures.textPdf("Java engineer"));
        HttpResponse<String> inline = stack.postJson(
                "/api/v1/screening/upload-resume",
                Map.of(
                        "job_id",
                        jobId,
                        "file_name",
                        "broken.pdf",
                        "content_base64",
                        Base64.getEncoder().encodeToString(broken)));
        String uploadId = stage("broken.pdf", "application/pdf", broken);
        HttpResponse<String> staged = screen(uploadId, "broken.pdf", "application/pdf");
        assertEquals(422, inline.statusCode(), inline.body());
        assertEquals(inline.statusCode(), staged.statusCode(), staged.body());
        assertEquals(errorCode(inline), errorCode(staged));
    }

    @Test
    void anUnknownUploadIsNotFound() throws Exception {
        HttpResponse<String> response = screen(UUID.randomUUID().toString(), "cv.txt", "text/plain");
        assertEquals(404, response.statusCode(), response.body());
        assertEquals("upload_not_found", errorCode(response));
        assertEquals("upload_not_found", errorCode(screen("../../resumes/x", "cv.txt", "text/plain")));
    }

    @Test
    void aFileOverTheUploadLimitIsRefusedBeforeItIsPut() throws Exception {
        HttpResponse<String> response = stack.postJson(
                "/api/v1/jobs/" + jobId + "/uploads",
                Map.of("file_name", "big.pdf", "content_type", "application/pdf", "size", 100_001));
        assertEquals(413, response.statusCode(), response.body());
        assertEquals("file_too_large", errorCode(response));
    }

    @Test
    void aStagedFileOverTheUploadLimitIsRefusedAndLeftUnread() throws Exception {
        String uploadId = UUID.randomUUID().toString();
        String key = "uploads/" + jobId + "/" + uploadId;
        stack.environment.app().documents().put(key, new byte[100_001], "text/plain");

        HttpResponse<String> response = screen(uploadId, "big.txt", "text/plain");
        assertEquals(413, response.statusCode(), response.body());
        assertEquals("file_too_large", errorCode(response));
        var stored = stack.environment.app().documents().read(key, 100_000).orElseThrow();
        assertEquals(100_001, stored.size());
        assertEquals(null, stored.content());
        assertEquals(
                100_001,
                stack.environment
                        .app()
                        .documents()
                        .read(key, 100_001)
                        .orElseThrow()
                        .content()
                        .length);
    }

    @Test
    void onlyResumeTypesAreIssuedAndOnlyForKnownJobs() throws Exception {
        HttpResponse<String> image = stack.postJson(
                "/api/v1/jobs/" + jobId + "/uploads",
                Map.of("file_name", "cv.png", "content_type", "image/png", "size", 10));
        assertEquals(415, image.statusCode(), image.body());
        HttpResponse<String> unknownJob = stack.postJson(
                "/api/v1/jobs/no-such-job/uploads",
                Map.of("file_name", "cv.pdf", "content_type", "application/pdf", "size", 10));
        assertEquals(404, unknownJob.statusCode(), unknownJob.body());
        assertEquals("job_not_found", errorCode(unknownJob));
    }

    @Test
    void anIdempotencyKeyReusedForAnotherFileIsRefused() throws Exception {
        String key = "key-" + UUID.randomUUID();
        assertEquals(201, inline(key, "First resume: Java and AWS").statusCode());
        HttpResponse<String> other = inline(key, "Second resume: Python and GCP");
        assertEquals(422, other.statusCode(), other.body());
        assertEquals("idempotency_key_reused", errorCode(other));
    }

    private HttpResponse<String> inline(String idempotencyKey, String text) throws Exception {
        byte[] body = Json.writeBytes(Map.of(
                "job_id",
                jobId,
                "file_name",
                "cv.txt",
                "content_base64",
                Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))));
        return stack.http.send(
                HttpRequest.newBuilder(URI.create(stack.base + "/api/v1/screening/upload-resume"))
                        .header("content-type", "application/json")
                        .header("idempotency-key", idempotencyKey)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String stage(String fileName, String contentType, byte[] content) throws Exception {
        JsonNode issued = issue(fileName, contentType, content.length);
        HttpResponse<String> put = put(issued, content);
        assertEquals(200, put.statusCode(), put.body());
        return issued.get("upload_id").asText();
    }

    private static JsonNode issue(String fileName, String contentType, long size) throws Exception {
        HttpResponse<String> response = stack.postJson(
                "/api/v1/jobs/" + jobId + "/uploads",
                Map.of("file_name", fileName, "content_type", contentType, "size", size));
        assertEquals(201, response.statusCode(), response.body());
        return Json.read(response.body());
    }

    private static HttpResponse<String> put(JsonNode issued, byte[] content) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(issued.get("url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content));
        issued.get("headers").fields().forEachRemaining(header -> {
            if (!SET_BY_THE_CLIENT.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                request.header(header.getKey(), header.getValue().asText());
            }
        });
        return stack.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> screen(String uploadId, String fileName, String contentType) throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of(
                "job_id", jobId, "upload_id", uploadId, "candidate_name", "Staged Candidate", "file_name", fileName));
        if (contentType != null) {
            body.put("content_type", contentType);
        }
        return stack.postJson("/api/v1/screening/upload-resume", body);
    }

    private static String errorCode(HttpResponse<String> response) throws Exception {
        JsonNode error = Json.read(response.body()).get("error");
        assertFalse(error == null, response.body());
        return error.get("code").asText();
    }
}
