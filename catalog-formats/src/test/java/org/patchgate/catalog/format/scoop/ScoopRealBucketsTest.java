package org.patchgate.catalog.format.scoop;

import org.patchgate.catalog.format.CollectingSink;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.patchgate.catalog.model.CatalogEntry;
import org.patchgate.catalog.model.Classification;
import org.patchgate.catalog.model.InstallScope;
import org.patchgate.catalog.model.Installer;
import org.patchgate.catalog.model.Severity;

/**
 * The whole real Scoop set (ScoopInstaller/Main and Extras, see resources/scoop/README.md): every
 * manifest is either an entry or one of the problems listed here with its reason.
 */
class ScoopRealBucketsTest {

    static final Path RESOURCES = Path.of("src/test/resources/scoop");

    /**
     * The only real manifests not taken: each lists several URLs that Scoop installs together (an
     * archive plus DLLs, helper scripts, plug-ins or alternative builds), which the one-file-per-
     * installer model cannot carry. They are valid Scoop data, rejected by design.
     */
    private static final Map<String, String> MAIN_MULTI_FILE = Map.of(
            "bucket/autossh.json", "architecture.64bit.url: lists 2 downloads (autossh.exe and 1 more)",
            "bucket/bun.json", "architecture.64bit.url: lists 2 downloads (bun-windows-x64.zip and 1 more)",
            "bucket/coreutils.json", "url: lists 6 downloads (msysCORE-1.0.13-2-msys-1.0.13-bin.tar.lzma and 5 more)",
            "bucket/gawk.json", "url: lists 2 downloads (gawk-5.4.1-w32-bin.zip and 1 more)",
            "bucket/lf.json", "architecture.64bit.url: lists 3 downloads (lf-windows-amd64.zip and 2 more)",
            "bucket/lua.json", "architecture.64bit.url: lists 2 downloads (lua-5.5.0_Win64_bin.zip and 1 more)");

    private static final Map<String, String> EXTRAS_MULTI_FILE = Map.of(
            "bucket/akelpad.json", "architecture.64bit.url: lists 2 downloads (AkelPad-4.9.9-x64-bin-eng.zip and 1 more)",
            "bucket/appengine-go.json",
            "architecture.64bit.url: lists 2 downloads (go_appengine_sdk_windows_amd64-1.9.70.zip and 1 more)",
            "bucket/everything-lite.json",
            "architecture.64bit.url: lists 3 downloads (Everything-1.4.1.1032.x64.Lite.zip and 2 more)",
            "bucket/irfanview.json", "architecture.64bit.url: lists 2 downloads (iview475_x64.zip and 1 more)");

    static CollectingSink read(String bucket) throws Exception {
        CollectingSink sink = new CollectingSink();
        new ScoopAdapter().read(RESOURCES.resolve(bucket), sink);
        return sink;
    }

    @Test
    void read_mainBucket_takesAllButTheSixMultiFileApps() throws Exception {
        CollectingSink sink = read("main");

        assertEquals(80, sink.expected);
        assertEquals(74, sink.entries.size());
        assertProblems(MAIN_MULTI_FILE, sink);
    }

    @Test
    void read_extrasBucket_takesAllButTheFourMultiFileApps() throws Exception {
        CollectingSink sink = read("extras");

        assertEquals(75, sink.expected);
        assertEquals(71, sink.entries.size());
        assertProblems(EXTRAS_MULTI_FILE, sink);
    }

    private static void assertProblems(Map<String, String> expected, CollectingSink sink) {
        Map<String, String> actual = new TreeMap<>(sink.problemsByPath());
        assertEquals(new TreeMap<>(expected).keySet(), actual.keySet());
        expected.forEach((path, start) -> {
            String reason = actual.get(path);
            assertTrue(reason.startsWith(start), reason);
            assertTrue(reason.endsWith("multi-file Scoop apps are not supported yet"), reason);
        });
    }

    @Test
    void read_realBuckets_mapEveryEntryTheSameWay() throws Exception {
        for (String bucket : new String[] {"main", "extras"}) {
            for (CatalogEntry e : read(bucket).entries) {
                assertAll(e.sourceEntryId(),
                        () -> assertEquals(e.productKey() + "/" + e.version().text(), e.sourceEntryId()),
                        () -> assertEquals("bucket/" + e.productKey() + ".json", e.sourcePath()),
                        () -> assertEquals(e.productKey(), e.product()),
                        () -> assertEquals(e.productKey() + " " + e.version().text(), e.title()),
                        () -> assertEquals(Classification.APPLICATIONS, e.classification()),
                        () -> assertEquals(Severity.UNSPECIFIED, e.severity()),
                        () -> assertTrue(e.homepage().startsWith("http"), e.homepage()),
                        () -> assertTrue(e.description() != null && !e.description().isBlank()),
                        () -> assertTrue(e.license() != null && !e.license().isBlank()),
                        () -> assertNull(e.installedRule()),
                        () -> assertTrue(e.installers().stream().allMatch(Installer::verifiable)),
                        () -> assertTrue(e.installers().stream().allMatch(i -> i.scope() == InstallScope.USER)),
                        () -> assertTrue(e.installers().stream().allMatch(i -> i.url().getFragment() == null)),
                        () -> assertTrue(e.installers().stream().allMatch(i -> i.vendorType().startsWith("scoop"))));
            }
        }
    }

    /** Every odd version the shared README lists for Scoop is read, exactly as written. */
    @Test
    void read_oddRealVersions_areKeptVerbatim() throws Exception {
        CollectingSink main = read("main");
        CollectingSink extras = read("extras");
        Map<String, String> mainVersions = Map.ofEntries(
                Map.entry("cacert", "2026-08-13"), Map.entry("atomicparsley", "20240608.083822.1ed9031"),
                Map.entry("devtunnel", "1.0.2030+fc9273aa0f"), Map.entry("k0s", "1.36.3+k0s.2"),
                Map.entry("edgedb", "7.9.0+ec0fa4d"), Map.entry("curl", "8.21.0_7"),
                Map.entry("busybox", "6075-g169694ebd"), Map.entry("csvtosql", "v0.1.1-alpha"),
                Map.entry("gettext", "1.0-v1.19"), Map.entry("coursier", "2.1.25-M26"));
        Map<String, String> extrasVersions = Map.of(
                "litebrowser", "7ee5c11", "explorer-suite", "III", "conemu-color-themes", ".june.2020.2",
                "lens", "2026.8.190756-latest", "gretl", "2026b", "duplicati", "2.3.0.4_stable_2026-07-09",
                "eclipse-java", "2026-06");
        mainVersions.forEach((name, version) -> assertEquals(version, main.byProductKey(name).version().text()));
        extrasVersions.forEach((name, version) -> assertEquals(version, extras.byProductKey(name).version().text()));
    }
}
