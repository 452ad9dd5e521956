package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resumescreening.config.Contract;
import dev.resumescreening.config.Contract.RouteSpec;
import dev.resumescreening.json.Json;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The OpenAPI description served at /openapi.json describes exactly the contract's routes, no more, no fewer. */
class OpenApiContractTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    static JsonNode openApi() throws Exception {
        try (InputStream in = OpenApiContractTest.class.getClassLoader().getResourceAsStream("webapp/openapi.json")) {
            assertNotNull(in, "webapp/openapi.json is not on the classpath");
            return Json.read(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static Set<String> described(JsonNode doc, boolean adminOnly) {
        Set<String> operations = new TreeSet<>();
        doc.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
                    if (METHODS.contains(operation.getKey())
                            && (!adminOnly
                                    || operation.getValue().path("x-admin").asBoolean(false))) {
                        operations.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }));
        return operations;
    }

    @Test
    void everyContractRouteIsDescribedAndEveryDescribedOperationIsARoute() throws Exception {
        JsonNode doc = openApi();
        assertEquals("3.1.0", doc.get("openapi").asText());
        Set<String> routes = Contract.get().routes().stream()
                .map(RouteSpec::routeKey)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(routes, described(doc, false));
    }

    @Test
    void adminRoutesAreMarkedAsSuch() throws Exception {
        Set<String> admin = Contract.get().routes().stream()
                .filter(RouteSpec::admin)
                .map(RouteSpec::routeKey)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(admin, described(openApi(), true));
    }

    @Test
    void everyPathParameterIsDeclared() throws Exception {
        JsonNode doc = openApi();
        doc.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
                    Set<String> declared = new TreeSet<>();
                    operation.getValue().path("parameters").forEach(p -> {
                        if ("path".equals(p.path("in").asText())) {
                            declared.add(p.path("name").asText());
                        }
                    });
                    Set<String> inPath = new TreeSet<>();
                    java.util.regex.Matcher m =
                            java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
                    while (m.find()) {
                        inPath.add(m.group(1));
                    }
                    assertEquals(inPath, declared, operation.getKey() + " " + path.getKey());
                }));
    }
}
