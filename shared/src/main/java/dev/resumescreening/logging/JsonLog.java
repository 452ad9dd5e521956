package dev.resumescreening.logging;

import dev.resumescreening.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Structured logs, one JSON object per line on standard output (CloudWatch keeps them as they are). Callers pass
 * identifiers and figures only: never resume text, names or other personal data.
 */
public final class JsonLog {
    private JsonLog() {
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
        line.putAll(fields);
        System.out.println(Json.write(line));
    }
}
