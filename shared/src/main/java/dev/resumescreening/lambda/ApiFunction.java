package dev.resumescreening.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.resumescreening.http.Endpoint;
import java.util.Map;

/**
 * A Lambda function serving some of the HTTP API's routes; subclasses only name the function and its endpoints.
 * Before a SnapStart snapshot the function answers each of its read routes once ({@link
 * HttpApiAdapter#primeReadRoutes()}), then does any {@code extraPriming} of its own.
 */
public abstract class ApiFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final HttpApiAdapter api;
    private final SnapStartPriming priming;

    protected ApiFunction(String function, Map<String, Endpoint> endpoints) {
        this(function, endpoints, () -> {});
    }

    protected ApiFunction(String function, Map<String, Endpoint> endpoints, Runnable extraPriming) {
        this.api = new HttpApiAdapter(function, endpoints);
        this.priming = SnapStartPriming.register(function, () -> {
            api.primeReadRoutes();
            extraPriming.run();
        });
    }

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return api.handle(event, context == null ? null : context.getAwsRequestId());
    }

    /** What runs before a SnapStart snapshot of this function. */
    public final SnapStartPriming snapStartPriming() {
        return priming;
    }
}
