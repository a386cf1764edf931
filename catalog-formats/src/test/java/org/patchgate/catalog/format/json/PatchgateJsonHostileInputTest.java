package org.patchgate.catalog.format.json;

import org.patchgate.catalog.format.CollectingSink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgate.catalog.format.EntryProblem;

/** Broken and hostile Patchgate JSON, generated here: each ends as a problem naming the field. */
class PatchgateJsonHostileInputTest {

    @TempDir
    Path dir;

    static final String INSTALLER = """
            {"architecture": "x64", "type": "exe", "url": "https://a.invalid/s.exe", "sha256": "%s"}"""
            .formatted("ab".repeat(32));

    static String entry(String extra) {
        return """
                {"vendor": "V", "product": "P", "productKey": "V.P", "version": "1.0", "installers": [%s]%s}"""
                .formatted(INSTALLER, extra);
    }

    static String doc(String... entries) {
        return "{\"formatVersion\": 1, \"entries\": [" + String.join(",", entries) + "]}";
    }

    private CollectingSink readText(String json) throws Exception {
        Path file = dir.resolve("catalog.json");
        Files.writeString(file, json);
        return PatchgateJsonAdapterTest.read(file);
    }

    private EntryProblem onlyProblem(String json) throws Exception {
        CollectingSink sink = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> readText(json));
        assertEquals(0, sink.entries.size(), () -> "entries: " + sink.entries);
        assertEquals(1, sink.problems.size(), () -> "problems: " + sink.problems);
        assertEquals("catalog.json", sink.problems.get(0).sourcePath());
        return sink.problems.get(0);
    }

    private static void assertReason(EntryProblem p, String expected) {
        assertTrue(p.reason().contains(expected), () -> "'" + expected + "' not in " + p.reason());
    }

    @Test
    void read_validGeneratedEntry_isAccepted() throws Exception {
        assertEquals(1, readText(doc(entry(""))).entries.size());
    }

    @Test
    void read_shaNotHex_namesTheExactField() throws Exception {
        String bad = entry("").replace("ab".repeat(32), "zz".repeat(32));
        CollectingSink sink = readText(doc(entry(""), entry(",\"id\":\"x\""), entry(",\"id\":\"y\""), bad));
        assertEquals(3, sink.entries.size());
        assertEquals("entries[3].installers[0].sha256: must be 64 hex digits", sink.problems.get(0).reason());
    }

    @Test
    void read_duplicateKey_rejectsTheFile() throws Exception {
        assertReason(onlyProblem(doc(entry(",\"version\": \"9.9\""))), "Duplicate field 'version'");
    }

    @Test
    void read_jsonNestingBomb_rejectedFast() throws Exception {
        assertReason(onlyProblem("{\"formatVersion\":1,\"entries\":" + "[".repeat(200_000) + "]".repeat(200_000) + "}"),
                "nesting depth");
    }

    @Test
    void read_ruleNestedTooDeeply_namesTheDepthLimit() throws Exception {
        String rule = "{\"type\":\"fileExists\",\"path\":\"a\"}";
        for (int i = 0; i < DetectionRuleCodec.MAX_DEPTH; i++) {
            rule = "{\"type\":\"not\",\"rule\":" + rule + "}";
        }
        assertReason(onlyProblem(doc(entry(",\"installedRule\":" + rule))), "nested deeper than " + DetectionRuleCodec.MAX_DEPTH);
    }

    @Test
    void read_wrongTypes_areNamed() throws Exception {
        assertReason(onlyProblem(doc(entry(",\"releaseDate\": 20240101"))), "entries[0].releaseDate: must be a string, found number");
        assertReason(onlyProblem(doc(entry("").replace("[" + INSTALLER + "]", "{}"))), "entries[0].installers: must be an array");
        assertReason(onlyProblem(doc("[]")), "entries[0]: must be an object, found array");
        assertReason(onlyProblem("{\"formatVersion\": 1, \"entries\": {}}"), "entries: must be an array");
    }

    @Test
    void read_unknownFormatVersion_rejectsTheFile() throws Exception {
        assertReason(onlyProblem("{\"formatVersion\": 2, \"entries\": []}"), "formatVersion: 2 is not supported");
        assertReason(onlyProblem("{\"formatVersion\": \"1\", \"entries\": []}"), "must be the number 1");
    }

    @Test
    void read_unknownField_isRejectedNotIgnored() throws Exception {
        assertReason(onlyProblem(doc(entry(",\"sha265\": \"x\""))), "entries[0].sha265: unknown field");
    }

    @Test
    void read_badEnumValue_listsAllowedValues() throws Exception {
        assertReason(onlyProblem(doc(entry(",\"classification\": \"Security Updates\""))), "securityUpdates");
    }

    @Test
    void read_absurdVersion_isRejected() throws Exception {
        assertReason(onlyProblem(doc(entry("").replace("\"1.0\"", "\"../../../../tmp/evil\""))), "entries[0].version");
    }

    @Test
    void read_nonHttpUrl_isRejected() throws Exception {
        assertReason(onlyProblem(doc(entry("").replace("https://a.invalid/s.exe", "file:///etc/passwd"))),
                "entries[0].installers[0].url: must be an http or https URL");
    }

    @Test
    void read_installerWithoutHash_isRejected() throws Exception {
        assertReason(onlyProblem(doc(entry("").replace(", \"sha256\": \"" + "ab".repeat(32) + "\"", ""))),
                "needs sha256 or vendorDigest");
    }

    @Test
    void read_duplicateEntryId_secondIsRejected() throws Exception {
        CollectingSink sink = readText(doc(entry(""), entry("")));
        assertEquals(1, sink.entries.size());
        assertReason(sink.problems.get(0), "entries[1].id: 'V.P/1.0' is used by an earlier entry");
    }

    @Test
    void read_truncatedFile_isOneProblem() throws Exception {
        String json = doc(entry(""));
        assertReason(onlyProblem(json.substring(0, json.length() / 2)), "not valid JSON");
    }

    @Test
    void read_trailingGarbage_isRejected() throws Exception {
        assertReason(onlyProblem(doc(entry("")) + " {}"), "not valid JSON");
    }
}
