package dev.resumescreening.di;

import dagger.Module;
import dagger.Provides;
import dev.resumescreening.config.Settings;
import java.time.Duration;
import javax.inject.Singleton;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Each AWS client is built once per container, with an explicit region and the light URL-connection HTTP client.
 * Endpoint overrides (AWS_ENDPOINT_URL, or per service AWS_ENDPOINT_URL_S3 ...) point clients at an emulator; S3
 * then uses path-style addressing.
 */
@Module
public final class AwsModule {
    private AwsModule() {}

    @Provides
    @Singleton
    public static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(3))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
    }

    @Provides
    @Singleton
    public static DynamoDbClient dynamoDb(Settings settings, SdkHttpClient http) {
        return configure(DynamoDbClient.builder(), settings, "dynamodb")
                .httpClient(http)
                .build();
    }

    @Provides
    @Singleton
    public static S3Client s3(Settings settings, SdkHttpClient http) {
        return configure(S3Client.builder(), settings, "s3")
                .forcePathStyle(settings.endpoint("s3").isPresent())
                .httpClient(http)
                .build();
    }

    @Provides
    @Singleton
    public static BedrockRuntimeClient bedrock(Settings settings, SdkHttpClient http) {
        return configure(BedrockRuntimeClient.builder(), settings, "bedrock_runtime")
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(6)
                        .build()))
                .httpClient(http)
                .build();
    }

    /** Signs temporary S3 URLs with the function's own credentials, for the same endpoint as {@link #s3}. */
    @Provides
    @Singleton
    public static S3Presigner presigner(Settings settings) {
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(Region.of(settings.region()))
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(settings.endpoint("s3").isPresent())
                        .build());
        settings.endpoint("s3").ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** Region and endpoint override for any SDK client; the function modules build their own few clients with it. */
    public static <B extends AwsClientBuilder<B, ?>> B configure(B builder, Settings settings, String serviceId) {
        builder.region(Region.of(settings.region()));
        settings.endpoint(serviceId).ifPresent(builder::endpointOverride);
        return builder;
    }
}
