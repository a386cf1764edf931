package org.patchgate.catalog.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Path;
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
 * Skipping the whole read when the source's revision is what the last successful sync read
 * (SyncOptions.revision, sync_run.read_key), with the real winget adapter and a real PostgreSQL.
 */
class SyncRevisionTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final SourceRevision COMMIT_A = SourceRevision.of("git commit aaaa (clean working tree)", "build 1");
    private static final SourceRevision COMMIT_B = SourceRevision.of("git commit bbbb (clean working tree)", "build 1");
    private static CatalogTestDatabase db;
    private static SyncEngine engine;

    @TempDir
    Path temp;
    private long source;
    private Path base;
    private final CountingAdapter adapter = new CountingAdapter(new WingetAdapter(2));
    private SyncReport first;

    @BeforeAll
    static void startDatabase() throws IOException {
        db = CatalogTestDatabase.shared();
        engine = SyncEngine.builder().dataSource(db.dataSource).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }


    @BeforeEach
    void firstSync() throws Exception {
        source = db.newSource("WINGET");
        base = CatalogTestDatabase.copyFixture("winget-base", temp.resolve("source"));
        CatalogTestDatabase.copyFixture("winget-bad", base);
        first = sync(SyncOptions.withRevision(COMMIT_A));
        assertEquals(5, first.added(), () -> String.valueOf(first.error()));
        assertEquals(1, first.problems());
        assertEquals(List.of("git commit aaaa (clean working tree)|" + COMMIT_A.key() + "|null"),
                db.rows("SELECT source_revision, read_key, unchanged_since_run FROM sync_run WHERE id = ?", first.runId()));
    }

    private SyncReport sync(SyncOptions options) throws SQLException {
        return engine.sync(source, adapter, base, "manual", SyncProgress.NONE, options);
    }

    @Test
    void sameRevision_readsNothing_writesNothing_andSaysWhichRunStands() throws Exception {
        List<String> before = db.rowVersions(source);

        SyncReport again = sync(SyncOptions.withRevision(COMMIT_A));

        assertEquals(1, adapter.reads(), "only the first sync read the source");
        assertEquals(before, db.rowVersions(source));
        assertEquals(5, again.unchanged());
        assertEquals(0, again.written());
        assertEquals(List.of("succeeded|5|1|" + first.runId()), db.rows("SELECT state, unchanged, problems,"
                + " unchanged_since_run FROM sync_run WHERE id = ?", again.runId()));
    }

    @Test
    void sameRevision_repeatsTheProblemsOfTheRunThatStands() throws Exception {
        SyncReport again = sync(SyncOptions.withRevision(COMMIT_A));

        assertEquals(1, again.problems());
        assertEquals(db.rows("SELECT source_path, reason FROM sync_problem WHERE sync_run_id = ?", first.runId()),
                db.rows("SELECT source_path, reason FROM sync_problem WHERE sync_run_id = ?", again.runId()));
    }

    @Test
    void sameRevisionTwice_stillPointsAtTheRunThatRead() throws Exception {
        sync(SyncOptions.withRevision(COMMIT_A));

        SyncReport third = sync(SyncOptions.withRevision(COMMIT_A));

        assertEquals(List.of(String.valueOf(first.runId())),
                db.rows("SELECT unchanged_since_run FROM sync_run WHERE id = ?", third.runId()));
    }

    @Test
    void otherRevision_isRead_unchangedEntriesSkippedByDigestAsUsual() throws Exception {
        SyncReport next = sync(SyncOptions.withRevision(COMMIT_B));

        assertEquals(5, adapter.skipped().size(), "read, with the per-entry digests");
        assertEquals(5, next.unchanged());
        assertEquals(List.of("null|" + COMMIT_B.key()), db.rows("SELECT unchanged_since_run, read_key FROM sync_run WHERE id = ?",
                next.runId()));
    }

    @Test
    void noRevision_isRead_andRecordsNone() throws Exception {
        SyncReport next = sync(SyncOptions.DEFAULT);

        assertEquals(5, adapter.skipped().size());
        assertEquals(List.of("null|null|null"), db.rows("SELECT source_revision, read_key, unchanged_since_run FROM sync_run WHERE id = ?",
                next.runId()));
        SyncReport after = sync(SyncOptions.withRevision(COMMIT_A));
        assertEquals(3, adapter.reads(), "the last successful sync read no revision: read again");
        assertEquals(5, after.unchanged());
    }

    @Test
    void rereadAll_parsesEveryEntry_evenWithTheSameRevisionAndDigests() throws Exception {
        SyncReport full = sync(new SyncOptions(COMMIT_A, true));

        assertEquals(5, adapter.parsed().size());
        assertEquals(List.of(), adapter.skipped());
        assertEquals(5, full.unchanged());
        assertEquals(0, full.written());
    }

    @Test
    void failedSyncInBetween_theSuccessfulOneStillStands() throws Exception {
        db.execute("INSERT INTO sync_run (source_id, trigger, state, started_at, finished_at, error)"
                + " VALUES (?, 'manual', 'failed', now(), now(), 'download failed')", source);

        SyncReport again = sync(SyncOptions.withRevision(COMMIT_A));

        assertEquals(List.of(String.valueOf(first.runId())),
                db.rows("SELECT unchanged_since_run FROM sync_run WHERE id = ?", again.runId()));
    }

    @Test
    void revisionKey_dependsOnEveryPartOfTheContext() {
        assertNotEquals(SourceRevision.of("x", "build 1", "WINGET", "/a").key(),
                SourceRevision.of("x", "build 2", "WINGET", "/a").key());
        assertNotEquals(SourceRevision.of("x", "build 1", "WINGET", "/a").key(),
                SourceRevision.of("x", "build 1", "SCOOP", "/a").key());
        assertNotEquals(SourceRevision.of("x", "ab", "c").key(), SourceRevision.of("x", "a", "bc").key());
        assertEquals(SourceRevision.of("x", "build 1").key(), SourceRevision.of("x", "build 1").key());
    }

    @Test
    void history_theRunThatStandsIsKept_evenWhenOlderThanTheNewestRuns() throws Exception {
        SyncEngine keepingTwo = SyncEngine.builder().dataSource(db.dataSource).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .keepRuns(2).build();
        for (int i = 0; i < 4; i++) {
            keepingTwo.sync(source, adapter, base, "schedule", SyncProgress.NONE, SyncOptions.withRevision(COMMIT_A));
        }

        List<String> runs = db.rows("SELECT id, unchanged_since_run FROM sync_run WHERE source_id = ? ORDER BY id", source);
        assertEquals(3, runs.size(), runs.toString());
        assertEquals(first.runId() + "|null", runs.get(0), "the run that read is kept: the two newest point at it");
        assertEquals(1, db.count("SELECT count(*) FROM sync_problem WHERE sync_run_id = ?", first.runId()));
    }
}
