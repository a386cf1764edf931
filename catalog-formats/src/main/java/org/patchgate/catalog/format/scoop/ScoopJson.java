package org.patchgate.catalog.format.scoop;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of one manifest into a JSON object tree, strictly and within fixed limits, so that
 * a hostile file costs bounded memory and time and is never read two ways.
 */
final class ScoopJson {

    /** Largest manifest read. Real ones are under 20 KB (the biggest in Main/Extras, with scripts). */
    static final int MAX_FILE_BYTES = 1024 * 1024;

    /** Real manifests nest about 6 levels (autoupdate.architecture.64bit.hash.url). */
    static final int MAX_NESTING_DEPTH = 32;

    static final int MAX_STRING_CHARS = 256 * 1024;

    /** A real manifest has a few hundred tokens; this bounds the tree a 1 MiB file can build. */
    static final long MAX_TOKENS = 100_000;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    // RFC 8259 §4: names SHOULD be unique; Jackson keeps the last one silently unless
                    // told otherwise, so two "version" keys would be read differently by Scoop and us.
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    // never quote file content back into a problem report
                    .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxStringLength(MAX_STRING_CHARS)
                            .maxNameLength(1024)
                            .maxNumberLength(100)
                            .maxDocumentLength(MAX_FILE_BYTES)
                            .maxTokenCount(MAX_TOKENS)
                            .build())
                    .build())
            // "{...} {...}" is not one manifest
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ScoopJson() {
    }

    /**
     * Parses one manifest.
     *
     * @throws ScoopManifestException if the bytes are not strict UTF-8, not JSON, exceed a limit, or
     *     are not a JSON object
     */
    static ObjectNode parse(byte[] bytes) throws ScoopManifestException {
        if (bytes.length > MAX_FILE_BYTES) {
            throw new ScoopManifestException(null, "file is " + bytes.length + " bytes; manifests over "
                    + MAX_FILE_BYTES + " bytes are not read");
        }
        String text = decode(bytes);
        if (text.isBlank()) {
            throw new ScoopManifestException(null, "file is empty");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (StreamConstraintsException e) {
            throw new ScoopManifestException(null, "exceeds a parser limit: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ScoopManifestException(null, "not valid JSON" + where(e.getLocation()) + ": "
                    + firstLine(e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new ScoopManifestException(null, "a manifest must be a JSON object, found "
                    + (root == null ? "nothing" : root.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        return (ObjectNode) root;
    }

    /**
     * Scoop writes manifests as UTF-8 (PowerShell's Get-Content -Encoding UTF8 tolerates a BOM, so
     * we do too). Malformed bytes are rejected rather than replaced, so that what we store is what
     * the file says.
     */
    private static String decode(byte[] bytes) throws ScoopManifestException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ScoopManifestException(null, "file is not valid UTF-8");
        }
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "parse error";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
