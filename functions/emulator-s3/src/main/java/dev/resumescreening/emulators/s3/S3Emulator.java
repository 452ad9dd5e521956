package dev.resumescreening.emulators.s3;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Embedded, in-process, S3-compatible HTTP server (path-style addressing) for the local stack and tests.
 *
 * <pre>{@code
 * try (S3Emulator s3 = S3Emulator.start(0, null)) {
 *     S3Client client = S3Client.builder().endpointOverride(s3.endpoint()).forcePathStyle(true)...build();
 * }
 * }</pre>
 */
public final class S3Emulator implements AutoCloseable {
    private static final int THREADS = Math.max(8, Runtime.getRuntime().availableProcessors() * 4);

    static {
        // Avoid Nagle/delayed-ACK stalls on small responses; only effective before the JDK server is first used.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI endpoint;
    private volatile boolean closed;

    private S3Emulator(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Starts a server on 127.0.0.1.
     *
     * @param port          TCP port, 0 for an ephemeral port
     * @param dataDirOrNull directory for persistent storage (created if missing), or null to keep everything in memory
     */
    public static S3Emulator start(int port, Path dataDirOrNull) {
        try {
            Storage storage = new Storage(dataDirOrNull);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 128);
            AtomicInteger n = new AtomicInteger();
            ThreadFactory tf = r -> {
                Thread t = new Thread(r, "s3-emulator-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            ExecutorService executor = Executors.newFixedThreadPool(THREADS, tf);
            server.setExecutor(executor);
            server.createContext("/", new S3Handler(storage));
            server.start();
            return new S3Emulator(server, executor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start S3 emulator on port " + port, e);
        }
    }

    /** Base URI for {@code endpointOverride}, e.g. {@code http://127.0.0.1:4566}. */
    public URI endpoint() {
        return endpoint;
    }

    public int port() {
        return endpoint.getPort();
    }

    /** Stops the server; persistent data stays on disk. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
