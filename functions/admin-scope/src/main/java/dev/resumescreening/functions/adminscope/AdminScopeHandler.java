package dev.resumescreening.functions.adminscope;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEventV2;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEventV2.AccessTokenGeneration;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEventV2.ClaimsAndScopeOverrideDetails;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEventV2.GroupConfiguration;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEventV2.Request;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEventV2.Response;
import java.util.Arrays;
import java.util.Optional;

/**
 * Cognito's pre-token-generation trigger (event version 2): puts the API's admin scope into the access token of a
 * member of the admin group, so that API Gateway itself refuses admin routes to everyone else. Everyone else has the
 * scope taken out even when the app client asked for it: the client may request it, only the group grants it.
 */
public final class AdminScopeHandler
        implements RequestHandler<CognitoUserPoolPreTokenGenerationEventV2, CognitoUserPoolPreTokenGenerationEventV2> {
    /** The group that ApiRequest.ADMIN_GROUP names to the API functions (terraform/auth.tf creates it). */
    static final String ADMIN_GROUP = "admin";
    /** Contract setting: the scope, "resource server identifier/admin" (terraform/auth.tf). */
    static final String ADMIN_SCOPE_VARIABLE = "ADMIN_SCOPE";

    private final String adminScope;

    public AdminScopeHandler() {
        this(System.getenv(ADMIN_SCOPE_VARIABLE));
    }

    AdminScopeHandler(String adminScope) {
        if (adminScope == null || adminScope.isBlank() || adminScope.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalStateException(ADMIN_SCOPE_VARIABLE + " must name one scope, got '" + adminScope + "'");
        }
        this.adminScope = adminScope;
    }

    @Override
    public CognitoUserPoolPreTokenGenerationEventV2 handleRequest(
            CognitoUserPoolPreTokenGenerationEventV2 event, Context context) {
        String[] scope = {adminScope};
        AccessTokenGeneration accessToken = isAdmin(event)
                ? AccessTokenGeneration.builder().withScopesToAdd(scope).build()
                : AccessTokenGeneration.builder().withScopesToSuppress(scope).build();
        event.setResponse(Response.builder()
                .withClaimsAndScopeOverrideDetails(ClaimsAndScopeOverrideDetails.builder()
                        .withAccessTokenGeneration(accessToken)
                        .build())
                .build());
        return event;
    }

    private static boolean isAdmin(CognitoUserPoolPreTokenGenerationEventV2 event) {
        return Optional.ofNullable(event.getRequest())
                .map(Request::getGroupConfiguration)
                .map(GroupConfiguration::getGroupsToOverride)
                .map(groups -> Arrays.asList(groups).contains(ADMIN_GROUP))
                .orElse(false);
    }
}
