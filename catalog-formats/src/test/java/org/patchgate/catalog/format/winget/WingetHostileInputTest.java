package org.patchgate.catalog.format.winget;

import org.patchgate.catalog.format.CollectingSink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgate.catalog.format.EntryProblem;

/**
 * Hostile and broken manifests: the shared anomalies (src/test/resources/winget/anomalies, one real
 * Git.Git 2.45.2 or calibre 7.13.0 directory with one change each) and generated oversize input.
 * Each must end as exactly one problem naming the file and the field, never as an entry.
 */
class WingetHostileInputTest {

    private static EntryProblem onlyProblem(String anomaly) throws Exception {
        CollectingSink sink = Fixtures.read(Fixtures.anomaly(anomaly));
        assertEquals(0, sink.entries.size(), () -> "entries: " + sink.entries);
        assertEquals(1, sink.problems.size(), () -> "problems: " + sink.problems);
        assertEquals(1, sink.expected);
        return sink.problems.get(0);
    }

    private static void assertProblem(EntryProblem problem, String file, String... words) {
        assertTrue(problem.sourcePath().endsWith(file), problem::toString);
        assertTrue(problem.sourcePath().startsWith("manifests/"), problem::toString);
        for (String word : words) {
            assertTrue(problem.reason().contains(word), () -> "'" + word + "' not in " + problem.reason());
        }
    }

    @Test
    void read_missingRequiredField_reportsFieldAndFile() throws Exception {
        assertProblem(onlyProblem("missing-required-field"), "Git.Git.installer.yaml", "PackageVersion", "missing");
    }

    @Test
    void read_duplicateKey_isRejected() throws Exception {
        assertProblem(onlyProblem("duplicate-yaml-key"), "Git.Git.installer.yaml", "duplicate", "InstallerType");
    }

    @Test
    void read_unknownManifestVersion_reportsProblem() throws Exception {
        assertProblem(onlyProblem("unknown-manifestversion"), ".yaml", "ManifestVersion '99.0.0'", "not supported");
    }

    @Test
    void read_absurdlyLongVersion_isRejectedWithLength() throws Exception {
        assertProblem(onlyProblem("absurd-version-long"), "Git.Git.yaml", "PackageVersion", "1319 characters");
    }

    @Test
    void read_versionPathTraversal_isRejected() throws Exception {
        assertProblem(onlyProblem("version-path-traversal"), "Git.Git.yaml", "PackageVersion", "path separator");
    }

    @Test
    void read_sha256WrongLength_isRejected() throws Exception {
        assertProblem(onlyProblem("installer-sha256-wrong-length"), "Git.Git.installer.yaml",
                "Installers[0].InstallerSha256", "64 hex digits, got 63");
    }

    @Test
    void read_sha256NotHex_isRejected() throws Exception {
        assertProblem(onlyProblem("installer-sha256-not-hex"), "Git.Git.installer.yaml",
                "InstallerSha256", "non-hex");
    }

    @Test
    void read_identifierMismatch_isRejected() throws Exception {
        assertProblem(onlyProblem("identifier-mismatch"), "Git.Git.installer.yaml", "PackageIdentifier 'Git.Gitt'");
    }

    @Test
    void read_aliasBomb_failsFastWithBoundedMemory() {
        long before = usedMemory();
        EntryProblem problem = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> onlyProblem("yaml-alias-bomb"));
        assertProblem(problem, "Git.Git.locale.en-US.yaml", "alias");
        assertTrue(usedMemory() - before < 256L << 20, "alias bomb used more than 256 MiB");
    }

    @Test
    void read_unsafeGlobalTag_isRejectedWithoutConstructingAnything() throws Exception {
        assertProblem(onlyProblem("yaml-unsafe-global-tag"), "Git.Git.locale.en-US.yaml",
                "tag:yaml.org,2002:javax.script.ScriptEngineManager", "not allowed");
    }

    @Test
    void read_hugeDocument_isAProblemNotOutOfMemory(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("Huge.Doc.yaml");
        String description = "x".repeat(ManifestYaml.MAX_CODE_POINTS + 10);
        Files.writeString(file, singleton("Huge.Doc", "1.0").replace("ShortDescription: s",
                "ShortDescription: s\nDescription: " + description), StandardCharsets.UTF_8);
        CollectingSink sink = Fixtures.read(dir);
        assertEquals(0, sink.entries.size());
        assertEquals(1, sink.problems.size());
        assertTrue(sink.problems.get(0).reason().contains("limit"), sink.problems.get(0)::toString);
    }

    @Test
    void read_fileOverByteCap_isNotRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("Big.File.yaml");
        Files.write(file, new byte[(int) ManifestYaml.MAX_BYTES + 1]);
        CollectingSink sink = Fixtures.read(dir);
        assertEquals(1, sink.problems.size());
        assertTrue(sink.problems.get(0).reason().contains("are not read"), sink.problems.get(0)::toString);
    }

    @Test
    void read_deeplyNestedFlowCollections_isAProblem(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Deep.Nest.yaml"), "Tags: " + "[".repeat(50_000) + "]".repeat(50_000) + "\n");
        CollectingSink sink = Fixtures.read(dir);
        assertEquals(1, sink.problems.size());
        assertEquals(0, sink.entries.size());
    }

    @Test
    void read_invalidUtf8_isAProblem(@TempDir Path dir) throws Exception {
        byte[] bytes = singleton("Bad.Bytes", "1.0").getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 2] = (byte) 0xC3;
        Files.write(dir.resolve("Bad.Bytes.yaml"), bytes);
        CollectingSink sink = Fixtures.read(dir);
        assertTrue(sink.problems.get(0).reason().contains("UTF-8"), sink.problems::toString);
    }

    @Test
    void read_badSingletonBesideGoodOne_goodOneStillLands(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Good.One.yaml"), singleton("Good.One", "1.0"));
        Files.writeString(dir.resolve("Bad.One.yaml"), singleton("Bad.One", "../x"));
        CollectingSink sink = Fixtures.read(dir);
        assertEquals(2, sink.expected);
        assertEquals(1, sink.entries.size());
        assertEquals("Bad.One.yaml", sink.problems.get(0).sourcePath());
    }

    static String singleton(String id, String version) {
        return """
                PackageIdentifier: %s
                PackageVersion: %s
                PackageLocale: en-US
                Publisher: P
                PackageName: N
                License: MIT
                ShortDescription: s
                Installers:
                - Architecture: x64
                  InstallerType: exe
                  InstallerUrl: https://example.invalid/a.exe
                  InstallerSha256: %s
                ManifestType: singleton
                ManifestVersion: 1.0.0
                """.formatted(id, version, "AB".repeat(32));
    }

    private static long usedMemory() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
