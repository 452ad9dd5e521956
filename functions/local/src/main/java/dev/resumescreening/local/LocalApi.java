package dev.resumescreening.local;

import dev.resumescreening.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/** The API as the bench and the evaluate command call it: over HTTP, through the local server and the handlers. */
final class LocalApi {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    LocalApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(String path, Object body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(Json.writeBytes(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String createJob(String title, String description) throws Exception {
        HttpResponse<String> response = postJson("/api/v1/jobs", Map.of("title", title, "description", description));
        if (response.statusCode() == 400) {
            throw new IllegalArgumentException("job " + title + ": "
                    + Json.read(response.body()).path("error").path("message").asText(response.body()));
        }
        if (response.statusCode() != 201) {
            throw new IllegalStateException("creating job " + title + " failed: " + response.body());
        }
        return Json.read(response.body()).get("job_id").asText();
    }

    HttpResponse<String> upload(String jobId, Path file) throws Exception {
        String boundary = "local-" + UUID.randomUUID();
        byte[] body = Multipart.body(
                boundary,
                Map.of("job_id", jobId, "candidate_name", "Bench Candidate"),
                file.getFileName().toString(),
                Files.readAllBytes(file));
        return http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/screening/upload-resume"))
                        .header("content-type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    void review(String resultId, String decision) throws Exception {
        HttpResponse<String> response = postJson(
                "/api/v1/feedback/submit", Map.of("screening_result_id", resultId, "human_decision", decision));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("review failed: " + response.body());
        }
    }
}
