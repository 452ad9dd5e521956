package dev.resumescreening.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The caller and their groups from the claims API Gateway's JWT authorizer passes on, for both Cognito tokens: the
 * web app sends access tokens (user name in "username"), SRP clients may send ID tokens ("cognito:username").
 */
class ApiRequestClaimsTest {

    @Test
    void anAccessTokenNamesTheCallerAndTheirGroups() {
        ApiRequest request = withClaims(Map.of(
                "sub",
                "0a1b2c3d",
                "username",
                "0a1b2c3d-user",
                "cognito:groups",
                "[reviewer admin]",
                "scope",
                "openid email resume-screening-api/admin",
                "token_use",
                "access",
                "client_id",
                "1example23456789"));
        assertEquals("0a1b2c3d-user", request.caller());
        assertEquals(List.of("reviewer", "admin"), request.groups());
        assertTrue(request.isAdmin());
    }

    @Test
    void anIdTokenNamesTheCallerByItsCognitoUserName() {
        ApiRequest request = withClaims(Map.of(
                "sub",
                "0a1b2c3d",
                "cognito:username",
                "sam",
                "cognito:groups",
                "[reviewer]",
                "token_use",
                "id",
                "aud",
                "1example23456789"));
        assertEquals("sam", request.caller());
        assertFalse(request.isAdmin());
    }

    @Test
    void theAdminScopeAloneMakesNoAdmin() {
        ApiRequest request = withClaims(Map.of("username", "sam", "scope", "resume-screening-api/admin"));
        assertFalse(request.isAdmin(), "the group decides in the handlers; the scope is API Gateway's check");
        assertEquals(ApiRequest.ANONYMOUS, withClaims(Map.of()).caller());
    }

    private static ApiRequest withClaims(Map<String, String> claims) {
        return new ApiRequest("GET /api/v1/jobs", Map.of(), Map.of(), Map.of(), new byte[0], claims);
    }
}
