package dev.resumescreening.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Applies a ProjectionExpression to an item, keeping only the listed (possibly nested) paths. */
final class Projector {

    private final List<DocumentPath> paths;
    private final ExpressionContext context;

    private Projector(List<DocumentPath> paths, ExpressionContext context) {
        this.paths = paths;
        this.context = context;
    }

    /** The projector of a request's ProjectionExpression, or null when it has none. */
    static Projector of(JsonNode request, ExpressionCache expressions, ExpressionContext context) {
        String expression = Json.optionalText(request, "ProjectionExpression", null);
        if (expression == null) {
            return null;
        }
        return new Projector(expressions.projection(expression), context);
    }

    /** Projects the item, or returns it unchanged when there is no projector. */
    static ObjectNode apply(Projector projector, ObjectNode item) {
        return projector == null || item == null ? item : projector.project(item);
    }

    private ObjectNode project(ObjectNode item) {
        ObjectNode result = Json.object();
        Set<String> wholeAttributes = new HashSet<>();
        for (DocumentPath path : paths) {
            JsonNode value = path.evaluate(item, context);
            if (value == null) {
                continue;
            }
            String name = path.topLevelName(context);
            if (path.isTopLevel()) {
                wholeAttributes.add(name);
                result.set(name, value);
            } else if (!wholeAttributes.contains(name)) {
                insertNested(result, path, value);
            }
        }
        return result;
    }

    /** Rebuilds the maps and lists along a nested path in the result (list elements keep their order). */
    private void insertNested(ObjectNode result, DocumentPath path, JsonNode value) {
        List<DocumentPath.Element> elements = path.elements();
        String topName = path.topLevelName(context);
        JsonNode container = result.get(topName);
        if (container == null) {
            container = emptyContainer(elements.get(1));
            result.set(topName, container);
        }
        for (int i = 1; i < elements.size(); i++) {
            DocumentPath.Element element = elements.get(i);
            boolean last = i == elements.size() - 1;
            if (element.isIndex()) {
                ArrayNode list = (ArrayNode) container.get("L");
                if (list == null) {
                    return;
                }
                JsonNode child = last ? value.deepCopy() : emptyContainer(elements.get(i + 1));
                list.add(child);
                container = child;
            } else {
                ObjectNode map = (ObjectNode) container.get("M");
                if (map == null) {
                    return;
                }
                String name = context.name(element.name());
                JsonNode child = map.get(name);
                if (child == null || last) {
                    child = last ? value.deepCopy() : emptyContainer(elements.get(i + 1));
                    map.set(name, child);
                }
                container = child;
            }
        }
    }

    private static ObjectNode emptyContainer(DocumentPath.Element next) {
        return next.isIndex()
                ? Json.object().set("L", Json.array())
                : Json.object().set("M", Json.object());
    }
}
