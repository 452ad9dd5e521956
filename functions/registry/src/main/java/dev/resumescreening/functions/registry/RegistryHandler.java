package dev.resumescreening.functions.registry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.di.AppComponent;
import dev.resumescreening.json.Json;
import dev.resumescreening.lambda.HttpApiAdapter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The registry function. One handler for two kinds of event: API Gateway requests (they carry a {@code routeKey})
 * for the registry routes, and EventBridge "SageMaker Training Job State Change" events (a {@code detail-type}).
 */
public final class RegistryHandler implements RequestStreamHandler {
    public static final String FUNCTION = "registry";

    private final HttpApiAdapter api;
    private final SageMakerStateChanges stateChanges;

    public RegistryHandler() {
        this(AppComponent.fromEnvironment());
    }

    public RegistryHandler(AppComponent app) {
        this.api = new HttpApiAdapter(FUNCTION, app.registryApi().routes());
        this.stateChanges = new SageMakerStateChanges(app.remoteTrainingCompletion(),
                new SageMakerPackages(app.documents(), app.settings()));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        if (api.answerIfRequest(event, output, context == null ? null : context.getAwsRequestId())) {
            return;
        }
        if (event == null || !SageMakerStateChanges.DETAIL_TYPE.equals(event.path("detail-type").asText())) {
            throw new IllegalArgumentException("expected an API Gateway request or a \""
                    + SageMakerStateChanges.DETAIL_TYPE + "\" event");
        }
        output.write(Json.writeBytes(stateChanges.handle(event.path("detail"))));
    }

    public APIGatewayV2HTTPResponse handleApi(APIGatewayV2HTTPEvent event) {
        return api.handle(event);
    }
}
