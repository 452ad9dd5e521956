package dev.resumescreening.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.resumescreening.config.Contract;
import dev.resumescreening.config.Contract.RouteSpec;
import dev.resumescreening.http.ApiResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every route the contract marks admin answers 403 to a signed-in reviewer and reaches its endpoint for an admin;
 * every other route reaches its endpoint for a reviewer. The routes come from the contract, so a new admin route is
 * covered as soon as it is declared.
 */
class AdminRoutesTest {

    @Test
    void adminRoutesRefuseReviewersAndServeAdmins() {
        List<RouteSpec> admin =
                Contract.get().routes().stream().filter(RouteSpec::admin).toList();
        assertFalse(admin.isEmpty(), "the contract marks no admin route");
        for (RouteSpec route : admin) {
            assertEquals(403, call(route, "[reviewer]").getStatusCode(), route.routeKey());
            assertTrue(call(route, "[reviewer]").getBody().contains("\"forbidden\""), route.routeKey());
            assertEquals(403, call(route, null).getStatusCode(), route.routeKey() + " without groups");
            assertEquals(200, call(route, "[reviewer admin]").getStatusCode(), route.routeKey());
        }
    }

    @Test
    void otherRoutesServeReviewers() {
        for (RouteSpec route :
                Contract.get().routes().stream().filter(r -> !r.admin()).toList()) {
            assertEquals(200, call(route, "[reviewer]").getStatusCode(), route.routeKey());
        }
    }

    /** The route's function with a stub endpoint that answers 200, called with the given Cognito groups claim. */
    private static APIGatewayV2HTTPResponse call(RouteSpec route, String groups) {
        HttpApiAdapter adapter = new HttpApiAdapter(
                route.function(), Map.of(route.routeKey(), request -> ApiResponse.ok(Map.of("reached", true))));
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt =
                new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
        jwt.setClaims(
                groups == null
                        ? Map.of("cognito:username", "sam")
                        : Map.of("cognito:username", "sam", "cognito:groups", groups));
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer =
                new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        authorizer.setJwt(jwt);
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setAuthorizer(authorizer);
        context.setRequestId("test");
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey(route.routeKey());
        event.setRequestContext(context);
        return adapter.handle(event);
    }
}
