package dev.resumescreening.di;

import dagger.BindsInstance;
import dagger.Component;
import dev.resumescreening.api.ComplianceApi;
import dev.resumescreening.api.FeedbackApi;
import dev.resumescreening.api.JobsApi;
import dev.resumescreening.api.RegistryApi;
import dev.resumescreening.api.ResultsApi;
import dev.resumescreening.api.StatusApi;
import dev.resumescreening.api.UploadApi;
import dev.resumescreening.compliance.AdverseImpactService;
import dev.resumescreening.compliance.AuditExporter;
import dev.resumescreening.compliance.ErasureService;
import dev.resumescreening.config.Settings;
import dev.resumescreening.export.TrainingDataExporter;
import dev.resumescreening.maintenance.IndexKeyBackfill;
import dev.resumescreening.ports.DocumentStore;
import dev.resumescreening.ports.Embedder;
import dev.resumescreening.ports.ResultRepository;
import dev.resumescreening.registry.ModelRegistry;
import dev.resumescreening.review.ReviewService;
import dev.resumescreening.review.TrainingStatusService;
import dev.resumescreening.screening.JobService;
import dev.resumescreening.screening.ScreeningService;
import dev.resumescreening.screening.SimilarApplicants;
import dev.resumescreening.training.RemoteTrainingCompletion;
import dev.resumescreening.training.ScheduledTraining;
import dev.resumescreening.training.TrainingRuns;
import javax.inject.Singleton;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The compile-time object graph. Each function asks only for its own API, and Dagger builds only what that API
 * needs, so a function never pays at start-up for clients it does not use.
 */
@Singleton
@Component(modules = {AwsModule.class, CoreModule.class})
public interface AppComponent {
    JobsApi jobsApi();

    UploadApi uploadApi();

    ScreeningService screening();

    ResultsApi resultsApi();

    FeedbackApi feedbackApi();

    StatusApi statusApi();

    TrainingStatusService trainingStatus();

    TrainingDataExporter exporter();

    ReviewService reviews();

    JobService jobs();

    SimilarApplicants similarApplicants();

    Embedder embedder();

    RegistryApi registryApi();

    ComplianceApi complianceApi();

    ErasureService erasure();

    IndexKeyBackfill indexKeyBackfill();

    AdverseImpactService adverseImpact();

    AuditExporter auditExporter();

    ModelRegistry modelRegistry();

    TrainingRuns trainingRuns();

    ScheduledTraining.Factory scheduledTraining();

    RemoteTrainingCompletion remoteTrainingCompletion();

    DocumentStore documents();

    ResultRepository results();

    Settings settings();

    SdkHttpClient httpClient();

    DynamoDbClient dynamoDb();

    S3Client s3();

    @Component.Factory
    interface Factory {
        AppComponent create(@BindsInstance Settings settings);
    }

    static AppComponent create(Settings settings) {
        return DaggerAppComponent.factory().create(settings);
    }

    /** The container's one graph, built from the environment on first use. */
    static AppComponent fromEnvironment() {
        return EnvironmentHolder.COMPONENT;
    }

    final class EnvironmentHolder {
        static final AppComponent COMPONENT = build();

        private static AppComponent build() {
            ColdStart.inBackground("tls", ColdStart::loadTls);
            ColdStart.inBackground("json", ColdStart::loadJson);
            return create(Settings.fromEnvironment());
        }

        private EnvironmentHolder() {}
    }
}
