package org.patchgate.catalog.format.scoop;

import org.patchgate.catalog.format.CollectingSink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.patchgate.catalog.format.CatalogReadException;

/** Broken and hostile manifests: each becomes one problem naming the field, and reading goes on. */
class ScoopHostileInputTest {

    @TempDir
    Path bucket;

    private String problemOf(String json) throws Exception {
        return Manifests.onlyProblem(Manifests.read(Manifests.write(bucket, "tool", json)));
    }

    /** An 8 GiB sparse file: refused by its size before a byte is read, so memory stays bounded. */
    @Test
    @Timeout(10)
    void read_fileOverSizeCap_isRejectedWithoutReadingIt() throws Exception {
        Path huge = Files.createDirectories(bucket.resolve("bucket")).resolve("huge.json");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(8L << 30);
        }
        Manifests.write(bucket, "tool", Manifests.minimal("1.0"));

        CollectingSink sink = Manifests.read(bucket);

        assertEquals(1, sink.entries.size(), "the next manifest is still read");
        assertEquals("file is 8589934592 bytes; manifests over 1048576 bytes are not read",
                sink.problemsByPath().get("bucket/huge.json"));
    }

    @Test
    void read_deeplyNestedJson_isRejectedByNestingLimit() throws Exception {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);

        String reason = problemOf("{\"version\": \"1.0\", \"x\": " + deep + "}");

        assertTrue(reason.startsWith("exceeds a parser limit: Document nesting depth (33) exceeds the maximum allowed (32"),
                reason);
    }

    @Test
    void read_manyTokensUnderSizeCap_isRejectedByTokenLimit() throws Exception {
        String reason = problemOf("{\"version\": \"1.0\", \"x\": [" + "0,".repeat(200_000) + "0]}");

        assertTrue(reason.startsWith("exceeds a parser limit: Token count"), reason);
    }

    @Test
    void read_emptyFile_isRejected() throws Exception {
        assertEquals("file is empty", problemOf(""));
    }

    @Test
    void read_jsonArray_isRejected() throws Exception {
        assertEquals("a manifest must be a JSON object, found array", problemOf("[{\"version\": \"1.0\"}]"));
    }

    @Test
    void read_twoObjectsInOneFile_isRejected() throws Exception {
        assertTrue(problemOf(Manifests.minimal("1.0") + Manifests.minimal("2.0")).startsWith("not valid JSON at line 9"));
    }

    @Test
    void read_invalidUtf8_isRejected() throws Exception {
        byte[] bytes = Manifests.minimal("1.0").replace("test", "t\u00e9st").getBytes(StandardCharsets.ISO_8859_1);

        String reason = Manifests.onlyProblem(Manifests.read(Manifests.write(bucket, "tool", bytes)));

        assertEquals("file is not valid UTF-8", reason);
    }

    @Test
    void read_utf8Bom_isAccepted() throws Exception {
        byte[] json = Manifests.minimal("1.0").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);

        CollectingSink sink = Manifests.read(Manifests.write(bucket, "tool", withBom));

        assertEquals("tool/1.0", sink.entries.get(0).sourceEntryId());
    }

    @Test
    void read_versionMissing_isRejected() throws Exception {
        assertEquals("version: missing", problemOf("{\"url\": \"https://example.org/a.zip\"}"));
    }

    /** JSON 1.10 would already be the number 1.1: Scoop versions are strings. */
    @Test
    void read_versionNumber_isRejected() throws Exception {
        assertEquals("version: must be a string, found number",
                problemOf(Manifests.minimal("1.0").replace("\"1.0\"", "1.10")));
    }

    @Test
    void read_versionWithPathSeparator_isRejected() throws Exception {
        assertEquals("version: version '../../evil' contains a path separator ('/'), which no version may contain",
                problemOf(Manifests.minimal("../../evil")));
    }

    @Test
    void read_hashMissing_isRejectedBecauseEveryDownloadIsVerified() throws Exception {
        String json = """
                {"version": "1.0", "architecture": {"64bit": {"url": "https://example.org/a.zip"}}}
                """;

        assertEquals("architecture.64bit.hash: missing; Patchgate verifies every download against the hash its catalog gives",
                problemOf(json));
    }

    @Test
    void read_urlMissing_isRejected() throws Exception {
        assertEquals("url: missing: neither the manifest nor any architecture has a download URL",
                problemOf("{\"version\": \"1.0\", \"architecture\": {\"64bit\": {\"bin\": \"a.exe\"}}}"));
    }

    @Test
    void read_unknownHashAlgorithm_isRejected() throws Exception {
        assertEquals("hash: unknown hash algorithm 'sha384'; Scoop knows md5, sha1, sha256 and sha512",
                problemOf(Manifests.minimal("1.0").replace("\"0000", "\"sha384:0000")));
    }

    @Test
    void read_nonAsciiDigitInHash_isRejected() throws Exception {
        String reason = problemOf(Manifests.minimal("1.0").replace("\"0000", "\"\u0663000"));

        assertEquals("hash: a sha256 (no prefix) hash must be hex digits only, found '\u0663' at position 1", reason);
    }

    @Test
    void read_unknownArchitecture_isRejected() throws Exception {
        String json = Manifests.minimal("1.0").replace("\"license\"", "\"architecture\": {\"mips\": {}}, \"license\"");

        assertEquals("architecture: unknown architecture 'mips'; Scoop knows 64bit, 32bit and arm64", problemOf(json));
    }

    @Test
    void read_renameTargetClimbingOut_isRejected() throws Exception {
        String json = Manifests.minimal("1.0").replace("tool-1.0.zip", "tool-1.0.zip#/..\\\\..\\\\evil.exe");

        assertEquals("url: rename target '#/..\\..\\evil.exe' is not a plain file name", problemOf(json));
    }

    @Test
    void read_fileUrl_isRejected() throws Exception {
        assertEquals("url: 'file:///etc/passwd' is not an http or https URL",
                problemOf(Manifests.minimal("1.0").replace("https://example.org/tool-1.0.zip", "file:///etc/passwd")));
    }

    @Test
    void read_javascriptHomepage_isRejected() throws Exception {
        assertEquals("homepage: 'javascript:alert(1)' is not an http or https URL",
                problemOf(Manifests.minimal("1.0").replace("https://example.org/tool\"", "javascript:alert(1)\"")));
    }

    @Test
    void read_installerScripts_areIgnoredNotEvaluated() throws Exception {
        String json = Manifests.minimal("1.0").replace("\"license\"", """
                "pre_install": "Remove-Item -Recurse C:\\\\", "checkver": {"script": ["exit 1"]},
                "autoupdate": {"url": "https://evil.example/$version"}, "##": "comment", "persist": ["a", ["b"]],
                "license\"""");

        CollectingSink sink = Manifests.read(Manifests.write(bucket, "tool", json));

        assertEquals(1, sink.entries.size(), sink.problems.toString());
        assertEquals("https://example.org/tool-1.0.zip", sink.entries.get(0).installers().get(0).url().toString());
    }

    @Test
    void read_symbolicLinkInBucket_isNotFollowed() throws Exception {
        Path secret = Files.writeString(Files.createTempFile(bucket, "secret", ".txt"), Manifests.minimal("6.6.6"));
        Files.createDirectories(bucket.resolve("bucket"));
        Files.createSymbolicLink(bucket.resolve("bucket/link.json"), secret);

        assertEquals("is a symbolic link; links in a bucket are not followed", Manifests.onlyProblem(Manifests.read(bucket)));
    }

    @Test
    void read_folderWithoutManifests_isNotABucket() throws Exception {
        Files.writeString(bucket.resolve("README.md"), "hello");

        assertThrows(CatalogReadException.class, () -> Manifests.read(bucket));
    }

    @Test
    void read_missingLocation_isNotABucket() {
        assertThrows(CatalogReadException.class, () -> Manifests.read(bucket.resolve("nothing-here")));
    }

    @Test
    void read_folderOfManifestsWithoutBucketSubfolder_isABucket() throws Exception {
        Files.writeString(bucket.resolve("tool.json"), Manifests.minimal("2.0"));

        CollectingSink sink = Manifests.read(bucket);

        assertEquals("tool.json", sink.entries.get(0).sourcePath());
    }
}
