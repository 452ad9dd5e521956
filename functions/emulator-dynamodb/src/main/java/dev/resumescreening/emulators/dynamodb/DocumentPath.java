package dev.resumescreening.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A document path such as {@code a.#b[2].c}; names may be {@code #placeholders} resolved per request. */
record DocumentPath(List<Element> elements) implements Operand {

    /** A map key ({@code name != null}) or a list index. */
    record Element(String name, int index) {
        boolean isIndex() {
            return name == null;
        }
    }

    String topLevelName(ExpressionContext context) {
        return context.name(elements.get(0).name());
    }

    boolean isTopLevel() {
        return elements.size() == 1;
    }

    @Override
    public JsonNode evaluate(ObjectNode item, ExpressionContext context) {
        return resolve(item, elements.size(), context);
    }

    /** Resolves the first {@code count} elements against an item; null when any step is missing. */
    JsonNode resolve(ObjectNode item, int count, ExpressionContext context) {
        JsonNode current = item.get(topLevelName(context));
        for (int i = 1; i < count && current != null; i++) {
            Element element = elements.get(i);
            if (element.isIndex()) {
                JsonNode list = current.get("L");
                current = list == null ? null : list.get(element.index());
            } else {
                JsonNode map = current.get("M");
                current = map == null ? null : map.get(context.name(element.name()));
            }
        }
        return current;
    }

    /** Sets the value at this path inside a mutable item; the parent of a nested path must exist. */
    void set(ObjectNode item, JsonNode value, ExpressionContext context) {
        if (isTopLevel()) {
            item.set(topLevelName(context), value);
            return;
        }
        Element last = elements.get(elements.size() - 1);
        JsonNode parent = resolve(item, elements.size() - 1, context);
        if (last.isIndex() && AttributeValues.isType(parent, "L")) {
            ArrayNode list = (ArrayNode) parent.get("L");
            if (last.index() < list.size()) {
                list.set(last.index(), value);
            } else {
                list.add(value);
            }
        } else if (!last.isIndex() && AttributeValues.isType(parent, "M")) {
            ((ObjectNode) parent.get("M")).set(context.name(last.name()), value);
        } else {
            throw DynamoDbException.validation(
                    "The document path provided in the update expression is invalid for update");
        }
    }

    /** Removes the value at this path from a mutable item; missing paths are ignored. */
    void remove(ObjectNode item, ExpressionContext context) {
        if (isTopLevel()) {
            item.remove(topLevelName(context));
            return;
        }
        Element last = elements.get(elements.size() - 1);
        JsonNode parent = resolve(item, elements.size() - 1, context);
        if (last.isIndex() && AttributeValues.isType(parent, "L")) {
            ArrayNode list = (ArrayNode) parent.get("L");
            if (last.index() < list.size()) {
                list.remove(last.index());
            }
        } else if (!last.isIndex() && AttributeValues.isType(parent, "M")) {
            ((ObjectNode) parent.get("M")).remove(context.name(last.name()));
        }
    }

    /** The list index of the last element, or -1 when the path ends with a name. */
    int lastIndex() {
        Element last = elements.get(elements.size() - 1);
        return last.isIndex() ? last.index() : -1;
    }
}
