package dev.resumescreening.functions.results;

import dev.resumescreening.di.AppComponent;
import dev.resumescreening.lambda.ApiFunction;

/** The results function: its routes are listed under "results" in contract.json. */
public final class ResultsHandler extends ApiFunction {
    public static final String FUNCTION = "results";

    public ResultsHandler() {
        this(AppComponent.fromEnvironment());
    }

    public ResultsHandler(AppComponent app) {
        super(FUNCTION, app.resultsApi().routes());
    }
}
