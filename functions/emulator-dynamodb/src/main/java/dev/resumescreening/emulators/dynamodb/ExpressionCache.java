package dev.resumescreening.emulators.dynamodb;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Caches parsed expressions by their source text (bounded: cleared when it grows too large). */
final class ExpressionCache {

    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Condition> conditions = new ConcurrentHashMap<>();
    private final Map<String, UpdateExpression> updates = new ConcurrentHashMap<>();
    private final Map<String, List<DocumentPath>> projections = new ConcurrentHashMap<>();

    Condition condition(String expression) {
        return lookup(conditions, expression, ExpressionParser::parseCondition);
    }

    UpdateExpression update(String expression) {
        return lookup(updates, expression, ExpressionParser::parseUpdate);
    }

    List<DocumentPath> projection(String expression) {
        return lookup(projections, expression, ExpressionParser::parseProjection);
    }

    private static <T> T lookup(Map<String, T> cache, String expression, Function<String, T> parser) {
        T parsed = cache.get(expression);
        if (parsed == null) {
            parsed = parser.apply(expression);
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(expression, parsed);
        }
        return parsed;
    }
}
