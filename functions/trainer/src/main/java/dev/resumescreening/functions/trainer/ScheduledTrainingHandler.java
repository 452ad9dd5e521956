package dev.resumescreening.functions.trainer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.resumescreening.di.AppComponent;
import dev.resumescreening.json.Json;
import dev.resumescreening.model.Hyperparameters;
import dev.resumescreening.screening.SimilarityModel;
import dev.resumescreening.trainer.DjlRuntime;
import dev.resumescreening.training.ScheduledTraining;
import dev.resumescreening.training.TrainingRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;

/**
 * The scheduled-training function (trainer image): the daily EventBridge schedule, the trigger API's asynchronous
 * invoke and direct invokes all come here; the answer says what the run did.
 */
public final class ScheduledTrainingHandler implements RequestStreamHandler {
    public static final String FUNCTION = "scheduled-training";

    static final String OVERRIDES = "TRAINING_HYPERPARAMETERS";

    private final ScheduledTraining training;

    public ScheduledTrainingHandler() {
        this(AppComponent.fromEnvironment());
    }

    public ScheduledTrainingHandler(AppComponent app) {
        this(app, hyperparameters(app));
    }

    private ScheduledTrainingHandler(AppComponent app, Hyperparameters hyperparameters) {
        this(app.scheduledTraining()
                .create(
                        new DjlModelTrainer(hyperparameters, Clock.systemUTC()),
                        SageMakerTraining.create(app.settings(), app.httpClient(), hyperparameters)));
    }

    /**
     * The guide's defaults overridden by TRAINING_HYPERPARAMETERS (a JSON object, e.g. {"epochs":"80"}), warm-started
     * from the similarity model of this stack's embedder (the calibration that serves version 0); SageMaker jobs
     * receive the same values as hyperparameters.
     */
    static Hyperparameters hyperparameters(AppComponent app) {
        SimilarityModel baseline = SimilarityModel.forEmbedder(app.embedder().name());
        return Hyperparameters.parse(overrides(app.settings().get(OVERRIDES)))
                .withBaseline(baseline.center(), baseline.steepness());
    }

    static Map<String, String> overrides(String json) {
        return Hyperparameters.wireValues(json, OVERRIDES);
    }

    public ScheduledTrainingHandler(ScheduledTraining training) {
        DjlRuntime.configure();
        this.training = training;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Map<String, Object> report = handle(TrainingRequests.parse(Json.MAPPER.readTree(input)));
        output.write(Json.writeBytes(report));
    }

    public Map<String, Object> handle(TrainingRequest request) {
        return training.run(request);
    }
}
