package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.json.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local server's web app files, /openapi.json and /docs, and the routes the web app added: jobs list, original. */
class WebAppServerIntegrationTest {
    private static TestStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = TestStack.start(Map.of());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static HttpResponse<byte[]> getBytes(String path) throws Exception {
        return stack.http.send(
                HttpRequest.newBuilder(URI.create(stack.base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theAppIsServedAtTheRootWithAPolicyThatForbidsInlineScript() throws Exception {
        HttpResponse<String> index = stack.get("/");
        assertEquals(200, index.statusCode());
        assertTrue(index.headers().firstValue("content-type").orElse("").startsWith("text/html"));
        String policy = index.headers().firstValue("content-security-policy").orElse("");
        assertTrue(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), policy);
        assertEquals(
                "nosniff", index.headers().firstValue("x-content-type-options").orElse(""));
        HttpResponse<String> module = stack.get("/js/app.js");
        assertEquals(200, module.statusCode());
        assertTrue(module.headers().firstValue("content-type").orElse("").startsWith("text/javascript"));
    }

    @Test
    void theLocalConfigurationSaysThereIsNoSignIn() throws Exception {
        HttpResponse<String> config = stack.get("/config.json");
        assertEquals(200, config.statusCode());
        assertEquals(
                "application/json", config.headers().firstValue("content-type").orElse(""));
        JsonNode json = Json.read(config.body());
        assertTrue(json.has("auth") && json.get("auth").isNull(), config.body());
        assertEquals("", json.path("api_url").asText("missing"), "the API is on the app's own origin");
    }

    @Test
    void openApiAndSwaggerUiAreServed() throws Exception {
        HttpResponse<String> openApi = stack.get("/openapi.json");
        assertEquals(200, openApi.statusCode());
        assertEquals(OpenApiContractTest.openApi(), Json.read(openApi.body()));
        assertEquals(200, stack.get("/docs").statusCode());
        assertEquals(200, stack.get("/docs/swagger-ui-bundle.js").statusCode());
        assertEquals(200, stack.get("/docs/swagger-ui.css").statusCode());
        assertEquals(200, stack.get("/docs/docs.js").statusCode());
    }

    @Test
    void onlyFilesOfTheAppAreServed() throws Exception {
        for (String path : new String[] {
            "/nothing.html",
            "/js/../openapi.json",
            "/%2e%2e/pom.xml",
            "/docs/../../",
            "/webjars/swagger-ui/swagger-ui.css",
            "/docs/favicon-32x32.png",
            "/dev/resumescreening/local/LocalMain.class",
            "/js/"
        }) {
            HttpResponse<String> response = stack.get(path);
            assertEquals(404, response.statusCode(), path + ": " + response.body());
        }
        HttpResponse<String> post = stack.post("/index.html", "text/plain", new byte[] {1});
        assertEquals(405, post.statusCode());
        // API paths are still the API's
        assertEquals(
                "route_not_found",
                Json.read(stack.get("/api/v1/nothing").body()).at("/error/code").asText());
    }

    @Test
    void jobsAreListedAPageAtATime() throws Exception {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            created.add(stack.createJob("Listed job " + i, "Java engineer on AWS " + i));
        }
        Set<String> listed = new HashSet<>();
        String token = null;
        int pages = 0;
        do {
            HttpResponse<String> page =
                    stack.get("/api/v1/jobs?limit=2" + (token == null ? "" : "&next_token=" + token));
            assertEquals(200, page.statusCode(), page.body());
            JsonNode body = Json.read(page.body());
            assertTrue(body.get("count").asInt() <= 2);
            body.get("jobs").forEach(job -> {
                listed.add(job.get("job_id").asText());
                assertTrue(job.has("title") && job.has("threshold") && !job.has("embedding"), job.toString());
            });
            token = body.get("next_token").isNull()
                    ? null
                    : body.get("next_token").asText();
            pages++;
        } while (token != null && pages < 10);
        assertTrue(listed.containsAll(created), listed + " should contain " + created);
        assertTrue(pages >= 2);
        HttpResponse<String> forged = stack.get("/api/v1/jobs?limit=2&next_token=eyJrIjp7fX0.AAAA");
        assertEquals(400, forged.statusCode());
        assertEquals(
                "invalid_next_token", Json.read(forged.body()).at("/error/code").asText());
        assertEquals(400, stack.get("/api/v1/jobs?limit=0").statusCode());
    }

    @Test
    void theOriginalFileIsReturnedAsUploaded() throws Exception {
        String job = stack.createJob(
                "Backend Java Engineer",
                Files.readString(TestStack.samples().resolve("jobs/backend-java-engineer.txt")));
        for (String file : new String[] {"priya-nair-java.pdf", "sam-taylor-barista.txt"}) {
            byte[] content = Files.readAllBytes(TestStack.samples().resolve("resumes/" + file));
            HttpResponse<String> upload = stack.uploadFile(job, file, content);
            assertEquals(201, upload.statusCode(), upload.body());
            String id = Json.read(upload.body()).get("screening_result_id").asText();
            HttpResponse<byte[]> original = getBytes("/api/v1/screening/result/" + id + "/original");
            assertEquals(200, original.statusCode());
            assertArrayEquals(content, original.body(), file);
            String type = original.headers().firstValue("content-type").orElse("");
            String policy =
                    original.headers().firstValue("content-security-policy").orElse("");
            if (file.endsWith(".pdf")) {
                assertEquals("application/pdf", type);
            } else {
                assertEquals("text/plain; charset=utf-8", type);
                assertTrue(policy.startsWith("sandbox"), policy);
            }
            assertTrue(original.headers()
                    .firstValue("content-disposition")
                    .orElse("")
                    .startsWith("inline"));
            assertEquals(
                    "nosniff",
                    original.headers().firstValue("x-content-type-options").orElse(""));
        }
        HttpResponse<String> missing = stack.get("/api/v1/screening/result/no-such-result/original");
        assertEquals(404, missing.statusCode());
        assertNotNull(Json.read(missing.body()).at("/error/code").asText());
    }
}
