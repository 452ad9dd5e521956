package dev.resumescreening.local;

import dev.resumescreening.config.Contract;
import dev.resumescreening.config.Contract.RouteSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Matches a method and path to a contract route, as API Gateway does, capturing {path} parameters. */
final class RouteTable {
    private final List<RouteSpec> routes;

    RouteTable(List<RouteSpec> routes) {
        this.routes = routes;
    }

    static RouteTable fromContract() {
        return new RouteTable(Contract.get().routes());
    }

    record Match(RouteSpec route, Map<String, String> pathParameters) {}

    /** The methods of the routes on this path (for a 405's Allow header); empty when no route has the path. */
    List<String> methodsFor(String path) {
        java.util.TreeSet<String> methods = new java.util.TreeSet<>();
        for (RouteSpec route : routes) {
            if (match(route.method(), path).isPresent()) {
                methods.add(route.method().toUpperCase(java.util.Locale.ROOT));
            }
        }
        return List.copyOf(methods);
    }

    Optional<Match> match(String method, String path) {
        String[] actual = trim(path).split("/");
        for (RouteSpec route : routes) {
            if (!route.method().equalsIgnoreCase(method)) {
                continue;
            }
            String[] template = trim(route.path()).split("/");
            if (template.length != actual.length) {
                continue;
            }
            Map<String, String> parameters = new HashMap<>();
            boolean matches = true;
            for (int i = 0; i < template.length && matches; i++) {
                if (template[i].startsWith("{") && template[i].endsWith("}")) {
                    parameters.put(template[i].substring(1, template[i].length() - 1), actual[i]);
                    matches = !actual[i].isEmpty();
                } else {
                    matches = template[i].equals(actual[i]);
                }
            }
            if (matches) {
                return Optional.of(new Match(route, parameters));
            }
        }
        return Optional.empty();
    }

    List<RouteSpec> routes() {
        return routes;
    }

    private static String trim(String path) {
        return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    }
}
