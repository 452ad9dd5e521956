package dev.resumescreening.functions.feedback;

import dev.resumescreening.di.AppComponent;
import dev.resumescreening.lambda.ApiFunction;

/** The feedback function: its routes are listed under "feedback" in contract.json. */
public final class FeedbackHandler extends ApiFunction {
    public static final String FUNCTION = "feedback";

    public FeedbackHandler() {
        this(AppComponent.fromEnvironment());
    }

    public FeedbackHandler(AppComponent app) {
        super(FUNCTION, app.feedbackApi().routes());
    }
}
