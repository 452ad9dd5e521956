package dev.resumescreening.local;

import dev.resumescreening.config.Contract.RouteSpec;
import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.domain.ProblemKind;
import java.net.BindException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "serve",
        description = {
            "Start the API and the web app on embedded DynamoDB and S3 emulators (or on "
                    + "LocalStack/moto with --aws-endpoint); missing tables and the bucket are created unless --no-create-storage, "
                    + "which fails instead."
        })
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "default: ${DEFAULT-VALUE}")
    int port;

    @Mixin
    StackOptions stack;

    @Option(names = "--no-create-storage", description = "fail if the tables or the bucket are missing")
    boolean noCreateStorage;

    @Override
    public Integer call() throws Exception {
        LocalEnvironment environment = LocalEnvironment.start(stack.dataDir, stack.awsEndpoint, !noCreateStorage);
        LocalHttpServer server;
        try {
            server = LocalHttpServer.start(environment, port);
        } catch (BindException inUse) {
            environment.close();
            throw new ProblemException(
                    ProblemKind.UNAVAILABLE,
                    "port_in_use",
                    "port " + port + " on 127.0.0.1 is already in use; choose another with --port N");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            environment.close();
            stopped.countDown();
        }));
        String url = "http://127.0.0.1:" + server.port();
        System.out.println("resume-screening local stack ready at " + url);
        System.out.println(
                stack.awsEndpoint == null
                        ? "storage: embedded DynamoDB and S3 emulators, data in " + stack.dataDir.toAbsolutePath()
                        : "storage: " + stack.awsEndpoint);
        System.out.println("web app: " + url + "/   API docs: " + url + "/docs   OpenAPI: " + url + "/openapi.json");
        for (RouteSpec route : server.routes().routes()) {
            System.out.printf("  %-6s %s%s  (%s)%n", route.method(), url, route.path(), route.function());
        }
        System.out.println("press Ctrl+C to stop");
        stopped.await();
        return 0;
    }
}
