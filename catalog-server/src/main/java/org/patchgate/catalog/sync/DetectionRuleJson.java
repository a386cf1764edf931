package org.patchgate.catalog.sync;

import static org.patchgate.catalog.format.json.JsonNames.camel;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.patchgate.catalog.model.DetectionRule;
import org.patchgate.catalog.model.DetectionRule.Comparison;

/**
 * Writes a {@link DetectionRule} as the JSONB stored in {@code catalog_update.installed_rule} /
 * {@code applicable_rule}, and reads it back. The shape is the one Patchgate JSON catalogs use
 * (docs/formats/patchgate-json.md): an object with a {@code "type"} discriminator
 * ({@code registryValue}, {@code registryKeyExists}, {@code fileVersion}, {@code fileExists},
 * {@code msiProductInstalled}, {@code productCodeInstalled}, {@code packageFamilyInstalled},
 * {@code opaque}, {@code and}, {@code or}, {@code not}); comparisons in lower camel case
 * ({@code greaterThanOrEqualTo}); absent optional fields are left out. Output is deterministic
 * (fixed field order, opaque attributes sorted by name).
 */
public final class DetectionRuleJson {

    /** Deeper trees than this are refused on reading: stored rules come from adapters that cap depth far lower. */
    static final int MAX_DEPTH = 64;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(2 * MAX_DEPTH + 4).build())
                    .build())
            .build();

    private DetectionRuleJson() {
    }

    /** The rule as compact JSON text, or {@code null} for no rule. */
    public static String toJson(DetectionRule rule) {
        return rule == null ? null : toNode(rule).toString();
    }

    /**
     * Reads JSON written by {@link #toJson}; {@code null} gives {@code null}.
     *
     * @throws IllegalArgumentException if the text is not such a rule (names what is wrong)
     */
    public static DetectionRule fromJson(String json) {
        if (json == null) {
            return null;
        }
        try {
            return fromNode(JSON.readTree(json), "$", 0);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("detection rule is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    static ObjectNode toNode(DetectionRule rule) {
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
            node.put("type", "not").set("rule", toNode(r.rule()));
        } else {
            throw new IllegalArgumentException("unknown rule " + rule.getClass().getName());
        }
        return node;
    }

    private static void putRules(ObjectNode node, List<DetectionRule> rules) {
        ArrayNode array = node.putArray("rules");
        rules.forEach(r -> array.add(toNode(r)));
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static DetectionRule fromNode(JsonNode node, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException(path + ": rules nested deeper than " + MAX_DEPTH + " levels");
        }
        if (node == null || !node.isObject() || !node.path("type").isTextual()) {
            throw new IllegalArgumentException(path + ": must be an object with a string \"type\"");
        }
        String type = node.get("type").textValue();
        return switch (type) {
            case "registryValue" -> new DetectionRule.RegistryValue(text(node, "hive", path), text(node, "key", path),
                    optional(node, "valueName"), comparison(node, path, false), optional(node, "expected"));
            case "registryKeyExists" -> new DetectionRule.RegistryKeyExists(text(node, "hive", path), text(node, "key", path));
            case "fileVersion" -> new DetectionRule.FileVersion(optional(node, "folder"), text(node, "path", path),
                    comparison(node, path, true), optional(node, "version"));
            case "fileExists" -> new DetectionRule.FileExists(optional(node, "folder"), text(node, "path", path));
            case "msiProductInstalled" -> new DetectionRule.MsiProductInstalled(text(node, "productCode", path),
                    optional(node, "versionMin"), optional(node, "versionMax"));
            case "productCodeInstalled" -> new DetectionRule.ProductCodeInstalled(text(node, "productCode", path),
                    optional(node, "displayVersion"));
            case "packageFamilyInstalled" -> new DetectionRule.PackageFamilyInstalled(text(node, "packageFamilyName", path));
            case "opaque" -> new DetectionRule.Opaque(text(node, "kind", path), attributes(node, path));
            case "and" -> new DetectionRule.And(rules(node, path, depth));
            case "or" -> new DetectionRule.Or(rules(node, path, depth));
            case "not" -> new DetectionRule.Not(fromNode(node.get("rule"), path + ".rule", depth + 1));
            default -> throw new IllegalArgumentException(path + ": unknown rule type '" + type + "'");
        };
    }

    private static List<DetectionRule> rules(JsonNode node, String path, int depth) {
        JsonNode array = node.get("rules");
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException(path + ".rules: must be an array");
        }
        List<DetectionRule> rules = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            rules.add(fromNode(array.get(i), path + ".rules[" + i + "]", depth + 1));
        }
        return rules;
    }

    private static Map<String, String> attributes(JsonNode node, String path) {
        JsonNode object = node.get("attributes");
        if (object == null || !object.isObject()) {
            throw new IllegalArgumentException(path + ".attributes: must be an object");
        }
        Map<String, String> attributes = new TreeMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (!field.getValue().isTextual()) {
                throw new IllegalArgumentException(path + ".attributes." + field.getKey() + ": must be a string");
            }
            attributes.put(field.getKey(), field.getValue().textValue());
        }
        return attributes;
    }

    private static Comparison comparison(JsonNode node, String path, boolean required) {
        String text = optional(node, "comparison");
        if (text == null) {
            if (required) {
                throw new IllegalArgumentException(path + ".comparison: is required");
            }
            return null;
        }
        for (Comparison c : Comparison.values()) {
            if (camel(c.name()).equals(text)) {
                return c;
            }
        }
        throw new IllegalArgumentException(path + ".comparison: unknown comparison '" + text + "'");
    }

    private static String text(JsonNode node, String field, String path) {
        String value = optional(node, field);
        if (value == null) {
            throw new IllegalArgumentException(path + "." + field + ": is required");
        }
        return value;
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + ": must be a string");
        }
        return value.textValue();
    }

}
