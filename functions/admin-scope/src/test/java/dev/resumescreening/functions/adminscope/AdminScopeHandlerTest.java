package dev.resumescreening.functions.adminscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEventV2;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The admin scope reaches the access tokens of admin group members, and no one else's. */
class AdminScopeHandlerTest {
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Path SAMPLE = Path.of("../../events/admin-scope-pre-token-generation.json");
    private static final String SCOPE = "resume-screening-api/admin";

    private final AdminScopeHandler handler = new AdminScopeHandler(SCOPE);

    @Test
    void anAdminGetsTheScope() throws Exception {
        JsonNode access = accessTokenGeneration(handler.handleRequest(sample(), null));
        assertEquals(List.of(SCOPE), strings(access.path("scopesToAdd")));
        assertTrue(access.path("scopesToSuppress").isNull(), access.toString());
    }

    @Test
    void aReviewerHasTheScopeTakenOutEvenWhenTheClientAskedForIt() throws Exception {
        CognitoUserPoolPreTokenGenerationEventV2 event = sample();
        event.getRequest().getGroupConfiguration().setGroupsToOverride(new String[] {"reviewer"});
        JsonNode access = accessTokenGeneration(handler.handleRequest(event, null));
        assertEquals(List.of(SCOPE), strings(access.path("scopesToSuppress")));
        assertTrue(access.path("scopesToAdd").isNull(), access.toString());
    }

    @Test
    void aUserWithoutGroupsIsNoAdmin() throws Exception {
        CognitoUserPoolPreTokenGenerationEventV2 noGroups = sample();
        noGroups.getRequest().getGroupConfiguration().setGroupsToOverride(null);
        CognitoUserPoolPreTokenGenerationEventV2 noGroupConfiguration = sample();
        noGroupConfiguration.getRequest().setGroupConfiguration(null);
        CognitoUserPoolPreTokenGenerationEventV2 noRequest = sample();
        noRequest.setRequest(null);
        for (CognitoUserPoolPreTokenGenerationEventV2 event : List.of(noGroups, noGroupConfiguration, noRequest)) {
            JsonNode access = accessTokenGeneration(handler.handleRequest(event, null));
            assertEquals(List.of(SCOPE), strings(access.path("scopesToSuppress")));
            assertTrue(access.path("scopesToAdd").isNull(), access.toString());
        }
    }

    @Test
    void theScopeMustBeOneScope() {
        assertThrows(IllegalStateException.class, () -> new AdminScopeHandler(null));
        assertThrows(IllegalStateException.class, () -> new AdminScopeHandler(" "));
        assertThrows(IllegalStateException.class, () -> new AdminScopeHandler("api/admin api/other"));
    }

    private static CognitoUserPoolPreTokenGenerationEventV2 sample() throws Exception {
        return JSON.readValue(SAMPLE.toFile(), CognitoUserPoolPreTokenGenerationEventV2.class);
    }

    /** The answer as Cognito reads it: the whole event, serialised, with the response filled in. */
    private static JsonNode accessTokenGeneration(CognitoUserPoolPreTokenGenerationEventV2 answer) throws Exception {
        JsonNode json = JSON.readTree(JSON.writeValueAsString(answer));
        assertEquals("2", json.path("version").asText());
        return json.path("response").path("claimsAndScopeOverrideDetails").path("accessTokenGeneration");
    }

    private static List<String> strings(JsonNode array) {
        return JSON.convertValue(array, JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }
}
