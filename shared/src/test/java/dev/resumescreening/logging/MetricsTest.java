package dev.resumescreening.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each metric line is a valid CloudWatch embedded metric format document, checked against the specification's
 * rules: a root "_aws" member with a Timestamp in epoch milliseconds and CloudWatchMetrics directives; each directive
 * with a Namespace (1-255 characters), Dimensions (an array of dimension sets, each at most 30 keys, every key a
 * root member with a string value) and Metrics (at most 100, each Name a root member with a numeric value, each Unit
 * one CloudWatch accepts).
 */
class MetricsTest {
    private static final Set<String> CLOUDWATCH_UNITS = Set.of(
            "Seconds",
            "Microseconds",
            "Milliseconds",
            "Bytes",
            "Kilobytes",
            "Megabytes",
            "Gigabytes",
            "Terabytes",
            "Bits",
            "Kilobits",
            "Megabits",
            "Gigabits",
            "Terabits",
            "Percent",
            "Count",
            "Bytes/Second",
            "Kilobytes/Second",
            "Megabytes/Second",
            "Gigabytes/Second",
            "Terabytes/Second",
            "Bits/Second",
            "Kilobits/Second",
            "Megabits/Second",
            "Gigabits/Second",
            "Terabits/Second",
            "Count/Second",
            "None");
    private static final Instant NOW = Instant.parse("2026-11-26T10:15:30.123Z");

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final Metrics metrics = new Metrics(
            "ResumeScreening",
            Clock.fixed(NOW, ZoneOffset.UTC),
            () -> new PrintStream(captured, true, StandardCharsets.UTF_8));

    @Test
    void aDecisionIsAnEmfDocumentWithItsDimensionAndTheRequestContextAsProperties() throws Exception {
        JsonLog.within(Map.of("request_id", "req-1", "function", "upload"), () -> {
            JsonLog.annotate("model_version", "auto-20261126");
            metrics.write(Metrics.DECISIONS, 1, Map.of("Decision", "SHORTLIST"));
            return null;
        });

        JsonNode line = onlyLine();
        assertValidEmf(line);
        JsonNode directive = line.at("/_aws/CloudWatchMetrics/0");
        assertEquals(NOW.toEpochMilli(), line.at("/_aws/Timestamp").asLong());
        assertEquals("ResumeScreening", directive.get("Namespace").asText());
        assertEquals("[[\"Decision\"]]", directive.get("Dimensions").toString());
        assertEquals("Decisions", directive.at("/Metrics/0/Name").asText());
        assertEquals("Count", directive.at("/Metrics/0/Unit").asText());
        assertEquals("SHORTLIST", line.get("Decision").asText());
        assertEquals(1.0, line.get("Decisions").asDouble());
        assertEquals("req-1", line.get("request_id").asText());
        assertEquals("upload", line.get("function").asText());
        assertEquals("auto-20261126", line.get("model_version").asText());
    }

    @Test
    void aFigureWithoutDimensionsHasOneEmptyDimensionSetAndKeepsItsValue() throws Exception {
        metrics.write(Metrics.REVIEWS_AWAITING_TRAINING, 42, Map.of());

        JsonNode line = onlyLine();
        assertValidEmf(line);
        assertEquals("[[]]", line.at("/_aws/CloudWatchMetrics/0/Dimensions").toString());
        assertEquals(42.0, line.get(Metrics.REVIEWS_AWAITING_TRAINING).asDouble());
    }

    @Test
    void theModelVersionAnnotatedInARequestLeavesWithIt() throws Exception {
        JsonLog.within(Map.of("request_id", "req-2"), () -> {
            JsonLog.annotate("model_version", "7");
            return null;
        });
        JsonLog.annotate("model_version", "outside any request");
        metrics.write(Metrics.UPLOADS, 1, Map.of());

        JsonNode line = onlyLine();
        assertFalse(line.has("model_version"), line.toString());
        assertFalse(line.has("request_id"), line.toString());
    }

    private JsonNode onlyLine() throws Exception {
        String[] lines = captured.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(1, lines.length, captured.toString(StandardCharsets.UTF_8));
        return Json.read(lines[0]);
    }

    private static void assertValidEmf(JsonNode root) {
        JsonNode aws = root.get("_aws");
        assertTrue(aws != null && aws.isObject(), "root member _aws");
        assertTrue(
                aws.get("Timestamp").isIntegralNumber() && aws.get("Timestamp").asLong() > 0, "_aws.Timestamp");
        JsonNode directives = aws.get("CloudWatchMetrics");
        assertTrue(directives.isArray() && !directives.isEmpty(), "_aws.CloudWatchMetrics");
        for (JsonNode directive : directives) {
            String namespace = directive.get("Namespace").asText();
            assertTrue(!namespace.isBlank() && namespace.length() <= 255, "Namespace");
            JsonNode dimensionSets = directive.get("Dimensions");
            assertTrue(dimensionSets.isArray(), "Dimensions");
            for (JsonNode set : dimensionSets) {
                assertTrue(set.isArray() && set.size() <= 30, "DimensionSet");
                for (JsonNode key : set) {
                    JsonNode value = root.get(key.asText());
                    assertTrue(value != null && value.isTextual(), "dimension " + key + " is a root string member");
                }
            }
            JsonNode definitions = directive.get("Metrics");
            assertTrue(definitions.isArray() && !definitions.isEmpty() && definitions.size() <= 100, "Metrics");
            for (JsonNode definition : definitions) {
                String name = definition.get("Name").asText();
                assertTrue(!name.isEmpty() && name.length() <= 1024, "metric Name");
                assertTrue(root.has(name) && root.get(name).isNumber(), "metric " + name + " is a root number");
                assertTrue(CLOUDWATCH_UNITS.contains(definition.get("Unit").asText()), "Unit");
            }
        }
    }
}
