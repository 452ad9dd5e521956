package dev.resumescreening.functions.jobs;

import dev.resumescreening.di.AppComponent;
import dev.resumescreening.lambda.ApiFunction;

/** The jobs function: its routes are listed under "jobs" in contract.json. */
public final class JobsHandler extends ApiFunction {
    public static final String FUNCTION = "jobs";

    public JobsHandler() {
        this(AppComponent.fromEnvironment());
    }

    public JobsHandler(AppComponent app) {
        super(FUNCTION, app.jobsApi().routes());
    }
}
