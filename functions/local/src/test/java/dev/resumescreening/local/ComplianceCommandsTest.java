package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resumescreening.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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
            job = Json.read(post(
                            http,
                            base + "/api/v1/jobs",
                            Map.of("title", "Java", "description", "Java 17, AWS Lambda, DynamoDB")))
                    .get("job_id")
                    .asText();
            resultId = Json.read(post(
                            http,
                            base + "/api/v1/screening/upload-resume",
                            Map.of(
                                    "job_id",
                                    job,
                                    "file_name",
                                    "cv.txt",
                                    "self_identified_sex",
                                    "male",
                                    "content_base64",
                                    Base64.getEncoder()
                                            .encodeToString(
                                                    "Java 17 and AWS Lambda".getBytes(StandardCharsets.UTF_8)))))
                    .get("screening_result_id")
                    .asText();
        }
        // the commands open the data directory the stack left (each starts the emulators on it)
        String report = run(
                "report",
                "adverse-impact",
                "--job-id",
                job,
                "--from",
                "2020-01-01",
                "--to",
                "2100-01-01",
                "--format",
                "csv");
        assertTrue(report.contains("ai,sex,male,1,1.0,false,"), report);

        Path audit = dataDir.resolve("audit.jsonl");
        run("audit", "--from", "2020-01-01", "--output", audit.toString());
        List<String> lines = Files.readAllLines(audit);
        assertEquals(1, lines.size());
        assertEquals(resultId, Json.read(lines.get(0)).get("result_id").asText());

        assertTrue(run("sweep-retention", "--retention-days", "0").contains("retention 0 days: erased 0 results"));
        assertTrue(run("erase", "--result-id", resultId).contains("erased " + resultId));
        // not found is a runtime error (exit 1, one line), not a bad option (usage, exit 2)
        assertEquals(
                "error: screening_result_not_found: screening result '" + resultId + "' does not exist",
                failure("erase", "--result-id", resultId));
        assertEquals(
                "error: job_not_found: job 'nope' does not exist",
                failure("report", "adverse-impact", "--job-id", "nope"));
    }

    /** Runs a command that must fail at run time: exit code 1 and its standard error, with nothing else. */
    private String failure(String... args) {
        CommandRun run = inDataDir(args);
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("", run.out());
        return run.err().strip();
    }

    private String run(String... args) {
        CommandRun run = inDataDir(args);
        assertEquals(0, run.exitCode(), run.out() + run.err());
        return run.out();
    }

    private CommandRun inDataDir(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data-dir");
        all.add(dataDir.toString());
        return CommandRun.of(all.toArray(String[]::new));
    }

    private static String post(HttpClient http, String url, Object body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(Json.writeBytes(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        return response.body();
    }
}
