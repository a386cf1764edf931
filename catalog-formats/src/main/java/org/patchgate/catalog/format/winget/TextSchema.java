package org.patchgate.catalog.format.winget;

import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * The YAML schema manifests are composed with: a plain scalar that the YAML 1.2 core schema reads as
 * null ({@code ~}, {@code null}, {@code Null}, {@code NULL}, empty) is null, every other scalar is
 * text. {@link ManifestYaml} keeps every scalar as the text it was written as anyway, so resolving
 * ints, floats and booleans (the core schema tries a regular expression for each on every plain
 * scalar: 14 % of the adapter's CPU on winget-pkgs) bought nothing. No constructors: nodes are
 * only composed, never constructed.
 */
final class TextSchema implements Schema {

    /** YAML 1.2.2 §10.3.2 (core schema) null, as snakeyaml-engine 2.9's CoreScalarResolver matches it (with " "). */
    private static final Set<String> NULLS = Set.of("", " ", "~", "null", "Null", "NULL");

    private static final ScalarResolver RESOLVER = (value, implicit) ->
            implicit && NULLS.contains(value) ? Tag.NULL : Tag.STR;

    @Override
    public ScalarResolver getScalarResolver() {
        return RESOLVER;
    }

    @Override
    public Map<Tag, ConstructNode> getSchemaTagConstructors() {
        return Map.of();
    }
}
