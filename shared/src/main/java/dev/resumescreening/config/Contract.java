package dev.resumescreening.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.json.JsonTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contract shared with Terraform (terraform/contract.json, packaged as a resource): tables, keys, indexes,
 * settings, functions and routes are named there and nowhere else.
 */
public final class Contract {
    private static final String RESOURCE = "/dev/resumescreening/config/contract.json";
    private static final Contract INSTANCE = load();

    private final Map<String, TableSpec> tables;
    private final Map<String, String> settingDefaults;
    private final List<RouteSpec> routes;
    private final Map<String, String> bucketPrefixes;
    private final String bucketEnv;
    private final Map<String, Integer> functionMemory;

    private Contract(JsonNode root) {
        Map<String, TableSpec> tableSpecs = new LinkedHashMap<>();
        root.get("tables")
                .fields()
                .forEachRemaining(e -> tableSpecs.put(e.getKey(), TableSpec.from(e.getKey(), e.getValue())));
        this.tables = Collections.unmodifiableMap(tableSpecs);
        Map<String, String> defaults = new LinkedHashMap<>();
        root.get("settings")
                .fields()
                .forEachRemaining(e ->
                        defaults.put(e.getKey(), e.getValue().get("default").asText()));
        this.settingDefaults = Collections.unmodifiableMap(defaults);
        List<RouteSpec> routeSpecs = new ArrayList<>();
        root.get("routes")
                .forEach(r -> routeSpecs.add(new RouteSpec(
                        r.get("method").asText(),
                        r.get("path").asText(),
                        r.get("function").asText(),
                        r.path("admin").asBoolean(false))));
        this.routes = List.copyOf(routeSpecs);
        Map<String, String> prefixes = new LinkedHashMap<>();
        root.get("bucket")
                .get("prefixes")
                .fields()
                .forEachRemaining(e -> prefixes.put(e.getKey(), e.getValue().asText()));
        this.bucketPrefixes = Collections.unmodifiableMap(prefixes);
        this.bucketEnv = root.get("bucket").get("env").asText();
        Map<String, Integer> memory = new LinkedHashMap<>();
        root.get("functions")
                .fields()
                .forEachRemaining(
                        e -> memory.put(e.getKey(), e.getValue().get("memory").asInt()));
        this.functionMemory = Collections.unmodifiableMap(memory);
    }

    public static Contract get() {
        return INSTANCE;
    }

    private static Contract load() {
        try (InputStream in = Contract.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("contract.json is missing from the classpath");
            }
            return new Contract(JsonTree.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("contract.json cannot be read", e);
        }
    }

    public Map<String, TableSpec> tables() {
        return tables;
    }

    public TableSpec table(String logicalName) {
        return Optional.ofNullable(tables.get(logicalName))
                .orElseThrow(() -> new IllegalArgumentException("no table '" + logicalName + "' in contract.json"));
    }

    public Map<String, String> settingDefaults() {
        return settingDefaults;
    }

    public List<RouteSpec> routes() {
        return routes;
    }

    public List<RouteSpec> routesOf(String function) {
        return routes.stream().filter(r -> r.function().equals(function)).toList();
    }

    /** The memory (MB) the function named {@code function} is deployed with, unless Terraform overrides it. */
    public int functionMemoryMb(String function) {
        return Optional.ofNullable(functionMemory.get(function))
                .orElseThrow(() -> new IllegalArgumentException("no function '" + function + "' in contract.json"));
    }

    public String bucketEnv() {
        return bucketEnv;
    }

    public String prefix(String name) {
        return Optional.ofNullable(bucketPrefixes.get(name))
                .orElseThrow(() -> new IllegalArgumentException("no bucket prefix '" + name + "' in contract.json"));
    }

    /** A DynamoDB table as the contract describes it. */
    public record TableSpec(
            String logicalName,
            String env,
            String hashKey,
            String rangeKey,
            Map<String, String> attributes,
            List<IndexSpec> indexes,
            String ttlAttribute) {
        static TableSpec from(String name, JsonNode node) {
            Map<String, String> attributes = new LinkedHashMap<>();
            node.get("attributes")
                    .fields()
                    .forEachRemaining(
                            e -> attributes.put(e.getKey(), e.getValue().asText()));
            List<IndexSpec> indexes = new ArrayList<>();
            node.path("indexes")
                    .forEach(i -> indexes.add(new IndexSpec(
                            i.get("name").asText(),
                            i.get("hash_key").asText(),
                            i.hasNonNull("range_key") ? i.get("range_key").asText() : null)));
            return new TableSpec(
                    name,
                    node.get("env").asText(),
                    node.get("hash_key").asText(),
                    node.hasNonNull("range_key") ? node.get("range_key").asText() : null,
                    Collections.unmodifiableMap(attributes),
                    List.copyOf(indexes),
                    node.hasNonNull("ttl_attribute") ? node.get("ttl_attribute").asText() : null);
        }
    }

    public record IndexSpec(String name, String hashKey, String rangeKey) {}

    public record RouteSpec(String method, String path, String function, boolean admin) {
        public String routeKey() {
            return method + " " + path;
        }
    }
}
