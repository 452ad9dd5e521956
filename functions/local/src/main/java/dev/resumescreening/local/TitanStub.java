package dev.resumescreening.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.resumescreening.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A Bedrock-compatible HTTPS endpoint for the bench: answers InvokeModel ({@code POST /model/{modelId}/invoke}) as
 * Titan Text Embeddings V2 does (a normalised 1024-dimension {@code embedding} and {@code inputTextTokenCount}), so
 * the upload path's cost with the AWS embedder (TLS handshakes, SigV4 signing, JSON of a thousand floats) is
 * measured on this machine. Its certificate is self-signed, made by keytool for 127.0.0.1, and trusted by this JVM
 * alone: {@link #trustInThisJvm} points the JVM's default trust store at it, before any TLS is used.
 */
final class TitanStub implements AutoCloseable {
    private static final int DIMENSIONS = 1024;
    private static final char[] PASSWORD = "bench-only".toCharArray();

    private final HttpsServer server;
    private final ExecutorService threads;
    private final AtomicInteger invocations;

    private TitanStub(HttpsServer server, ExecutorService threads, AtomicInteger invocations) {
        this.server = server;
        this.threads = threads;
        this.invocations = invocations;
    }

    /** Makes the stub's key pair and a trust store holding only its certificate; returns the key store. */
    static Path trustInThisJvm(Path dir) throws Exception {
        Path keys = dir.resolve("titan-stub.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "stub",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=127.0.0.1",
                        "-ext",
                        "SAN=ip:127.0.0.1",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keys.toString(),
                        "-storepass",
                        new String(PASSWORD))
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool could not make the stub's certificate: " + output);
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("titan-stub", load(keys).getCertificate("stub"));
        Path trustStore = dir.resolve("titan-stub-trust.p12");
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            trust.store(out, PASSWORD);
        }
        System.setProperty("javax.net.ssl.trustStore", trustStore.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", new String(PASSWORD));
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        return keys;
    }

    static TitanStub start(Path keys) throws Exception {
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(load(keys), PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        server.setExecutor(threads);
        AtomicInteger invocations = new AtomicInteger();
        server.createContext("/model/", exchange -> invokeModel(exchange, invocations));
        server.start();
        return new TitanStub(server, threads, invocations);
    }

    /** InvokeModel calls answered so far. */
    int invocations() {
        return invocations.get();
    }

    URI endpoint() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void invokeModel(HttpExchange exchange, AtomicInteger invocations) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())
                    || !exchange.getRequestURI().getPath().endsWith("/invoke")) {
                send(exchange, 404, Map.of("message", "unknown operation"));
                return;
            }
            JsonNode request = Json.read(exchange.getRequestBody().readAllBytes());
            String text = request.path("inputText").asText();
            String[] tokens = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
            invocations.incrementAndGet();
            send(exchange, 200, Map.of("embedding", embedding(tokens), "inputTextTokenCount", tokens.length));
        }
    }

    /** Words hashed into the vector's dimensions, normalised as Titan's normalize=true answers are. */
    private static float[] embedding(String[] tokens) {
        float[] vector = new float[DIMENSIONS];
        for (String token : tokens) {
            if (!token.isEmpty()) {
                vector[Math.floorMod(token.hashCode(), DIMENSIONS)] += 1;
            }
        }
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        for (int i = 0; i < vector.length && norm > 0; i++) {
            vector[i] /= (float) Math.sqrt(norm);
        }
        return vector;
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = Json.writeBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static KeyStore load(Path keys) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keys)) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
