package org.patchgate.catalog.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgate.catalog.format.json.PatchgateJsonAdapter;
import org.patchgate.catalog.format.winget.WingetAdapter;

/** Sync of real winget manifests (and a Patchgate JSON file) into a real PostgreSQL. */
class SyncEngineTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static CatalogTestDatabase db;
    private static SyncEngine engine;

    @TempDir
    Path temp;

    @BeforeAll
    static void startDatabase() throws IOException {
        db = CatalogTestDatabase.shared();
        engine = SyncEngine.builder().dataSource(db.dataSource).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }


    private SyncReport syncWinget(long source, Path location) throws SQLException {
        return engine.sync(source, new WingetAdapter(), location, "manual", SyncProgress.NONE);
    }

    @Test
    void sync_emptyDatabase_addsEveryEntry() throws Exception {
        long source = db.newSource("WINGET");
        Path base = CatalogTestDatabase.copyFixture("winget-base", temp.resolve("source"));

        SyncReport report = syncWinget(source, base);

        assertEquals(SyncState.SUCCEEDED, report.state(), () -> String.valueOf(report.error()));
        assertEquals(5, report.added());
        assertEquals(0, report.changed() + report.removed() + report.unchanged() + report.problems());
        assertEquals(List.of("AdrianThurston.Ragel/6.10", "DominikReichl.KeePass/2.57.0", "Git.Git/2.43.0",
                "Git.Git/2.45.2", "Kitware.CMake/3.29.6"), db.rows(
                "SELECT source_entry_id FROM catalog_update WHERE source_id = ? ORDER BY 1", source));
        assertEquals(4, db.count("SELECT count(*) FROM product WHERE source_id = ?", source));
        // Git 2.45.2 offers x64 and arm64 in machine and user scope: every installer of every entry is stored.
        assertTrue(db.count("SELECT count(*) FROM installer i JOIN catalog_update u ON u.id = i.update_id"
                + " WHERE u.source_id = ? AND u.source_entry_id = 'Git.Git/2.45.2'", source) >= 2);
        assertEquals(List.of("succeeded|5|0|0|0|0|5|5"), db.rows("SELECT state, added, changed, removed, unchanged,"
                + " problems, entries_total, entries_done FROM sync_run WHERE id = ?", report.runId()));
        assertEquals(List.of(NOW.toString()), db.rows("SELECT to_char(first_seen_at AT TIME ZONE 'UTC',"
                + " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM catalog_update WHERE source_id = ? GROUP BY 1", source));
    }

    @Test
    void sync_unchangedSource_writesNothing() throws Exception {
        long source = db.newSource("WINGET");
        Path base = CatalogTestDatabase.copyFixture("winget-base", temp.resolve("source"));
        syncWinget(source, base);
        List<String> before = db.rowVersions(source);

        SyncReport again = syncWinget(source, base);

        assertEquals(SyncState.SUCCEEDED, again.state());
        assertEquals(5, again.unchanged());
        assertEquals(0, again.written());
        // Same rows, each still carrying the xmin of the first sync's transaction: nothing rewritten.
        assertEquals(before, db.rowVersions(source));
    }

    @Test
    void sync_newVersion_addsUpdateThatSupersedesTheOld() throws Exception {
        long source = db.newSource("WINGET");
        Path base = CatalogTestDatabase.copyFixture("winget-base", temp.resolve("source"));
        syncWinget(source, base);
        assertEquals(List.of("Git.Git/2.43.0|Git.Git/2.45.2", "Git.Git/2.45.2|null"), supersedence(source, "Git.Git"));
        CatalogTestDatabase.copyFixture("winget-newer", base);

        SyncReport report = syncWinget(source, base);

        assertEquals(1, report.added());
        assertEquals(5, report.unchanged());
        assertEquals(List.of("Git.Git/2.43.0|Git.Git/2.45.2", "Git.Git/2.45.2|Git.Git/2.48.1", "Git.Git/2.48.1|null"),
                supersedence(source, "Git.Git"));
    }

    @Test
    void sync_newestVersionRemoved_previousVersionIsNoLongerSuperseded() throws Exception {
        long source = db.newSource("WINGET");
        Path base = CatalogTestDatabase.copyFixture("winget-base", temp.resolve("source"));
        syncWinget(source, base);
        Files.move(base.resolve("manifests/g/Git/Git/2.45.2"), temp.resolve("git-2.45.2"));

        SyncReport report = syncWinget(source, base);

        assertEquals(1, report.removed());
        // 2.45.2 is kept (removed) with its old link; 2.43.0 is the newest remaining version again.
        assertEquals(List.of("Git.Git/2.43.0|null", "Git.Git/2.45.2|null"), supersedence(source, "Git.Git"));
    }

    @Test
    void sync_badEntry_isReportedAndTheRestLands() throws Exception {
        long source = db.newSource("WINGET");
        Path base = CatalogTestDatabase.copyFixture("winget-base", temp.resolve("source"));
        CatalogTestDatabase.copyFixture("winget-bad", base);

        SyncReport report = syncWinget(source, base);

        assertEquals(SyncState.SUCCEEDED, report.state());
        assertEquals(5, report.added());
        assertEquals(1, report.problems());
        List<String> problems = db.rows("SELECT source_path, reason FROM sync_problem WHERE sync_run_id = ?", report.runId());
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("manifests/c/calibre/calibre/7.13.0/"), problems.get(0));
        assertTrue(problems.get(0).contains("99.0.0"), problems.get(0));
        assertEquals(0, db.count("SELECT count(*) FROM catalog_update WHERE source_id = ? AND source_entry_id LIKE 'calibre%'",
                source));
    }

    @Test
    void sync_entryRemovedFromSource_isMarkedRemovedNotDeleted() throws Exception {
        long source = db.newSource("WINGET");
        Path base = CatalogTestDatabase.copyFixture("winget-base", temp.resolve("source"));
        syncWinget(source, base);
        Path cmake = base.resolve("manifests/k/Kitware/CMake/3.29.6");
        Path aside = Files.move(cmake, temp.resolve("cmake-aside"));

        SyncReport removal = syncWinget(source, base);

        assertEquals(1, removal.removed());
        assertEquals(4, removal.unchanged());
        assertEquals(List.of("Kitware.CMake/3.29.6|" + NOW), db.rows("SELECT source_entry_id,"
                + " to_char(removed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM catalog_update"
                + " WHERE source_id = ? AND removed_at IS NOT NULL", source));
        assertTrue(db.count("SELECT count(*) FROM installer i JOIN catalog_update u ON u.id = i.update_id"
                + " WHERE u.source_entry_id = 'Kitware.CMake/3.29.6' AND u.source_id = ?", source) > 0);

        SyncReport stillGone = syncWinget(source, base);
        assertEquals(0, stillGone.written(), "an entry already marked removed is not marked again");

        Files.move(aside, cmake);
        SyncReport back = syncWinget(source, base);
        assertEquals(1, back.changed());
        assertEquals(0, db.count("SELECT count(*) FROM catalog_update WHERE source_id = ? AND removed_at IS NOT NULL", source));
    }

    @Test
    void sync_changedEntry_rewritesItAndKeepsContentStateOfUnchangedInstallers() throws Exception {
        long source = db.newSource("WINGET");
        Path base = CatalogTestDatabase.copyFixture("winget-base", temp.resolve("source"));
        syncWinget(source, base);
        String git = "SELECT i.content_state FROM installer i JOIN catalog_update u ON u.id = i.update_id"
                + " WHERE u.source_id = ? AND u.source_entry_id = 'Git.Git/2.45.2' ORDER BY i.position";
        int installers = db.rows(git, source).size();
        db.execute("UPDATE installer SET content_state = 'verified' WHERE update_id ="
                + " (SELECT id FROM catalog_update WHERE source_id = ? AND source_entry_id = 'Git.Git/2.45.2')", source);
        Path locale = base.resolve("manifests/g/Git/Git/2.45.2/Git.Git.locale.en-US.yaml");
        String text = Files.readString(locale, StandardCharsets.UTF_8);
        Files.writeString(locale, text.replace("\nDescription: ", "\nDescription: Edited. "), StandardCharsets.UTF_8);

        SyncReport report = syncWinget(source, base);

        assertEquals(1, report.changed());
        assertEquals(4, report.unchanged());
        List<String> states = db.rows(git, source);
        assertEquals(installers, states.size());
        assertTrue(states.stream().allMatch("verified"::equals), states::toString);
        assertTrue(db.rows("SELECT title || ' ' || coalesce(description, '') FROM catalog_update"
                + " WHERE source_id = ? AND source_entry_id = 'Git.Git/2.45.2'", source).get(0).contains("Edited."));
    }

    @Test
    void sync_explicitSupersedes_linksTheNamedEntryOfAnotherProduct() throws Exception {
        long source = db.newSource("PATCHGATE_JSON");
        Path json = CatalogTestDatabase.copyFixture("patchgate-json", temp.resolve("source"));

        SyncReport report = engine.sync(source, new PatchgateJsonAdapter(), json, "manual", SyncProgress.NONE);

        assertEquals(2, report.added(), () -> String.valueOf(report.error()));
        assertEquals(List.of("fabrikam-reader-10.0|null", "fabrikam-reader-legacy-9.1|fabrikam-reader-10.0"), db.rows(
                "SELECT u.source_entry_id, s.source_entry_id FROM catalog_update u"
                        + " LEFT JOIN catalog_update s ON s.id = u.superseded_by_id WHERE u.source_id = ? ORDER BY 1", source));
        assertEquals(List.of("[\"fabrikam-reader-legacy-9.1\", \"not-in-this-source\"]"), db.rows(
                "SELECT supersedes FROM catalog_update WHERE source_id = ? AND source_entry_id = 'fabrikam-reader-10.0'", source));
    }

    /** Each update of the product with the entry that supersedes it, ordered by entry id. */
    private List<String> supersedence(long source, String productKey) throws SQLException {
        return db.rows("SELECT u.source_entry_id, s.source_entry_id FROM catalog_update u"
                + " JOIN product p ON p.id = u.product_id LEFT JOIN catalog_update s ON s.id = u.superseded_by_id"
                + " WHERE u.source_id = ? AND p.product_key = ? ORDER BY 1", source, productKey);
    }
}
