package dev.resumescreening.local;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where a command finds the stack: the emulators' data directory, or LocalStack/moto/AWS at an endpoint. */
final class StackOptions {
    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = ".local-data",
            description =
                    "the embedded emulators' data (the running serve's if there is one); default: ${DEFAULT-VALUE}")
    Path dataDir;

    @Option(
            names = "--aws-endpoint",
            paramLabel = "URL",
            description = "use the tables and bucket at this endpoint (LocalStack, moto) instead of the emulators")
    String awsEndpoint;

    LocalEnvironment open() {
        return LocalEnvironment.start(dataDir, awsEndpoint);
    }

    LocalEnvironment open(Map<String, String> overrides) {
        return LocalEnvironment.start(dataDir, awsEndpoint, overrides);
    }
}
