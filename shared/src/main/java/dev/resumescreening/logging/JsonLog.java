package dev.resumescreening.logging;

import dev.resumescreening.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Structured logs, one JSON object per line on standard output (CloudWatch keeps them as they are). Callers pass
 * identifiers and figures only: never resume text, names or other personal data. Lines written while a request is
 * handled ({@link #within}) carry that request's context: request id, function name, cold-start flag.
 */
public final class JsonLog {
    private static final ThreadLocal<Map<String, Object>> CONTEXT = ThreadLocal.withInitial(Map::of);

    private JsonLog() {
    }

    /** Runs {@code work} with {@code context} added to every line it logs on this thread. */
    public static <T> T within(Map<String, ?> context, Supplier<T> work) {
        Map<String, Object> previous = CONTEXT.get();
        Map<String, Object> merged = new LinkedHashMap<>(previous);
        merged.putAll(context);
        CONTEXT.set(merged);
        try {
            return work.get();
        } finally {
            CONTEXT.set(previous);
        }
    }

    /**
     * Where a failure happened, for the log: the exception classes (causes included) and their stack frames, never
     * their messages, which may quote input.
     */
    public static String stackTrace(Throwable failure) {
        StringBuilder trace = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            trace.append(trace.isEmpty() ? "" : "caused by ").append(t.getClass().getName()).append('\n');
            for (StackTraceElement frame : t.getStackTrace()) {
                trace.append("  at ").append(frame.getClassName()).append('.').append(frame.getMethodName())
                        .append(':').append(frame.getLineNumber()).append('\n');
            }
        }
        return trace.toString();
    }

    public static void info(String event, Map<String, ?> fields) {
        write("INFO", event, fields);
    }

    public static void warn(String event, Map<String, ?> fields) {
        write("WARN", event, fields);
    }

    public static void error(String event, Map<String, ?> fields) {
        write("ERROR", event, fields);
    }

    private static void write(String level, String event, Map<String, ?> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level);
        line.put("event", event);
        line.putAll(CONTEXT.get());
        line.putAll(fields);
        System.out.println(Json.write(line));
    }
}
