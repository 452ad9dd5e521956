package dev.resumescreening.functions.trigger;

import dev.resumescreening.api.TriggerApi;
import dev.resumescreening.di.AppComponent;
import dev.resumescreening.lambda.ApiFunction;
import dev.resumescreening.training.TrainingLauncher;

/** The trigger function: its routes are listed under "trigger" in contract.json. */
public final class TriggerHandler extends ApiFunction {
    public static final String FUNCTION = "trigger";

    public TriggerHandler() {
        this(AppComponent.fromEnvironment());
    }

    public TriggerHandler(AppComponent app) {
        this(app, LambdaTrainingLauncher.create(app.settings(), app.httpClient()));
    }

    public TriggerHandler(AppComponent app, TrainingLauncher launcher) {
        super(FUNCTION, new TriggerApi(app.trainingRuns(), launcher).routes());
    }
}
