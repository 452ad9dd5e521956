package dev.resumescreening.di;

import dagger.Lazy;
import dagger.Module;
import dagger.Provides;
import dev.resumescreening.adapters.bedrock.BedrockTitanEmbedder;
import dev.resumescreening.adapters.dynamodb.DynamoComplianceStore;
import dev.resumescreening.adapters.dynamodb.DynamoIndexKeyStore;
import dev.resumescreening.adapters.dynamodb.DynamoJobRepository;
import dev.resumescreening.adapters.dynamodb.DynamoModelRegistryStore;
import dev.resumescreening.adapters.dynamodb.DynamoResultRepository;
import dev.resumescreening.adapters.dynamodb.DynamoReviewStore;
import dev.resumescreening.adapters.dynamodb.DynamoSampleCounter;
import dev.resumescreening.adapters.dynamodb.DynamoTrainingLock;
import dev.resumescreening.adapters.dynamodb.DynamoTrainingRunStore;
import dev.resumescreening.adapters.dynamodb.PageTokens;
import dev.resumescreening.adapters.s3.S3DocumentStore;
import dev.resumescreening.compliance.ComplianceStore;
import dev.resumescreening.compliance.ErasureService;
import dev.resumescreening.config.Settings;
import dev.resumescreening.embedding.HybridEmbedder;
import dev.resumescreening.embedding.LexicalEmbedder;
import dev.resumescreening.maintenance.IndexKeyStore;
import dev.resumescreening.ports.DocumentStore;
import dev.resumescreening.ports.Embedder;
import dev.resumescreening.ports.JobRepository;
import dev.resumescreening.ports.ModelSelector;
import dev.resumescreening.ports.ResultRepository;
import dev.resumescreening.registry.ModelArtifactStore;
import dev.resumescreening.registry.ModelRegistryStore;
import dev.resumescreening.registry.RegistryModelSelector;
import dev.resumescreening.review.ReviewStore;
import dev.resumescreening.review.TrainingStatusService;
import dev.resumescreening.screening.ResumeUpload;
import dev.resumescreening.text.DocumentTextExtractor;
import dev.resumescreening.training.SampleCounter;
import dev.resumescreening.training.TrainingLock;
import dev.resumescreening.training.TrainingRunStore;
import java.time.Clock;
import java.time.Duration;
import javax.inject.Named;
import javax.inject.Provider;
import javax.inject.Singleton;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Binds the ports to their AWS adapters and reads the settings each service needs. */
@Module
public final class CoreModule {
    static final String EMBEDDER = "EMBEDDER";

    private CoreModule() {}

    @Provides
    @Singleton
    static Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    @Singleton
    static PageTokens pageTokens(Settings settings) {
        return PageTokens.fromSetting(settings.get(PageTokens.KEY_SETTING));
    }

    @Provides
    @Singleton
    static JobRepository jobs(DynamoDbClient dynamo, Settings settings, PageTokens pageTokens) {
        return new DynamoJobRepository(
                dynamo, settings.tableName("jobs"), pageTokens, settings.tableName("training_counters"));
    }

    @Provides
    @Singleton
    static ResultRepository results(DynamoDbClient dynamo, Settings settings, PageTokens pageTokens) {
        return new DynamoResultRepository(
                dynamo,
                settings.tableName("screening_results"),
                pageTokens,
                settings.tableName("self_identification"),
                settings.tableName("upload_claims"),
                settings.tableName("training_counters"));
    }

    @Provides
    @Singleton
    static DocumentStore documents(S3Client s3, Settings settings, Lazy<S3Presigner> presigner) {
        return new S3DocumentStore(
                s3, settings.bucket(), presigner::get, settings.get(S3DocumentStore.KMS_KEY_SETTING));
    }

    @Provides
    @Singleton
    static DocumentTextExtractor extractor(Settings settings) {
        return new DocumentTextExtractor(settings.intValue("MAX_PDF_PAGES"), settings.longValue("PDF_TEXT_BUDGET_MS"));
    }

    @Provides
    @Singleton
    static Embedder embedder(Settings settings, Provider<BedrockRuntimeClient> bedrock) {
        String kind = settings.get(EMBEDDER);
        return switch (kind) {
            case "bedrock" ->
                new HybridEmbedder(
                        new LexicalEmbedder(),
                        new BedrockTitanEmbedder(bedrock.get(), settings.get("EMBEDDING_MODEL_ID")));
            case "local" -> new LexicalEmbedder();
            default ->
                throw new IllegalStateException("EMBEDDER must be 'bedrock' (lexical and Titan, hybrid) or"
                        + " 'local' (lexical), got '" + kind + "'");
        };
    }

    @Provides
    @Singleton
    static ModelSelector models(
            ModelRegistryStore registry,
            ModelArtifactStore artifacts,
            Embedder embedder,
            Clock clock,
            Settings settings) {
        return new RegistryModelSelector(
                registry, artifacts, embedder, clock, Duration.ofSeconds(settings.longValue("MODEL_CACHE_SECONDS")));
    }

    @Provides
    @Singleton
    static ModelRegistryStore modelRegistry(DynamoDbClient dynamo, Settings settings) {
        return new DynamoModelRegistryStore(dynamo, settings.tableName("models"));
    }

    @Provides
    @Singleton
    static TrainingRunStore trainingRuns(DynamoDbClient dynamo, Settings settings, PageTokens pageTokens) {
        return new DynamoTrainingRunStore(dynamo, settings.tableName("training_runs"), pageTokens);
    }

    @Provides
    @Singleton
    static TrainingLock trainingLock(DynamoDbClient dynamo, Settings settings, Clock clock) {
        return new DynamoTrainingLock(dynamo, settings.tableName("locks"), clock);
    }

    @Provides
    @Singleton
    static SampleCounter sampleCounter(DynamoDbClient dynamo, Settings settings) {
        return new DynamoSampleCounter(dynamo, settings.tableName("training_counters"));
    }

    @Provides
    @Singleton
    static ReviewStore reviewStore(DynamoDbClient dynamo, Settings settings) {
        return new DynamoReviewStore(
                dynamo,
                settings.tableName("screening_results"),
                settings.tableName("training_counters"),
                settings.tableName("review_history"));
    }

    @Provides
    @Named(TrainingStatusService.THRESHOLD)
    static long trainingThreshold(Settings settings) {
        return settings.longValue("TRAINING_THRESHOLD");
    }

    @Provides
    @Singleton
    static ComplianceStore complianceStore(DynamoDbClient dynamo, Settings settings) {
        return new DynamoComplianceStore(
                dynamo,
                settings.tableName("screening_results"),
                settings.tableName("self_identification"),
                settings.tableName("review_history"),
                settings.tableName("training_counters"),
                settings.tableName("upload_claims"));
    }

    @Provides
    @Singleton
    static IndexKeyStore indexKeyStore(DynamoDbClient dynamo, Settings settings) {
        return new DynamoIndexKeyStore(
                dynamo,
                settings.tableName("screening_results"),
                settings.tableName("training_runs"),
                settings.tableName("training_counters"));
    }

    @Provides
    @Named(ErasureService.RETENTION_DAYS)
    static long retentionDays(Settings settings) {
        return settings.longValue(ErasureService.RETENTION_DAYS);
    }

    @Provides
    @Named(ResumeUpload.MAX_BYTES)
    static long maxUploadBytes(Settings settings) {
        return settings.longValue("MAX_UPLOAD_BYTES");
    }
}
