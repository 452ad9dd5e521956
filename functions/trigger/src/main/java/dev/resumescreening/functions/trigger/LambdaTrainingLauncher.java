package dev.resumescreening.functions.trigger;

import dev.resumescreening.config.Settings;
import dev.resumescreening.di.AwsModule;
import dev.resumescreening.json.Json;
import dev.resumescreening.training.TrainingLauncher;
import dev.resumescreening.training.TrainingRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/** Starts the scheduled-training function with an asynchronous (Event) invoke carrying the queued run's id. */
public final class LambdaTrainingLauncher implements TrainingLauncher {
    private final LambdaClient lambda;
    private final String functionName;

    public LambdaTrainingLauncher(LambdaClient lambda, String functionName) {
        this.lambda = lambda;
        this.functionName = functionName;
    }

    public static LambdaTrainingLauncher create(Settings settings, SdkHttpClient http) {
        return new LambdaTrainingLauncher(
                AwsModule.configure(LambdaClient.builder(), settings, "lambda")
                        .httpClient(http)
                        .build(),
                settings.get("TRAINING_FUNCTION_NAME"));
    }

    @Override
    public void launch(TrainingRequest request) {
        if (functionName.isBlank()) {
            throw new IllegalStateException("TRAINING_FUNCTION_NAME is not set");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("run_id", request.runId());
        payload.put("force", request.force());
        payload.put("min_samples", request.minSamples());
        payload.put("dry_run", false);
        lambda.invoke(b -> b.functionName(functionName)
                .invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromByteArray(Json.writeBytes(payload))));
    }
}
