package dev.resumescreening.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.resumescreening.http.Endpoint;
import java.util.Map;

/** A Lambda function serving some of the HTTP API's routes; subclasses only name the function and its endpoints. */
public abstract class ApiFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final HttpApiAdapter api;

    protected ApiFunction(String function, Map<String, Endpoint> endpoints) {
        this.api = new HttpApiAdapter(function, endpoints);
    }

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return api.handle(event, context == null ? null : context.getAwsRequestId());
    }
}
