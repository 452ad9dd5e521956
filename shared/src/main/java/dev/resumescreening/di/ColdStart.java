package dev.resumescreening.di;

import dev.resumescreening.json.Json;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * Start-up work a fresh container does on its other cores while the first thread reads the contract and builds the
 * graph: about a third off the time to the first handled request on two cores (see the bench's cold start).
 *
 * <p>The tasks live in this class, not in the class being initialised: a thread running code of a class whose static
 * initialiser is still in progress waits for it to finish, which would serialise the work again.
 */
public final class ColdStart {
    private ColdStart() {}

    /** Starts building {@code part} of the graph on another thread and returns the graph at once. */
    public static AppComponent prebuild(AppComponent app, Function<AppComponent, ?> part) {
        inBackground("prebuild", () -> part.apply(app));
        return app;
    }

    static void inBackground(String name, Runnable task) {
        Thread thread = new Thread(
                () -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        // nothing is cached from a failed attempt: the request path meets the same failure and reports
                        // it
                    }
                },
                "cold-start-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Builds the JSON mapper and its serialisers, which the first request and response need. */
    static void loadJson() {
        Json.write(Map.of("ready", true));
    }

    /** Loads the JDK's TLS stack and trust store, which the first HTTPS client otherwise loads on the request path. */
    static void loadTls() {
        try {
            SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no default TLS context", e);
        }
    }
}
