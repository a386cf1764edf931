package org.patchgate.catalog.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgate.catalog.format.winget.WingetAdapter;

/**
 * Skipping unchanged entries before parsing (EntrySink.unchanged, catalog_update.source_digest), with
 * the real winget adapter on real manifests and a real PostgreSQL.
 */
class SyncSkipTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final String GIT_245 = "manifests/g/Git/Git/2.45.2/Git.Git.yaml";
    private static final List<String> BASE_PATHS = List.of(
            "manifests/a/AdrianThurston/Ragel/6.10/AdrianThurston.Ragel.yaml",
            "manifests/d/DominikReichl/KeePass/2.57.0/DominikReichl.KeePass.yaml",
            "manifests/g/Git/Git/2.43.0/Git.Git.yaml", GIT_245,
            "manifests/k/Kitware/CMake/3.29.6/Kitware.CMake.yaml");
    private static CatalogTestDatabase db;
    private static SyncEngine engine;

    @TempDir
    Path temp;
    private long source;
    private Path base;
    private final CountingAdapter adapter = new CountingAdapter(new WingetAdapter(2));

    @BeforeAll
    static void startDatabase() throws IOException {
        db = CatalogTestDatabase.shared();
        engine = SyncEngine.builder().dataSource(db.dataSource).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }


    @BeforeEach
    void firstSync() throws Exception {
        source = db.newSource("WINGET");
        base = CatalogTestDatabase.copyFixture("winget-base", temp.resolve("source"));
        SyncReport first = sync();
        assertEquals(5, first.added(), () -> String.valueOf(first.error()));
        assertEquals(BASE_PATHS, adapter.parsed());
    }

    private SyncReport sync() throws SQLException {
        return engine.sync(source, adapter, base, "manual", SyncProgress.NONE);
    }

    @Test
    void resync_unchangedSource_parsesNothingAndWritesNothing() throws Exception {
        List<String> before = db.rowVersions(source);

        SyncReport again = sync();

        assertEquals(List.of(), adapter.parsed());
        assertEquals(BASE_PATHS, adapter.skipped());
        assertEquals(5, again.unchanged());
        assertEquals(0, again.written() + again.problems());
        assertEquals(before, db.rowVersions(source));
        assertEquals(List.of("succeeded|0|0|0|5|0|5|5"), db.rows("SELECT state, added, changed, removed, unchanged,"
                + " problems, entries_total, entries_done FROM sync_run WHERE id = ?", again.runId()));
    }

    @Test
    void resync_touchedFileWithSameBytes_isStillSkipped() throws Exception {
        Path file = base.resolve(GIT_245);
        Files.setLastModifiedTime(file, FileTime.from(NOW.plusSeconds(3600)));

        sync();

        assertEquals(List.of(), adapter.parsed(), "the digest is over bytes and names, not file times");
    }

    @Test
    void resync_fileWithOtherBytesButSameEntry_isParsedOnceAndItsDigestStored() throws Exception {
        Files.writeString(base.resolve("manifests/g/Git/Git/2.45.2/Git.Git.installer.yaml"), "\n# a comment\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        String digestBefore = digest(GIT_245);

        SyncReport report = sync();

        assertEquals(List.of(GIT_245), adapter.parsed(), "only the directory whose bytes changed is parsed");
        assertEquals(5, report.unchanged(), "same normalised entry: the fingerprint diff finds nothing to change");
        assertEquals(0, report.written());
        assertNotEquals(digestBefore, digest(GIT_245));

        sync();
        assertEquals(List.of(), adapter.parsed(), "the new digest lets the next sync skip it");
    }

    @Test
    void resync_changedEntry_isParsedAndRewritten() throws Exception {
        Path locale = base.resolve("manifests/g/Git/Git/2.45.2/Git.Git.locale.en-US.yaml");
        String text = Files.readString(locale, StandardCharsets.UTF_8);
        Files.writeString(locale, text.replace("\nDescription: ", "\nDescription: Edited. "), StandardCharsets.UTF_8);

        SyncReport report = sync();

        assertEquals(List.of(GIT_245), adapter.parsed());
        assertEquals(1, report.changed());
        assertEquals(4, report.unchanged());
        assertTrue(db.rows("SELECT description FROM catalog_update WHERE source_id = ? AND source_path = ?", source,
                GIT_245).get(0).startsWith("Edited."));
    }

    @Test
    void resync_rowWithoutDigest_isParsed() throws Exception {
        // A row written by an engine before source_digest existed.
        db.execute("UPDATE catalog_update SET source_digest = NULL WHERE source_id = ? AND source_path = ?", source, GIT_245);

        SyncReport report = sync();

        assertEquals(List.of(GIT_245), adapter.parsed());
        assertEquals(5, report.unchanged());
        assertEquals(1, db.count("SELECT count(*) FROM catalog_update WHERE source_id = ? AND source_path = ?"
                + " AND source_digest IS NOT NULL", source, GIT_245));
    }

    @Test
    void resync_problemEntry_isParsedAndReportedAgain_notRemovedNorSkipped() throws Exception {
        CatalogTestDatabase.copyFixture("winget-bad", base);
        SyncReport withProblem = sync();
        assertEquals(1, withProblem.problems());

        SyncReport again = sync();

        assertEquals(1, again.problems(), "an unchanged broken manifest is reported on every sync");
        assertEquals(5, again.unchanged());
        assertEquals(0, again.removed());
        assertEquals(1, db.count("SELECT count(*) FROM sync_problem WHERE sync_run_id = ?"
                + " AND source_path LIKE 'manifests/c/calibre/calibre/7.13.0/%'", again.runId()));
        assertEquals(List.of(), adapter.skipped().stream().filter(p -> p.contains("calibre")).toList());
    }

    @Test
    void resync_storedEntryWhoseFilesBecameBroken_isRemovedAndReported() throws Exception {
        Path installer = base.resolve("manifests/k/Kitware/CMake/3.29.6/Kitware.CMake.installer.yaml");
        String text = Files.readString(installer, StandardCharsets.UTF_8);
        Files.writeString(installer, text.replaceFirst("ManifestVersion: [0-9.]+", "ManifestVersion: 99.0.0"),
                StandardCharsets.UTF_8);

        SyncReport report = sync();

        assertEquals(1, report.problems());
        assertEquals(1, report.removed(), "a stored entry whose files are now broken is no longer in the source");
        SyncReport again = sync();
        assertEquals(1, again.problems(), "still broken: reported again, not skipped");
        assertEquals(0, again.written());
    }

    @Test
    void resync_removedDirectory_isMarkedRemovedEvenThoughOthersAreSkipped() throws Exception {
        Files.walk(base.resolve("manifests/k")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());

        SyncReport report = sync();

        assertEquals(1, report.removed());
        assertEquals(4, report.unchanged());
        assertEquals(4, adapter.skipped().size());
    }

    private String digest(String sourcePath) throws SQLException {
        return db.rows("SELECT source_digest FROM catalog_update WHERE source_id = ? AND source_path = ?", source,
                sourcePath).get(0);
    }
}
