package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resumescreening.adapters.dynamodb.DynamoJobRepository;
import dev.resumescreening.config.Contract;
import dev.resumescreening.config.Contract.RouteSpec;
import dev.resumescreening.domain.Job;
import dev.resumescreening.embedding.LexicalEmbedder;
import dev.resumescreening.json.Json;
import dev.resumescreening.ports.JobRepository.StoredJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every sample in events/ is a valid event that the function it is named for handles, and every route has one. */
class SampleEventsTest {
    private static final ObjectMapper LAMBDA_JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static TestStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = TestStack.start(Map.of());
        LexicalEmbedder embedder = new LexicalEmbedder();
        new DynamoJobRepository(stack.environment.app().dynamoDb(), stack.environment.settings().tableName("jobs"))
                .create(new StoredJob(new Job("job-sample", "Sample job", "Java engineer on AWS", 50, "2026-11-26T00:00:00.000Z"),
                        embedder.embed("Java engineer on AWS")));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    static List<Path> apiEvents() throws Exception {
        Path events = TestStack.samples().resolveSibling("events");
        try (Stream<Path> files = Files.list(events)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted()
                    .filter(p -> readTree(p).has("routeKey")).toList();
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(Path file) {
        try {
            return LAMBDA_JSON.readTree(file.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyApiEventIsHandledByItsFunction() throws Exception {
        Set<String> covered = new HashSet<>();
        for (Path file : apiEvents()) {
            APIGatewayV2HTTPEvent event = LAMBDA_JSON.readValue(file.toFile(), APIGatewayV2HTTPEvent.class);
            RouteSpec route = Contract.get().routes().stream().filter(r -> r.routeKey().equals(event.getRouteKey()))
                    .findFirst().orElseThrow(() -> new AssertionError(file + " names no contract route"));
            assertTrue(file.getFileName().toString().startsWith(route.function() + "-"),
                    file + " should be named after its function " + route.function());
            APIGatewayV2HTTPResponse response = stack.environment.function(route.function()).handleRequest(event, null);
            assertTrue(response.getStatusCode() < 500, file + ": " + response.getBody());
            assertFalse(response.getBody().contains("route_not_found"), file + ": " + response.getBody());
            Json.read(response.getBody());
            covered.add(route.routeKey());
        }
        Set<String> all = new HashSet<>();
        Contract.get().routes().forEach(r -> all.add(r.routeKey()));
        assertEquals(all, covered, "routes without a sample event");
    }

    @Test
    void theCreateAndUploadSamplesSucceed() throws Exception {
        for (String name : List.of("jobs-create.json", "upload-resume-json.json", "upload-resume-multipart.json")) {
            Path file = TestStack.samples().resolveSibling("events").resolve(name);
            APIGatewayV2HTTPEvent event = LAMBDA_JSON.readValue(file.toFile(), APIGatewayV2HTTPEvent.class);
            String function = name.substring(0, name.indexOf('-'));
            assertEquals(201, stack.environment.function(function).handleRequest(event, null).getStatusCode(), name);
        }
    }
}
