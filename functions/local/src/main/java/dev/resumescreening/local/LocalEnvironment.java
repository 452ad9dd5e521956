package dev.resumescreening.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.resumescreening.adapters.dynamodb.PageTokens;
import dev.resumescreening.config.Settings;
import dev.resumescreening.di.AppComponent;
import dev.resumescreening.emulators.dynamodb.DynamoDbEmulator;
import dev.resumescreening.emulators.s3.S3Emulator;
import dev.resumescreening.functions.compliance.ComplianceHandler;
import dev.resumescreening.functions.feedback.FeedbackHandler;
import dev.resumescreening.functions.jobs.JobsHandler;
import dev.resumescreening.functions.registry.RegistryHandler;
import dev.resumescreening.functions.results.ResultsHandler;
import dev.resumescreening.functions.status.StatusHandler;
import dev.resumescreening.functions.trainer.ScheduledTrainingHandler;
import dev.resumescreening.functions.trigger.TriggerHandler;
import dev.resumescreening.functions.upload.UploadHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The whole stack on one machine: the real handlers wired by the real Dagger graph, against the embedded DynamoDB
 * and S3 emulators (data kept under a directory), or against any AWS-compatible endpoint (LocalStack, moto).
 */
final class LocalEnvironment implements AutoCloseable {
    static {
        // The JDK's HTTP server delays small responses by ~40 ms (Nagle) unless this is set before the first server
        // in the JVM starts; the emulators and the API server all are JDK HTTP servers.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // Read timeouts, also read once per JVM: a connection that has not sent its whole request (headers and body)
        // within maxReqTime seconds, or not taken its whole response within maxRspTime, is closed, so clients that
        // stall half-way cannot hold the server's threads.
        if (System.getProperty(LocalHttpServer.MAX_REQUEST_SECONDS) == null) {
            System.setProperty(LocalHttpServer.MAX_REQUEST_SECONDS, "30");
        }
        if (System.getProperty(LocalHttpServer.MAX_RESPONSE_SECONDS) == null) {
            System.setProperty(LocalHttpServer.MAX_RESPONSE_SECONDS, "60");
        }
    }

    private final DynamoDbEmulator dynamoEmulator;
    private final S3Emulator s3Emulator;
    private final DataDirectory lock;
    private final Settings settings;
    private final AppComponent app;
    private final Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> functions;
    private final ScheduledTrainingHandler scheduledTraining;
    private final InProcessTrainingLauncher trainingLauncher;
    private final ComplianceHandler compliance;

    private LocalEnvironment(
            DynamoDbEmulator dynamoEmulator,
            S3Emulator s3Emulator,
            Settings settings,
            DataDirectory lock,
            boolean createMissingStorage) {
        this.lock = lock;
        this.dynamoEmulator = dynamoEmulator;
        this.s3Emulator = s3Emulator;
        this.settings = settings;
        this.app = AppComponent.create(settings);
        if (createMissingStorage) {
            ResourceProvisioner.ensure(app.dynamoDb(), app.s3(), settings);
        } else {
            ResourceProvisioner.requireExisting(app.dynamoDb(), app.s3(), settings);
        }
        this.scheduledTraining = new ScheduledTrainingHandler(app);
        this.trainingLauncher = new InProcessTrainingLauncher(scheduledTraining);
        RegistryHandler registry = new RegistryHandler(app);
        this.compliance = new ComplianceHandler(app);
        ComplianceHandler complianceFunction = compliance;
        this.functions = Map.of(
                JobsHandler.FUNCTION, new JobsHandler(app),
                UploadHandler.FUNCTION, new UploadHandler(app),
                ResultsHandler.FUNCTION, new ResultsHandler(app),
                FeedbackHandler.FUNCTION, new FeedbackHandler(app),
                StatusHandler.FUNCTION, new StatusHandler(app),
                TriggerHandler.FUNCTION, new TriggerHandler(app, trainingLauncher),
                RegistryHandler.FUNCTION, (event, context) -> registry.handleApi(event),
                ComplianceHandler.FUNCTION, (event, context) -> complianceFunction.handleApi(event));
    }

    /** Starts the emulators under {@code dataDir}, or uses {@code awsEndpoint} when it is given. */
    static LocalEnvironment start(Path dataDir, String awsEndpoint) {
        return start(dataDir, awsEndpoint, Map.of());
    }

