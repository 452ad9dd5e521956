package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.json.Json;
import dev.resumescreening.model.ModelArtifact;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rollbacks walk back the activation history; a model the gate rejected goes live only when forced. */
class ModelRegistryIntegrationTest {
    private TestStack stack;

    @BeforeEach
    void start() throws Exception {
        stack = TestStack.start(Map.of());
    }

    @AfterEach
    void stop() {
        stack.close();
    }

    private void register(String version) throws Exception {
        ModelArtifact model = TrainingLoopIntegrationTest.randomModel(version);
        var documents = stack.environment.app().documents();
        documents.put(ModelArtifact.weightsKey(version), model.weightsBytes(), "application/octet-stream");
        documents.put(ModelArtifact.metadataKey(version), model.metadataJson(), "application/json");
        HttpResponse<String> response = stack.postJson(
                "/api/v1/models/register", Map.of("model_path", ModelArtifact.keyPrefix(version), "version", version));
        assertEquals(201, response.statusCode(), response.body());
    }

    private String activate(Map<String, Object> body) throws Exception {
        HttpResponse<String> response = stack.postJson("/api/v1/models/activate", body);
        assertEquals(200, response.statusCode(), response.body());
        return Json.read(response.body()).at("/active/champion_version").asText();
    }

    private HttpResponse<String> rollback() throws Exception {
        return stack.postJson("/api/v1/models/rollback", Map.of());
    }

    private String rolledBackTo() throws Exception {
        HttpResponse<String> response = rollback();
        assertEquals(200, response.statusCode(), response.body());
        return Json.read(response.body()).at("/active/champion_version").asText();
    }

    private JsonNode models() throws Exception {
        return Json.read(stack.get("/api/v1/models").body());
    }

    private String status(String version) throws Exception {
        for (JsonNode model : models().get("models")) {
            if (model.get("version").asText().equals(version)) {
                return model.get("status").asText();
            }
        }
        throw new AssertionError(version + " is not listed");
    }

    @Test
    void eachRollbackGoesOneActivationFurtherBack() throws Exception {
        for (String version : new String[] {"v1", "v2", "v3"}) {
            register(version);
            assertEquals(version, activate(Map.of("champion", version)));
        }
        assertEquals("v2", rolledBackTo());
        assertEquals("v1", rolledBackTo());
        assertEquals("0", rolledBackTo());
        HttpResponse<String> nothing = rollback();
        assertEquals(409, nothing.statusCode(), nothing.body());
        assertEquals(
                "nothing_to_roll_back",
                Json.read(nothing.body()).at("/error/code").asText());
        assertEquals("RETIRED", status("v3"));
        assertEquals("RETIRED", status("v1"));

        // a new activation after rollbacks is undone by the next rollback, back to where the rollbacks left off
        assertEquals("v3", activate(Map.of("champion", "v3")));
        assertEquals("v1", activate(Map.of("champion", "v1")));
        assertEquals("v3", rolledBackTo());
        assertEquals("0", rolledBackTo());
        JsonNode latest = models().get("activations").get(0);
        assertEquals("rollback", latest.get("kind").asText(), latest.toString());
    }

    @Test
    void aRejectedModelGoesLiveOnlyWhenForcedAndTheActivationSaysSo() throws Exception {
        register("v1");
        stack.environment.app().modelRegistry().reject("v1");

        HttpResponse<String> refused = stack.postJson("/api/v1/models/activate", Map.of("champion", "v1"));
        assertEquals(409, refused.statusCode(), refused.body());
        assertEquals(
                "model_rejected", Json.read(refused.body()).at("/error/code").asText());
        HttpResponse<String> asChallenger =
                stack.postJson("/api/v1/models/activate", Map.of("champion", "0", "challenger", "v1"));
        assertEquals(409, asChallenger.statusCode(), asChallenger.body());
        assertEquals("REJECTED", status("v1"));
        assertEquals("0", models().at("/active/champion_version").asText());
        assertEquals(0, models().get("activations").size());

        assertEquals("v1", activate(Map.of("champion", "v1", "force", true)));
        JsonNode activation = models().get("activations").get(0);
        assertEquals("forced", activation.get("kind").asText(), activation.toString());
        assertEquals("v1", activation.get("champion_version").asText());
        assertEquals("ACTIVE", status("v1"));
        assertEquals("0", rolledBackTo());
    }

    @Test
    void registeringARejectedModelWithActivateTakesForceToo() throws Exception {
        register("v1");
        stack.environment.app().modelRegistry().reject("v1");
        Map<String, Object> again =
                Map.of("model_path", ModelArtifact.keyPrefix("v1"), "version", "v1", "activate", true);

        HttpResponse<String> refused = stack.postJson("/api/v1/models/register", again);
        assertEquals(409, refused.statusCode(), refused.body());
        assertEquals(
                "model_rejected", Json.read(refused.body()).at("/error/code").asText());

        Map<String, Object> forced = new HashMap<>(again);
        forced.put("force", true);
        HttpResponse<String> registered = stack.postJson("/api/v1/models/register", forced);
        assertEquals(201, registered.statusCode(), registered.body());
        assertEquals(
                "v1",
                Json.read(registered.body()).at("/active/champion_version").asText());
        assertEquals("forced", models().get("activations").get(0).get("kind").asText());
    }
}
