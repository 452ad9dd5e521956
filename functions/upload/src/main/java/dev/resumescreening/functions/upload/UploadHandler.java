package dev.resumescreening.functions.upload;

import dev.resumescreening.di.AppComponent;
import dev.resumescreening.lambda.ApiFunction;

/** The upload function: its routes are listed under "upload" in contract.json. */
public final class UploadHandler extends ApiFunction {
    public static final String FUNCTION = "upload";

    public UploadHandler() {
        this(AppComponent.fromEnvironment());
    }

    public UploadHandler(AppComponent app) {
        super(FUNCTION, app.uploadApi().routes());
    }
}
