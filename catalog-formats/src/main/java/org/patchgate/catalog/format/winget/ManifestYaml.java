package org.patchgate.catalog.format.winget;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Turns one manifest file into plain data: maps with text keys, lists, and every scalar as the text
 * it was written as. Manifests are only composed into YAML nodes, never constructed into objects,
 * so no tag can instantiate a class; the nodes are then copied under a budget.
 *
 * <p>Why text scalars: the YAML core schema would make {@code PackageVersion: 6.10} the float 6.1
 * (winget-pkgs AdrianThurston.Ragel 6.10), and YAML 1.1 loaders make {@code 2008-01-23} a date.
 */
final class ManifestYaml {

    /** Largest manifest read, in code points; real manifests are under 60 KB. */
    static final int MAX_CODE_POINTS = 1 << 20;
    /** Largest file read from disk: UTF-8 needs at most 4 bytes per code point. */
    static final long MAX_BYTES = 4L * MAX_CODE_POINTS;
    /** Aliases to collections allowed per document; real manifests use none (alias bombs need many). */
    private static final int MAX_ALIASES = 10;
    /** Nodes copied per document, counting every alias expansion: bounds memory whatever the aliases do. */
    private static final int MAX_NODES = 100_000;
    private static final int MAX_DEPTH = 32;
    /**
     * Tags plain scalars and collections resolve to (the core schema's, though {@link TextSchema} only
     * yields str and null); anything else was written explicitly.
     */
    private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ);

    private static final LoadSettings SETTINGS = LoadSettings.builder()
            .setSchema(new TextSchema())
            .setAllowDuplicateKeys(false)
            .setAllowRecursiveKeys(false)
            .setMaxAliasesForCollections(MAX_ALIASES)
            .setCodePointLimit(MAX_CODE_POINTS)
            .setUseMarks(true)
            .build();

    private ManifestYaml() {
    }

    /** Parses one manifest; {@code file} (relative path) only names it in errors. */
    static Map<String, Object> parse(String file, byte[] bytes) throws InvalidManifestException {
        String text = decode(file, bytes);
        // Checked before parsing so an oversize document costs one pass, not a parse up to the limit;
        // counted only when the UTF-16 length could exceed it (code points never outnumber chars).
        int codePoints = text.length() <= MAX_CODE_POINTS ? text.length() : text.codePointCount(0, text.length());
        if (codePoints > MAX_CODE_POINTS) {
            throw new InvalidManifestException(file, "manifest has " + codePoints
                    + " characters, over the limit of " + MAX_CODE_POINTS);
        }
        Optional<Node> root;
        try {
            root = new Compose(SETTINGS).composeString(text);
        } catch (YamlEngineException e) {
            throw new InvalidManifestException(file, "not valid YAML: " + shorten(e.getMessage()));
        } catch (StackOverflowError e) {
            throw new InvalidManifestException(file, "not valid YAML: nested too deeply");
        }
        if (root.isEmpty() || !(root.get() instanceof MappingNode mapping)) {
            throw new InvalidManifestException(file, "a manifest must be a YAML mapping of fields");
        }
        return new Copier(file).map(mapping, 0);
    }

    private static String decode(String file, byte[] bytes) throws InvalidManifestException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            // winget-pkgs has files with a UTF-8 byte order mark (Greenshot 1.2.10.6); it is not content.
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidManifestException(file, "not valid UTF-8 (winget manifests are UTF-8)");
        }
    }

    static String shorten(String message) {
        String oneLine = String.valueOf(message).replaceAll("\\s+", " ").strip();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }

    /** Copies nodes into maps, lists and strings, counting nodes so aliases cannot multiply memory. */
    private static final class Copier {
        private final String file;
        private int nodes;

        Copier(String file) {
            this.file = file;
        }

        private Object value(Node node, int depth) throws InvalidManifestException {
            if (++nodes > MAX_NODES || depth > MAX_DEPTH) {
                throw new InvalidManifestException(file, "manifest is too large or nested too deeply (at most "
                        + MAX_NODES + " values, " + MAX_DEPTH + " levels, aliases expanded)");
            }
            if (!PLAIN_TAGS.contains(node.getTag())) {
                throw new InvalidManifestException(file, "YAML tag " + node.getTag().getValue() + at(node)
                        + " is not allowed in a manifest (only plain text, lists and mappings)");
            }
            if (node instanceof ScalarNode scalar) {
                return scalar.getTag().equals(Tag.NULL) && scalar.isPlain() ? null : scalar.getValue();
            }
            if (node instanceof SequenceNode sequence) {
                List<Object> list = new ArrayList<>(sequence.getValue().size());
                for (Node item : sequence.getValue()) {
                    list.add(value(item, depth + 1));
                }
                return list;
            }
            if (node instanceof MappingNode mapping) {
                return map(mapping, depth + 1);
            }
            throw new InvalidManifestException(file, "unsupported YAML node" + at(node));
        }

        Map<String, Object> map(MappingNode mapping, int depth) throws InvalidManifestException {
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode keyNode) || !PLAIN_TAGS.contains(keyNode.getTag())) {
                    throw new InvalidManifestException(file, "mapping keys must be plain text" + at(tuple.getKeyNode()));
                }
                String key = keyNode.getValue();
                // YAML 1.2 §3.2.1.1: keys are unique. Checked here too, as the composer does not.
                if (map.containsKey(key)) {
                    throw new InvalidManifestException(file, "duplicate key '" + key + "'" + at(keyNode));
                }
                map.put(key, value(tuple.getValueNode(), depth));
            }
            return map;
        }

        private static String at(Node node) {
            return node.getStartMark().map(Mark::getLine).map(line -> " at line " + (line + 1)).orElse("");
        }
    }

}
