package dev.resumescreening.functions.upload;

import dev.resumescreening.di.AppComponent;
import dev.resumescreening.di.ColdStart;
import dev.resumescreening.lambda.ApiFunction;

/** The upload function: its routes are listed under "upload" in contract.json. */
public final class UploadHandler extends ApiFunction {
    public static final String FUNCTION = "upload";

    /** Lambda's entry point: the S3 client is built on another thread while this one builds the DynamoDB side. */
    public UploadHandler() {
        this(ColdStart.prebuild(AppComponent.fromEnvironment(), AppComponent::s3));
    }

    /** Before a SnapStart snapshot, also screens a built-in PDF (storing nothing) to load the scoring path. */
    public UploadHandler(AppComponent app) {
        super(FUNCTION, app.uploadApi().routes(), app.screening()::rehearse);
    }
}
