package dev.resumescreening.functions.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.resumescreening.config.Settings;
import dev.resumescreening.di.AwsModule;
import dev.resumescreening.json.Json;
import dev.resumescreening.training.TrainingRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The launcher against a local HTTP stub that answers as Lambda's Invoke API does for an Event invocation. */
class LambdaTrainingLauncherTest {
    private HttpServer stub;
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<String> invocationTypes = new CopyOnWriteArrayList<>();
    private final List<JsonNode> payloads = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            invocationTypes.add(exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"));
            payloads.add(Json.read(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        stub.start();
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
    }

    @AfterEach
    void stop() {
        stub.stop(0);
    }

    private LambdaTrainingLauncher launcher(String functionName) {
        Settings settings = Settings.of(Map.of(
                "AWS_ENDPOINT_URL_LAMBDA",
                "http://127.0.0.1:" + stub.getAddress().getPort(),
                "TRAINING_FUNCTION_NAME",
                functionName));
        return LambdaTrainingLauncher.create(settings, AwsModule.httpClient());
    }

    @Test
    void invokesTheTrainingFunctionAsynchronouslyWithTheRun() {
        launcher("resume-screening-scheduled-training")
                .launch(new TrainingRequest(false, true, 10, "run-1", TrainingRequest.API));
        assertEquals("/2015-03-31/functions/resume-screening-scheduled-training/invocations", paths.get(0));
        assertEquals("Event", invocationTypes.get(0));
        JsonNode payload = payloads.get(0);
        assertEquals("run-1", payload.get("run_id").asText());
        assertEquals(true, payload.get("force").asBoolean());
        assertEquals(10, payload.get("min_samples").asInt());
        assertEquals(false, payload.get("dry_run").asBoolean());
    }

    @Test
    void refusesToLaunchWithoutAFunctionName() {
        assertThrows(
                IllegalStateException.class,
                () -> launcher("").launch(new TrainingRequest(false, true, 10, "run-2", TrainingRequest.API)));
        assertEquals(0, paths.size());
    }
}
