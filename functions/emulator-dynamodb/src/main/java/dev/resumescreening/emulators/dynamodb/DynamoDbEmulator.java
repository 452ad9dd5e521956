package dev.resumescreening.emulators.dynamodb;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embedded, in-process DynamoDB-compatible HTTP server (JSON 1.0 protocol) for the local stack and tests.
 * Bound to 127.0.0.1; with a data directory, every table is journaled and survives restarts.
 *
 * <pre>{@code
 * try (DynamoDbEmulator dynamo = DynamoDbEmulator.start(0, null)) {
 *     DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynamo.endpoint())...build();
 * }
 * }</pre>
 */
public final class DynamoDbEmulator implements AutoCloseable {

    private static final int THREADS = 8;
    private static final int BACKLOG = 128;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Database database;

    private DynamoDbEmulator(HttpServer server, ExecutorService executor, Database database) {
        this.server = server;
        this.executor = executor;
        this.database = database;
    }

    /**
     * Starts the emulator.
     *
     * @param port          the TCP port on 127.0.0.1, or 0 for an ephemeral port
     * @param dataDirOrNull directory holding the table journals (created if missing), or null for memory only
     */
    public static DynamoDbEmulator start(int port, Path dataDirOrNull) {
        // Without TCP_NODELAY small keep-alive responses can stall ~40 ms on delayed ACKs; this property is read
        // once when the JDK HTTP server is first used in the JVM.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        Database database = Database.open(dataDirOrNull);
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "dynamodb-emulator-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            HttpServer server =
                    HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), BACKLOG);
            server.createContext("/", new RequestDispatcher(database));
            server.setExecutor(executor);
            server.start();
            return new DynamoDbEmulator(server, executor, database);
        } catch (IOException e) {
            executor.shutdownNow();
            database.close();
            throw new UncheckedIOException("Cannot start the DynamoDB emulator on port " + port, e);
        }
    }

    /** The endpoint to pass to {@code endpointOverride}, e.g. {@code http://127.0.0.1:54321}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops the server and closes the journals. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        database.close();
    }
}
