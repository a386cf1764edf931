package org.patchgate.catalog.format.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.patchgate.catalog.model.DetectionRule;
import org.patchgate.catalog.model.DetectionRule.Comparison;

/**
 * Reads a detection rule written as a tagged JSON tree: {@code {"type": "registryValue", ...}},
 * {@code {"type": "and", "rules": [...]}} (docs/formats/patchgate-json.md).
 */
final class RuleReader {

    /** Deepest nesting of and/or/not accepted; real SCUP rules nest about 5 deep. */
    static final int MAX_DEPTH = 32;
    /** Most rules in one tree, so a wide rule cannot cost unbounded work. */
    private static final int MAX_RULES = 10_000;

    private int count;

    private RuleReader() {
    }

    /** The rule at {@code node} (with path {@code path}), or {@code null} if the node is absent. */
    static DetectionRule read(JsonNode node, String path) throws InvalidEntryException {
        return node == null || node.isNull() ? null : new RuleReader().rule(node, path, 1);
    }

    private DetectionRule rule(JsonNode node, String path, int depth) throws InvalidEntryException {
        if (depth > MAX_DEPTH) {
            throw new InvalidEntryException(path, "rules are nested deeper than " + MAX_DEPTH + " levels");
        }
        if (++count > MAX_RULES) {
            throw new InvalidEntryException(path, "more than " + MAX_RULES + " rules in one tree");
        }
        if (node == null || !node.isObject() || !node.path("type").isTextual()) {
            throw new InvalidEntryException(path, "must be a rule object with a string \"type\"");
        }
        String type = node.get("type").textValue();
        try {
            return switch (type) {
                case "registryValue" -> {
                    Fields f = Fields.of(node, path, Set.of("type", "hive", "key", "valueName", "comparison", "expected"));
                    yield new DetectionRule.RegistryValue(f.requireText("hive"), f.requireText("key"), f.text("valueName"),
                            f.enumValue("comparison", Comparison.class, Comparison.EXISTS), f.text("expected"));
                }
                case "registryKeyExists" -> {
                    Fields f = Fields.of(node, path, Set.of("type", "hive", "key"));
                    yield new DetectionRule.RegistryKeyExists(f.requireText("hive"), f.requireText("key"));
                }
                case "fileVersion" -> {
                    Fields f = Fields.of(node, path, Set.of("type", "folder", "path", "comparison", "version"));
                    yield new DetectionRule.FileVersion(f.text("folder"), f.requireText("path"),
                            f.enumValue("comparison", Comparison.class, null), f.requireText("version"));
                }
                case "fileExists" -> {
                    Fields f = Fields.of(node, path, Set.of("type", "folder", "path"));
                    yield new DetectionRule.FileExists(f.text("folder"), f.requireText("path"));
                }
                case "msiProductInstalled" -> {
                    Fields f = Fields.of(node, path, Set.of("type", "productCode", "versionMin", "versionMax"));
                    yield new DetectionRule.MsiProductInstalled(f.requireText("productCode"), f.text("versionMin"),
                            f.text("versionMax"));
                }
                case "productCodeInstalled" -> {
                    Fields f = Fields.of(node, path, Set.of("type", "productCode", "displayVersion"));
                    yield new DetectionRule.ProductCodeInstalled(f.requireText("productCode"), f.text("displayVersion"));
                }
                case "packageFamilyInstalled" -> {
                    Fields f = Fields.of(node, path, Set.of("type", "packageFamilyName"));
                    yield new DetectionRule.PackageFamilyInstalled(f.requireText("packageFamilyName"));
                }
                case "opaque" -> opaque(Fields.of(node, path, Set.of("type", "kind", "attributes")));
                case "and", "or" -> {
                    Fields f = Fields.of(node, path, Set.of("type", "rules"));
                    List<JsonNode> items = f.array("rules");
                    if (items.isEmpty()) {
                        throw new InvalidEntryException(f.path("rules"), "needs at least one rule");
                    }
                    List<DetectionRule> rules = new ArrayList<>();
                    for (int i = 0; i < items.size(); i++) {
                        rules.add(rule(items.get(i), f.path("rules") + "[" + i + "]", depth + 1));
                    }
                    yield type.equals("and") ? new DetectionRule.And(rules) : new DetectionRule.Or(rules);
                }
                case "not" -> {
                    Fields f = Fields.of(node, path, Set.of("type", "rule"));
                    JsonNode inner = f.raw("rule");
                    if (inner == null) {
                        throw new InvalidEntryException(f.path("rule"), "is required");
                    }
                    yield new DetectionRule.Not(rule(inner, f.path("rule"), depth + 1));
                }
                default -> throw new InvalidEntryException(path + ".type", "'" + Fields.shorten(type)
                        + "' is not a rule type (registryValue, registryKeyExists, fileVersion, fileExists,"
                        + " msiProductInstalled, productCodeInstalled, packageFamilyInstalled, opaque, and, or, not)");
            };
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidEntryException(path, String.valueOf(e.getMessage()));
        }
    }

    private static DetectionRule opaque(Fields f) throws InvalidEntryException {
        Map<String, String> attributes = new LinkedHashMap<>();
        JsonNode raw = f.raw("attributes");
        if (raw != null) {
            if (!raw.isObject()) {
                throw new InvalidEntryException(f.path("attributes"), "must be an object of strings");
            }
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) raw::fields) {
                if (!e.getValue().isTextual()) {
                    throw new InvalidEntryException(f.path("attributes") + "." + e.getKey(), "must be a string");
                }
                attributes.put(e.getKey(), e.getValue().textValue());
            }
        }
        return new DetectionRule.Opaque(f.requireText("kind"), attributes);
    }
}
