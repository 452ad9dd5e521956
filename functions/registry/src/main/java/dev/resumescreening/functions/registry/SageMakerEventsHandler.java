package dev.resumescreening.functions.registry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.di.AppComponent;
import dev.resumescreening.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * The sagemaker-events function: EventBridge "SageMaker Training Job State Change" events of this stack's training
 * jobs finish their runs (see {@link SageMakerStateChanges}); any other event is refused.
 */
public final class SageMakerEventsHandler implements RequestStreamHandler {
    public static final String FUNCTION = "sagemaker-events";

    private final SageMakerStateChanges stateChanges;

    public SageMakerEventsHandler() {
        this(AppComponent.fromEnvironment());
    }

    public SageMakerEventsHandler(AppComponent app) {
        this.stateChanges = new SageMakerStateChanges(
                app.remoteTrainingCompletion(), new SageMakerPackages(app.documents(), app.settings()));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(Json.writeBytes(handle(Json.MAPPER.readTree(input))));
    }

    public Map<String, Object> handle(JsonNode event) {
        String detailType = event == null ? "" : event.path("detail-type").asText();
        if (!SageMakerStateChanges.DETAIL_TYPE.equals(detailType)) {
            throw new IllegalArgumentException("the " + FUNCTION + " function takes \""
                    + SageMakerStateChanges.DETAIL_TYPE + "\" events only, got "
                    + (detailType.isEmpty() ? "an event without a detail-type" : "\"" + detailType + "\""));
        }
        return stateChanges.handle(event.path("detail"));
    }
}
