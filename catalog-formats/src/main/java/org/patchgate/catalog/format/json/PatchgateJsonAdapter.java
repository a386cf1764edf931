package org.patchgate.catalog.format.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.patchgate.catalog.format.CatalogAdapter;
import org.patchgate.catalog.format.CatalogReadException;
import org.patchgate.catalog.format.EntryProblem;
import org.patchgate.catalog.format.EntrySink;
import org.patchgate.catalog.format.SourceFormat;

/**
 * Reads Patchgate's own JSON catalog format: one file {@code {"formatVersion": 1, "entries": [...]}}
 * or a folder of such files ({@code *.json}, read in path order). The format and its limits are
 * documented in docs/formats/patchgate-json.md and docs/formats/patchgate-catalog.schema.json.
 *
 * <p>A file that is not well-formed (syntax, a duplicate key, over a size or depth limit, an
 * unknown formatVersion) is one problem; otherwise each entry is checked on its own.
 */
public final class PatchgateJsonAdapter implements CatalogAdapter {

    /** Largest catalog file read; hand-written catalogs are small, so a file is read whole. */
    static final long MAX_FILE_BYTES = 16L << 20;
    /** JSON nesting allowed: enough for rules nested {@link DetectionRuleCodec#MAX_DEPTH} deep (two levels each). */
    static final int MAX_JSON_DEPTH = 2 * DetectionRuleCodec.MAX_DEPTH + 16;
    private static final int MAX_FOLDER_DEPTH = 16;
    private static final Set<String> TOP_FIELDS = Set.of("$schema", "formatVersion", "entries");

    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    // RFC 8259 §4: names SHOULD be unique; a second "sha256" must not silently win.
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_JSON_DEPTH)
                            .maxDocumentLength(MAX_FILE_BYTES)
                            .maxStringLength(1 << 20)
                            .maxNumberLength(32)
                            .build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @Override
    public SourceFormat format() {
        return SourceFormat.PATCHGATE_JSON;
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void read(Path location, EntrySink sink) throws CatalogReadException {
        Path root = location.toAbsolutePath().normalize();
        List<Path> files;
        Path base;
        if (Files.isRegularFile(root, LinkOption.NOFOLLOW_LINKS)) {
            files = List.of(root);
            base = root.getParent();
        } else if (Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            base = root;
            // Only paths are listed up front (for expect()); each file is read and dropped in turn.
            try (Stream<Path> walk = Files.walk(root, MAX_FOLDER_DEPTH)) {
                // Hidden folders and files (.git, .github/renovate.json in a catalog kept in git) are not catalog files.
                files = walk.filter(p -> !hidden(root.relativize(p)))
                        .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                        .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                        .sorted().toList();
            } catch (IOException | RuntimeException e) {
                throw new CatalogReadException("cannot list " + location + ": " + e.getMessage(), e);
            }
            if (files.isEmpty()) {
                throw new CatalogReadException("no Patchgate catalog files (*.json) under " + location);
            }
        } else {
            throw new CatalogReadException("not a Patchgate JSON catalog file or folder: " + location);
        }
        sink.expect(files.size());
        Set<String> ids = new HashSet<>();
        for (Path file : files) {
            readFile(file, base.relativize(file).toString().replace('\\', '/'), ids, sink);
        }
    }

    private static void readFile(Path file, String name, Set<String> ids, EntrySink sink) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                sink.problem(new EntryProblem(name, "file is " + size + " bytes; at most " + MAX_FILE_BYTES + " are read"));
                return;
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            sink.problem(new EntryProblem(name, "cannot read file: " + e.getMessage()));
            return;
        }
        readDocument(bytes, name, ids, sink);
    }

    /** Reads one catalog document already in memory; {@code ids} collects entry ids across the source. */
    static void readDocument(byte[] bytes, String name, Set<String> ids, EntrySink sink) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JacksonException e) {
            sink.problem(new EntryProblem(name, "not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")));
            return;
        } catch (IOException e) {
            sink.problem(new EntryProblem(name, "cannot read file: " + e.getMessage()));
            return;
        }
        List<JsonNode> entries;
        try {
            entries = document(root);
        } catch (InvalidEntryException e) {
            sink.problem(new EntryProblem(name, e.getMessage()));
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            String path = "entries[" + i + "]";
            try {
                var entry = EntryReader.read(entries.get(i), path, name);
                if (!ids.add(entry.sourceEntryId())) {
                    throw new InvalidEntryException(path + ".id", "'" + entry.sourceEntryId()
                            + "' is used by an earlier entry of this source; ids must be unique");
                }
                sink.entry(entry);
            } catch (InvalidEntryException e) {
                sink.problem(new EntryProblem(name, e.getMessage()));
            } catch (IllegalArgumentException | NullPointerException e) {
                sink.problem(new EntryProblem(name, path + ": " + e.getMessage()));
            }
        }
    }

    private static List<JsonNode> document(JsonNode root) throws InvalidEntryException {
        Fields top = Fields.of(root, "$", TOP_FIELDS);
        JsonNode version = top.raw("formatVersion");
        if (version == null || !version.isIntegralNumber()) {
            throw new InvalidEntryException("formatVersion", "is required and must be the number 1");
        }
        if (!version.canConvertToInt() || version.intValue() != 1) {
            throw new InvalidEntryException("formatVersion", Fields.shorten(version.asText())
                    + " is not supported (this reader knows 1)");
        }
        if (top.raw("entries") == null) {
            throw new InvalidEntryException("entries", "is required (an array of entries)");
        }
        return top.array("entries");
    }
}
