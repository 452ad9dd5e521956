package dev.resumescreening.functions.registry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resumescreening.di.AppComponent;
import dev.resumescreening.json.Json;
import dev.resumescreening.lambda.HttpApiAdapter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The registry function. One handler for two kinds of event: API Gateway requests (they carry a {@code routeKey})
 * for the registry routes, and EventBridge "SageMaker Training Job State Change" events (a {@code detail-type}).
 */
public final class RegistryHandler implements RequestStreamHandler {
    public static final String FUNCTION = "registry";
    private static final ObjectMapper LAMBDA_JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

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
        JsonNode event = LAMBDA_JSON.readTree(input);
        if (event != null && event.has("routeKey")) {
            APIGatewayV2HTTPResponse response = handleApi(LAMBDA_JSON.treeToValue(event, APIGatewayV2HTTPEvent.class));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("statusCode", response.getStatusCode());
            body.put("headers", response.getHeaders());
            body.put("body", response.getBody());
            body.put("isBase64Encoded", false);
            LAMBDA_JSON.writeValue(output, body);
        } else if (event != null && SageMakerStateChanges.DETAIL_TYPE.equals(event.path("detail-type").asText())) {
            output.write(Json.writeBytes(stateChanges.handle(event.path("detail"))));
        } else {
            throw new IllegalArgumentException("expected an API Gateway request or a \""
                    + SageMakerStateChanges.DETAIL_TYPE + "\" event");
        }
    }

    public APIGatewayV2HTTPResponse handleApi(APIGatewayV2HTTPEvent event) {
        return api.handle(event);
    }
}
