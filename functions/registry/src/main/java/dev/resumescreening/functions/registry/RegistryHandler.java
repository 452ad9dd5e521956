package dev.resumescreening.functions.registry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.resumescreening.di.AppComponent;
import dev.resumescreening.json.Json;
import dev.resumescreening.lambda.HttpApiAdapter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The registry function: the model registry's API routes. SageMaker's state-change events go to the
 * {@link SageMakerEventsHandler sagemaker-events} function; this one refuses any event that is not an API Gateway
 * request (those carry a {@code routeKey}).
 */
public final class RegistryHandler implements RequestStreamHandler {
    public static final String FUNCTION = "registry";

    private final HttpApiAdapter api;

    public RegistryHandler() {
        this(AppComponent.fromEnvironment());
    }

    public RegistryHandler(AppComponent app) {
        this.api = new HttpApiAdapter(FUNCTION, app.registryApi().routes());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        if (!api.answerIfRequest(
                Json.MAPPER.readTree(input), output, context == null ? null : context.getAwsRequestId())) {
            throw new IllegalArgumentException("the " + FUNCTION + " function answers API Gateway requests only (an "
                    + "event with a routeKey); \"" + SageMakerStateChanges.DETAIL_TYPE + "\" events go to the "
                    + SageMakerEventsHandler.FUNCTION + " function");
        }
    }

    public APIGatewayV2HTTPResponse handleApi(APIGatewayV2HTTPEvent event) {
        return api.handle(event);
    }
}
