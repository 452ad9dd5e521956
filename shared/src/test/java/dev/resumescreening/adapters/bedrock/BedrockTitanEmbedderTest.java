package dev.resumescreening.adapters.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.resumescreening.config.Settings;
import dev.resumescreening.di.AwsModule;
import dev.resumescreening.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

/** The Bedrock embedder against a local HTTP stub that answers as Bedrock Runtime's InvokeModel does. */
class BedrockTitanEmbedderTest {
    private static final String MODEL = "amazon.titan-embed-text-v2:0";

    private HttpServer stub;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final AtomicInteger throttleFirst = new AtomicInteger();

    @BeforeEach
    void startStub() throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            requests.add(Json.read(exchange.getRequestBody().readAllBytes()));
            byte[] body;
            if (throttleFirst.getAndDecrement() > 0) {
                exchange.getResponseHeaders()
                        .add("x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/");
                body = "{\"message\":\"Too many requests, please wait before trying again.\"}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(429, body.length);
            } else {
                float[] embedding = new float[BedrockTitanEmbedder.DIMENSIONS];
                embedding[3] = 1.0f;
                body = Json.writeBytes(Map.of("embedding", embedding, "inputTextTokenCount", 7));
                exchange.getResponseHeaders().add("content-type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
            }
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.start();
    }

    @AfterEach
    void stopStub() {
        stub.stop(0);
    }

    private BedrockTitanEmbedder embedder() {
        Settings settings = Settings.of(Map.of(
                "AWS_ENDPOINT_URL_BEDROCK_RUNTIME",
                "http://127.0.0.1:" + stub.getAddress().getPort()));
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        BedrockRuntimeClient client = AwsModule.bedrock(settings, AwsModule.httpClient());
        return new BedrockTitanEmbedder(client, MODEL);
    }

    @Test
    void sendsTitanV2RequestsAndReadsTheEmbedding() {
        float[] vector = embedder().embed("Java developer");
        assertEquals(1024, vector.length);
        assertEquals(1.0f, vector[3]);
        assertEquals("/model/" + MODEL + "/invoke", paths.get(0));
        JsonNode request = requests.get(0);
        assertEquals("Java developer", request.get("inputText").asText());
        assertEquals(1024, request.get("dimensions").asInt());
        assertEquals(true, request.get("normalize").asBoolean());
    }

    @Test
    void retriesThrottlingWithBackoff() {
        throttleFirst.set(2);
        float[] vector = embedder().embed("retry me");
        assertEquals(1024, vector.length);
        assertEquals(3, requests.size());
    }

    @Test
    void givesUpAfterTheRetryBudget() {
        throttleFirst.set(100);
        assertThrows(ThrottlingException.class, () -> embedder().embed("always throttled"));
        assertEquals(6, requests.size());
    }

    @Test
    void cutsVeryLongInputToWhatTitanAccepts() {
        embedder().embed("x".repeat(200_000));
        assertEquals(
                BedrockTitanEmbedder.MAX_INPUT_CHARS,
                requests.get(0).get("inputText").asText().length());
    }
}
