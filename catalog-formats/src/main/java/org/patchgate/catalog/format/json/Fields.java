package org.patchgate.catalog.format.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One JSON object of a Patchgate catalog with its path, and typed, checked access to its fields.
 * Every error names the full path of the field, so an author can find it in a hand-written file.
 */
final class Fields {

    private final JsonNode node;
    private final String path;

    private Fields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** Checks that {@code node} is an object with only the {@code known} fields. */
    static Fields of(JsonNode node, String path, Set<String> known) throws InvalidEntryException {
        if (node == null || !node.isObject()) {
            throw new InvalidEntryException(path, "must be an object, found " + kind(node));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            // Unknown fields are rejected so that a misspelt field (e.g. "sha265") is not silently lost.
            if (!known.contains(name)) {
                throw new InvalidEntryException(path + "." + name, "unknown field (known: " + String.join(", ", known) + ")");
            }
        }
        return new Fields(node, path);
    }

    String path(String field) {
        return path + "." + field;
    }

    JsonNode raw(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    String text(String field) throws InvalidEntryException {
        JsonNode value = raw(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidEntryException(path(field), "must be a string, found " + kind(value));
        }
        String text = value.textValue().strip();
        return text.isEmpty() ? null : text;
    }

    String requireText(String field) throws InvalidEntryException {
        String text = text(field);
        if (text == null) {
            throw new InvalidEntryException(path(field), "is required");
        }
        return text;
    }

    /** A camelCase word mapped to the enum constant of the same name in UPPER_SNAKE case ({@code securityUpdates} → SECURITY_UPDATES). */
    <E extends Enum<E>> E enumValue(String field, Class<E> type, E fallback) throws InvalidEntryException {
        String text = text(field);
        if (text == null) {
            if (fallback == null) {
                throw new InvalidEntryException(path(field), "is required");
            }
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (JsonNames.camel(constant.name()).equals(text)) {
                return constant;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            allowed.add(JsonNames.camel(constant.name()));
        }
        throw new InvalidEntryException(path(field), "'" + shorten(text) + "' is not one of " + allowed);
    }

    /** An array field's elements, empty if absent. */
    List<JsonNode> array(String field) throws InvalidEntryException {
        JsonNode value = raw(field);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new InvalidEntryException(path(field), "must be an array, found " + kind(value));
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }


    static String kind(JsonNode node) {
        if (node == null || node.isNull()) {
            return "nothing";
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
