package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resumescreening.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI commands on a local stack's data directory, as README shows them. */
class ComplianceCommandsTest {
    @TempDir
    Path dataDir;

    @Test
    void reportAuditEraseAndSweepOnTheStacksData() throws Exception {
        String job;
        String resultId;
        try (LocalEnvironment environment = LocalEnvironment.start(dataDir, null);
             LocalHttpServer server = LocalHttpServer.start(environment, 0)) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            job = Json.read(post(http, base + "/api/v1/jobs", Map.of("title", "Java", "description",
                    "Java 17, AWS Lambda, DynamoDB"))).get("job_id").asText();
            resultId = Json.read(post(http, base + "/api/v1/screening/upload-resume", Map.of("job_id", job,
                    "file_name", "cv.txt", "self_identified_sex", "male", "content_base64",
                    Base64.getEncoder().encodeToString("Java 17 and AWS Lambda".getBytes(StandardCharsets.UTF_8)))))
                    .get("screening_result_id").asText();
        }
        // the commands open the data directory the stack left (each starts the emulators on it)
        {
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
            ComplianceCommands.report("adverse-impact", options(List.of("--job-id", job, "--from", "2020-01-01",
                    "--to", "2100-01-01", "--format", "csv")), out);
            assertTrue(console.toString(StandardCharsets.UTF_8).contains("ai,sex,male,1,1.0,false,"), console.toString());

            Path audit = dataDir.resolve("audit.jsonl");
            ComplianceCommands.audit(options(List.of("--from", "2020-01-01", "--output", audit.toString())), out);
            List<String> lines = Files.readAllLines(audit);
            assertEquals(1, lines.size());
            assertEquals(resultId, Json.read(lines.get(0)).get("result_id").asText());

            ComplianceCommands.sweepRetention(options(List.of("--retention-days", "0")), out);
            ComplianceCommands.erase(options(List.of("--result-id", resultId)), out);
            assertTrue(console.toString(StandardCharsets.UTF_8).contains("retention 0 days: erased 0 results"));
            assertTrue(console.toString(StandardCharsets.UTF_8).contains("erased " + resultId));
            assertThrows(IllegalArgumentException.class,
                    () -> ComplianceCommands.erase(options(List.of("--result-id", resultId)), out));
        }
    }

    private Options options(List<String> args) {
        List<String> all = new java.util.ArrayList<>(args);
        all.add("--data-dir");
        all.add(dataDir.toString());
        return Options.parse(all, Set.of("job-id", "from", "to", "format", "output", "data-dir", "result-id",
                "retention-days"), Set.of());
    }

    private static String post(HttpClient http, String url, Object body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.writeBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        return response.body();
    }
}
