package dev.resumescreening.functions.status;

import dev.resumescreening.di.AppComponent;
import dev.resumescreening.lambda.ApiFunction;

/** The status function: its routes are listed under "status" in contract.json. */
public final class StatusHandler extends ApiFunction {
    public static final String FUNCTION = "status";

    public StatusHandler() {
        this(AppComponent.fromEnvironment());
    }

    public StatusHandler(AppComponent app) {
        super(FUNCTION, app.statusApi().routes());
    }
}
