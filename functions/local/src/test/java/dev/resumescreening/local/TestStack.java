package dev.resumescreening.local;

import dev.resumescreening.adapters.dynamodb.DynamoReviewStore;
import dev.resumescreening.config.Contract;
import dev.resumescreening.config.Settings;
import dev.resumescreening.embedding.TermVector;
import dev.resumescreening.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The local stack for integration tests: the embedded emulators by default, or the AWS-compatible endpoint in
 * AWS_ENDPOINT_URL (CI runs the same tests against moto). Every stack gets its own table and bucket names.
 */
final class TestStack implements AutoCloseable {
    final LocalEnvironment environment;
    final LocalHttpServer server;
    final HttpClient http = HttpClient.newHttpClient();
    final String base;

    private TestStack(LocalEnvironment environment, LocalHttpServer server) {
        this.environment = environment;
        this.server = server;
        this.base = "http://127.0.0.1:" + server.port();
    }

    static TestStack start(Map<String, String> settings) throws IOException {
        return start(settings, System.getenv(Settings.ENDPOINT));
    }

    /** A stack on the given AWS-compatible endpoint, or on the embedded emulators when it is null. */
    static TestStack start(Map<String, String> settings, String endpoint) throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> overrides = new HashMap<>(settings);
        Contract.get()
                .tables()
                .values()
                .forEach(t -> overrides.put(
                        t.env(), "test-" + run + "-" + t.logicalName().replace('_', '-')));
        overrides.put(Contract.get().bucketEnv(), "test-" + run + "-data");
        overrides.putIfAbsent("EMBEDDER", "local");
        LocalEnvironment environment =
                LocalEnvironment.start(Files.createTempDirectory("stack-" + run), endpoint, overrides);
        return new TestStack(environment, LocalHttpServer.start(environment, 0));
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("content-type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(String path, Object body) throws Exception {
        return post(path, "application/json", Json.writeBytes(body));
    }

    HttpResponse<String> uploadFile(String jobId, String fileName, byte[] content) throws Exception {
        String boundary = "test-" + UUID.randomUUID();
        Map<String, String> fields = jobId == null
                ? Map.of("candidate_name", "Test Candidate")
                : Map.of("job_id", jobId, "candidate_name", "Test Candidate");
        return post(
                "/api/v1/screening/upload-resume",
                "multipart/form-data; boundary=" + boundary,
                Multipart.body(boundary, fields, fileName, content));
    }

    /** Uploads {@code text} as a text file for the job and answers the new result's id; anything but 201 fails. */
    String uploadText(String jobId, String fileName, String text) throws Exception {
        HttpResponse<String> response = uploadFile(jobId, fileName, text.getBytes(StandardCharsets.UTF_8));
        if (response.statusCode() != 201) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return Json.read(response.body()).get("screening_result_id").asText();
    }

    /** The resume vector the result was scored with, as stored with it. */
    TermVector resumeEmbedding(String resultId) {
        Map<String, AttributeValue> item = environment
                .app()
                .dynamoDb()
                .getItem(b -> b.tableName(environment.settings().tableName("screening_results"))
                        .key(Map.of("result_id", AttributeValue.fromS(resultId))))
                .item();
        return TermVector.fromBytes(item.get("resume_embedding").b().asByteArray());
    }

    String createJob(String title, String description) throws Exception {
        HttpResponse<String> response = postJson("/api/v1/jobs", Map.of("title", title, "description", description));
        if (response.statusCode() != 201) {
            throw new IllegalStateException(response.body());
        }
        return Json.read(response.body()).get("job_id").asText();
    }

    int objectCount(String prefix) {
        return environment
                .app()
                .s3()
                .listObjectsV2(b -> b.bucket(environment.settings().bucket()).prefix(prefix))
                .keyCount();
    }

    int resultCount() {
        return environment
                .app()
                .dynamoDb()
                .scan(b -> b.tableName(environment.settings().tableName("screening_results")))
                .count();
    }

    /**
     * Counts {@code count} applicants whose cosines with the job's description sum to {@code cosineSum} in the job's
     * counters item, as that many uploads would have.
     */
    void addApplicants(String jobId, long count, double cosineSum) {
        environment
                .app()
                .dynamoDb()
                .updateItem(b -> b.tableName(environment.settings().tableName("training_counters"))
                        .key(Map.of("counter_id", AttributeValue.fromS(DynamoReviewStore.JOB_COUNTER + jobId)))
                        .updateExpression("ADD applicant_similarity_count :count, applicant_similarity_sum :sum")
                        .expressionAttributeValues(Map.of(
                                ":count", AttributeValue.fromN(Long.toString(count)),
                                ":sum", AttributeValue.fromN(Double.toString(cosineSum)))));
    }

    static Path samples() {
        Path here = Path.of("").toAbsolutePath();
        while (here != null && !Files.isDirectory(here.resolve("template-samples"))) {
            here = here.getParent();
        }
        if (here == null) {
            throw new IllegalStateException(
                    "template-samples/ not found above " + Path.of("").toAbsolutePath());
        }
        return here.resolve("template-samples");
    }

    @Override
    public void close() {
        server.close();
        environment.close();
    }
}
