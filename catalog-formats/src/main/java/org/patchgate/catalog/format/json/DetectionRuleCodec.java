package org.patchgate.catalog.format.json;

import static org.patchgate.catalog.format.json.JsonNames.camel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.patchgate.catalog.model.DetectionRule;
import org.patchgate.catalog.model.DetectionRule.Comparison;

/**
 * Detection rules as tagged JSON trees — {@code {"type": "registryValue", ...}},
 * {@code {"type": "and", "rules": [...]}} (docs/formats/patchgate-json.md) — in both directions: the
 * one reader of hand-written Patchgate JSON catalogs and of the rules the server stores as JSONB,
 * and the one writer. Reading is strict (unknown fields and types refused, depth and size capped) and
 * names the JSON path of what is wrong. Writing is deterministic: fixed field order, absent optional
 * fields left out, opaque attributes sorted by name.
 */
public final class DetectionRuleCodec {

    /** Deepest nesting of and/or/not accepted: the SCUP adapter's cap; real SCUP rules nest about 5 deep. */
    public static final int MAX_DEPTH = 64;
    /** Most rules in one tree, so a wide rule cannot cost unbounded work. */
    private static final int MAX_RULES = 10_000;

    private int count;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DetectionRuleCodec() {
    }

    /** The rule at {@code node} (with path {@code path}), or {@code null} if the node is absent. */
    static DetectionRule read(JsonNode node, String path) throws InvalidEntryException {
        return node == null || node.isNull() ? null : new DetectionRuleCodec().rule(node, path, 1);
    }

    /**
     * Reads a rule tree, e.g. one stored by {@link #write}; {@code null} or JSON null gives {@code null}.
     *
     * @throws IllegalArgumentException naming the JSON path ({@code $.rules[1].path}) and what is wrong
     */
    public static DetectionRule read(JsonNode node) {
        try {
            return read(node, "$");
        } catch (InvalidEntryException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The rule as a JSON tree, or {@code null} for no rule. */
    public static ObjectNode write(DetectionRule rule) {
        if (rule == null) {
            return null;
        }
        ObjectNode node = NODES.objectNode();
        // Java 17: no pattern switch yet, so an instanceof chain over the sealed interface.
        if (rule instanceof DetectionRule.RegistryValue r) {
            node.put("type", "registryValue").put("hive", r.hive()).put("key", r.key());
            putIfSet(node, "valueName", r.valueName());
            putIfSet(node, "comparison", r.comparison() == null ? null : camel(r.comparison().name()));
            putIfSet(node, "expected", r.expected());
        } else if (rule instanceof DetectionRule.RegistryKeyExists r) {
            node.put("type", "registryKeyExists").put("hive", r.hive()).put("key", r.key());
        } else if (rule instanceof DetectionRule.FileVersion r) {
            node.put("type", "fileVersion");
            putIfSet(node, "folder", r.folder());
            node.put("path", r.path()).put("comparison", camel(r.comparison().name()));
            putIfSet(node, "version", r.version());
        } else if (rule instanceof DetectionRule.FileExists r) {
            node.put("type", "fileExists");
            putIfSet(node, "folder", r.folder());
            node.put("path", r.path());
        } else if (rule instanceof DetectionRule.MsiProductInstalled r) {
            node.put("type", "msiProductInstalled").put("productCode", r.productCode());
            putIfSet(node, "versionMin", r.versionMin());
            putIfSet(node, "versionMax", r.versionMax());
        } else if (rule instanceof DetectionRule.ProductCodeInstalled r) {
            node.put("type", "productCodeInstalled").put("productCode", r.productCode());
            putIfSet(node, "displayVersion", r.displayVersion());
        } else if (rule instanceof DetectionRule.PackageFamilyInstalled r) {
            node.put("type", "packageFamilyInstalled").put("packageFamilyName", r.packageFamilyName());
        } else if (rule instanceof DetectionRule.Opaque r) {
            node.put("type", "opaque").put("kind", r.kind());
            ObjectNode attributes = node.putObject("attributes");
            new TreeMap<>(r.attributes()).forEach(attributes::put);
        } else if (rule instanceof DetectionRule.And r) {
            putRules(node.put("type", "and"), r.rules());
        } else if (rule instanceof DetectionRule.Or r) {
            putRules(node.put("type", "or"), r.rules());
        } else if (rule instanceof DetectionRule.Not r) {
            node.put("type", "not").set("rule", write(r.rule()));
        } else {
            throw new IllegalArgumentException("unknown rule " + rule.getClass().getName());
        }
        return node;
    }

    private static void putRules(ObjectNode node, List<DetectionRule> rules) {
        ArrayNode array = node.putArray("rules");
        rules.forEach(r -> array.add(write(r)));
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
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
                    // version is optional: SCUP's FileVersion rule may leave it out.
                    Fields f = Fields.of(node, path, Set.of("type", "folder", "path", "comparison", "version"));
                    Comparison comparison = f.enumValue("comparison", Comparison.class, null);
                    if (comparison == null) {
                        throw new InvalidEntryException(f.path("comparison"), "is required");
                    }
                    yield new DetectionRule.FileVersion(f.text("folder"), f.requireText("path"), comparison, f.text("version"));
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
