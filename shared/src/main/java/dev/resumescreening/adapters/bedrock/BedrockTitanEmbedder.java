package dev.resumescreening.adapters.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.domain.ProblemKind;
import dev.resumescreening.json.Json;
import dev.resumescreening.ports.SemanticEmbedder;
import java.io.IOException;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;

/**
 * Amazon Titan Text Embeddings V2 through Bedrock InvokeModel: 1024 dimensions, normalised by the service.
 * The semantic half of {@link dev.resumescreening.embedding.HybridEmbedder}.
 * Throttling is retried with backoff by the client's retry strategy (see AwsModule).
 */
public final class BedrockTitanEmbedder implements SemanticEmbedder {
    public static final int DIMENSIONS = 1024;
    /** Titan V2 takes at most 50,000 characters; resumes past this are cut, keeping their beginning. */
    static final int MAX_INPUT_CHARS = 45_000;

    private final BedrockRuntimeClient client;
    private final String modelId;

    public BedrockTitanEmbedder(BedrockRuntimeClient client, String modelId) {
        this.client = client;
        this.modelId = modelId;
    }

    @Override
    public float[] embed(String text) {
        String input = text.length() > MAX_INPUT_CHARS ? text.substring(0, MAX_INPUT_CHARS) : text;
        byte[] request = Json.writeBytes(Map.of("inputText", input, "dimensions", DIMENSIONS, "normalize", true));
        InvokeModelResponse response = client.invokeModel(b -> b.modelId(modelId)
                .contentType("application/json")
                .accept("application/json")
                .body(SdkBytes.fromByteArrayUnsafe(request)));
        return parse(response.body().asByteArrayUnsafe());
    }

    @Override
    public String name() {
        return "bedrock:" + modelId;
    }

    private float[] parse(byte[] body) {
        try {
            JsonNode embedding = Json.read(body).path("embedding");
            if (!embedding.isArray() || embedding.isEmpty()) {
                throw new IOException("no embedding array in the response");
            }
            float[] vector = new float[embedding.size()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = (float) embedding.get(i).asDouble();
            }
            return vector;
        } catch (IOException e) {
            throw new ProblemException(
                    ProblemKind.UNAVAILABLE,
                    "embedding_failed",
                    "the embedding service returned an unreadable answer",
                    e);
        }
    }
}