    /**
     * As {@link #start(Path, String)}; with {@code createMissingStorage} false the tables and the bucket must exist
     * already (made by Terraform), and starting fails naming whatever is missing.
     */
    static LocalEnvironment start(Path dataDir, String awsEndpoint, boolean createMissingStorage) {
        return start(dataDir, awsEndpoint, Map.of(), createMissingStorage);
    }

    /** As {@link #start(Path, String)}, with settings that take precedence over the environment's. */
    static LocalEnvironment start(Path dataDir, String awsEndpoint, Map<String, String> overrides) {
        return start(dataDir, awsEndpoint, overrides, true);
    }

    private static LocalEnvironment start(
            Path dataDir, String awsEndpoint, Map<String, String> overrides, boolean createMissingStorage) {
        useLocalCredentialsUnlessConfigured();
        Map<String, String> variables = new HashMap<>(System.getenv());
        variables.putAll(overrides);
        String pageTokenKey = variables.get(PageTokens.KEY_SETTING);
        if (pageTokenKey == null || pageTokenKey.isBlank()) {
            variables.put(PageTokens.KEY_SETTING, DataDirectory.pageTokenKey(dataDir));
        }
        if (awsEndpoint != null) {
            variables.put(Settings.ENDPOINT, awsEndpoint);
            return new LocalEnvironment(null, null, Settings.of(variables), null, createMissingStorage);
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        }
        Optional<Map<String, String>> running = DataDirectory.endpointsOfRunningStack(dataDir);
        if (running.isPresent()) {
            variables.putAll(running.get());
            return new LocalEnvironment(null, null, Settings.of(variables), null, createMissingStorage);
        }
        DataDirectory lock = DataDirectory.lock(dataDir);
        DynamoDbEmulator dynamo = DynamoDbEmulator.start(0, dataDir.resolve("dynamodb"));
        S3Emulator s3 = S3Emulator.start(0, dataDir.resolve("s3"));
        variables.put(Settings.ENDPOINT + "_DYNAMODB", dynamo.endpoint().toString());
        variables.put(Settings.ENDPOINT + "_S3", s3.endpoint().toString());
        LocalEnvironment environment =
                new LocalEnvironment(dynamo, s3, Settings.of(variables), lock, createMissingStorage);
        lock.publish(environment.endpointVariables());
        return environment;
    }

    /** Emulators accept any credentials; a real endpoint gets whatever the default chain finds. */
    private static void useLocalCredentialsUnlessConfigured() {
        if (System.getenv("AWS_ACCESS_KEY_ID") == null
                && System.getenv("AWS_PROFILE") == null
                && System.getProperty("aws.accessKeyId") == null) {
            System.setProperty("aws.accessKeyId", "local");
            System.setProperty("aws.secretAccessKey", "local");
        }
    }

    RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function(String name) {
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler = functions.get(name);
        if (handler == null) {
            throw new IllegalStateException("the local stack has no function '" + name + "'");
        }
        return handler;
    }

    Settings settings() {
        return settings;
    }

    AppComponent app() {
        return app;
    }

    /** The scheduled-training function, as EventBridge and direct invokes reach it. */
    ScheduledTrainingHandler scheduledTraining() {
        return scheduledTraining;
    }

    /** The compliance function, as the daily schedule reaches it (the retention sweep). */
    ComplianceHandler compliance() {
        return compliance;
    }

    InProcessTrainingLauncher trainingLauncher() {
        return trainingLauncher;
    }

    /** The endpoint variables a child JVM needs to reach the same storage. */
    Map<String, String> endpointVariables() {
        Map<String, String> variables = new HashMap<>();
        for (String service : new String[] {"dynamodb", "s3"}) {
            settings.endpoint(service)
                    .ifPresent(uri ->
                            variables.put(Settings.ENDPOINT + "_" + service.toUpperCase(Locale.ROOT), uri.toString()));
        }
        return variables;
    }

    @Override
    public void close() {
        trainingLauncher.close();
        if (s3Emulator != null) {
            s3Emulator.close();
        }
        if (dynamoEmulator != null) {
            dynamoEmulator.close();
        }
        if (lock != null) {
            lock.close();
        }
    }
}
