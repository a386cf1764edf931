package org.patchgate.catalog.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgate.catalog.format.CatalogReadException;
import org.patchgate.catalog.format.winget.WingetAdapter;

/** The sync run itself: one at a time per source, progress visible while it runs, failures roll back. */
class SyncRunTest {

    private static CatalogTestDatabase db;
    private static SyncEngine engine;

    @TempDir
    Path temp;

    @BeforeAll
    static void startDatabase() throws IOException {
        db = CatalogTestDatabase.shared();
        engine = SyncEngine.builder().dataSource(db.dataSource).progressEvery(1).build();
    }


    @Test
    void sync_concurrentSecondSync_isRefused() throws Exception {
        long source = db.newSource("PATCHGATE_JSON");
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        StubAdapter slow = new StubAdapter(sink -> {
            sink.entry(StubAdapter.entry("1.0"));
            reading.countDown();
            release.await(30, TimeUnit.SECONDS);
        });
        CompletableFuture<SyncReport> first = CompletableFuture.supplyAsync(() -> sync(source, slow));
        try {
            assertTrue(reading.await(30, TimeUnit.SECONDS));

            SyncAlreadyRunningException refused = assertThrows(SyncAlreadyRunningException.class,
                    () -> engine.sync(source, new StubAdapter(sink -> { }), temp, "schedule", SyncProgress.NONE));

            assertEquals(source, refused.sourceId());
            assertEquals(1, db.count("SELECT count(*) FROM sync_run WHERE source_id = ?", source),
                    "the refused sync leaves no run behind");
        } finally {
            release.countDown();
        }
        assertEquals(SyncState.SUCCEEDED, first.get(30, TimeUnit.SECONDS).state());
        SyncReport later = engine.sync(source, new StubAdapter(sink -> sink.entry(StubAdapter.entry("1.0"))), temp,
                "manual", SyncProgress.NONE);
        assertEquals(1, later.unchanged(), "once the first sync ended, the next one runs");
    }

    @Test
    void sync_whileRunning_progressIsVisibleFromAnotherConnection() throws Exception {
        long source = db.newSource("PATCHGATE_JSON");
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        StubAdapter slow = new StubAdapter(sink -> {
            sink.expect(4);
            sink.entry(StubAdapter.entry("1.0"));
            sink.entry(StubAdapter.entry("1.1"));
            halfway.countDown();
            release.await(30, TimeUnit.SECONDS);
            sink.entry(StubAdapter.entry("1.2"));
            sink.entry(StubAdapter.entry("1.3"));
        });
        CompletableFuture<SyncReport> sync = CompletableFuture.supplyAsync(() -> sync(source, slow));
        try {
            assertTrue(halfway.await(30, TimeUnit.SECONDS));

            // The writer may still be storing what the reader handed over: wait for it, within limits.
            String progress = "SELECT state, entries_total, entries_done FROM sync_run WHERE source_id = ?";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!db.rows(progress, source).equals(List.of("running|4|2")) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(List.of("running|4|2"), db.rows(progress, source));
            assertEquals(0, db.count("SELECT count(*) FROM catalog_update WHERE source_id = ?", source),
                    "catalog changes stay invisible until the sync commits");
        } finally {
            release.countDown();
        }
        SyncReport report = sync.get(30, TimeUnit.SECONDS);
        assertEquals(4, report.added());
        assertEquals(List.of("succeeded|4|4"), db.rows(
                "SELECT state, entries_total, entries_done FROM sync_run WHERE id = ?", report.runId()));
    }

    @Test
    void sync_unreadableSource_failsAndKeepsPreviousCatalog() throws Exception {
        long source = db.newSource("WINGET");
        Path base = CatalogTestDatabase.copyFixture("winget-base", temp.resolve("winget"));
        engine.sync(source, new WingetAdapter(), base, "manual", SyncProgress.NONE);
        List<String> before = db.rowVersions(source);

        SyncReport missing = engine.sync(source, new WingetAdapter(), temp.resolve("no-such-folder"), "schedule",
                SyncProgress.NONE);

        assertEquals(SyncState.FAILED, missing.state());
        assertTrue(missing.error().contains("not a folder of winget manifests"), missing.error());
        assertEquals(List.of("failed|0|0"), db.rows("SELECT state, added, removed FROM sync_run WHERE id = ?",
                missing.runId()));
        assertEquals(before, db.rowVersions(source), "nothing removed, nothing rewritten");
    }

    @Test
    void sync_sourceFailingMidway_rollsBackEverythingItWrote() throws Exception {
        long source = db.newSource("PATCHGATE_JSON");
        StubAdapter breaking = new StubAdapter(sink -> {
            for (int i = 0; i < CatalogWriter.BATCH + 10; i++) { // past one flushed batch
                sink.entry(StubAdapter.entry("1." + i));
            }
            throw new CatalogReadException("archive truncated");
        });

        SyncReport report = engine.sync(source, breaking, temp, "manual", SyncProgress.NONE);

        assertEquals(SyncState.FAILED, report.state());
        assertEquals("source cannot be read: archive truncated", report.error());
        assertEquals(0, db.count("SELECT count(*) FROM catalog_update WHERE source_id = ?", source));
        assertEquals(0, db.count("SELECT count(*) FROM product WHERE source_id = ?", source));
        assertEquals(List.of("failed|source cannot be read: archive truncated"),
                db.rows("SELECT state, error FROM sync_run WHERE id = ?", report.runId()));
    }

    @Test
    void sync_databaseErrorWhileWriting_failsRollsBackAndStopsTheReader() throws Exception {
        long source = db.newSource("PATCHGATE_JSON");
        // A trigger stands in for any database error (disk full, lost connection) on one row.
        db.execute("CREATE FUNCTION fail_one_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " IF NEW.source_entry_id = 'Stub.Product/1.600' THEN RAISE EXCEPTION 'simulated write failure'; END IF;"
                + " RETURN NEW; END $$");
        db.execute("CREATE TRIGGER fail_one_update BEFORE INSERT ON catalog_update FOR EACH ROW EXECUTE FUNCTION fail_one_update()");
        int[] handedOver = new int[1];
        StubAdapter endless = new StubAdapter(sink -> {
            for (int i = 0; i < 50_000; i++) {
                sink.entry(StubAdapter.entry("1." + i));
                handedOver[0]++;
            }
        });
        try {
            SyncReport report = engine.sync(source, endless, temp, "manual", SyncProgress.NONE);

            assertEquals(SyncState.FAILED, report.state());
            assertTrue(report.error().contains("simulated write failure"), report.error());
            assertEquals(0, db.count("SELECT count(*) FROM catalog_update WHERE source_id = ?", source));
            assertTrue(handedOver[0] < 50_000, "the reader was stopped, not left running: " + handedOver[0]);
        } finally {
            db.execute("DROP TRIGGER fail_one_update ON catalog_update");
            db.execute("DROP FUNCTION fail_one_update()");
        }
    }

    @Test
    void sync_duplicateEntryId_secondIsAProblem() throws Exception {
        long source = db.newSource("PATCHGATE_JSON");
        StubAdapter twice = new StubAdapter(sink -> {
            sink.entry(StubAdapter.entry("2.0"));
            sink.entry(StubAdapter.entry("2.0"));
        });

        SyncReport report = engine.sync(source, twice, temp, "manual", SyncProgress.NONE);

        assertEquals(1, report.added());
        assertEquals(1, report.problems());
        assertEquals(List.of("stub/2.0.json|entry id 'Stub.Product/2.0' was already read earlier in this sync;"
                + " this second entry with the same id is skipped"),
                db.rows("SELECT source_path, reason FROM sync_problem WHERE sync_run_id = ?", report.runId()));
    }

    @Test
    void sync_unknownTrigger_isRefusedBeforeAnythingIsWritten() throws Exception {
        long source = db.newSource("PATCHGATE_JSON");
        assertThrows(IllegalArgumentException.class,
                () -> engine.sync(source, new StubAdapter(sink -> { }), temp, "cron", SyncProgress.NONE));
        assertEquals(0, db.count("SELECT count(*) FROM sync_run WHERE source_id = ?", source));
    }

    private static SyncReport sync(long source, StubAdapter adapter) {
        try {
            return engine.sync(source, adapter, Path.of("."), "manual", SyncProgress.NONE);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void sync_history_keepsTheNewestRunsPerSource_withTheirProblems() throws Exception {
        long source = db.newSource("PATCHGATE_JSON");
        long other = db.newSource("PATCHGATE_JSON");
        SyncEngine keepingThree = SyncEngine.builder().dataSource(db.dataSource).keepRuns(3).build();
        StubAdapter withProblem = new StubAdapter(sink -> {
            sink.entry(StubAdapter.entry("1.0"));
            sink.problem(new org.patchgate.catalog.format.EntryProblem("bad.json", "broken"));
        });
        keepingThree.sync(other, withProblem, temp, "manual", SyncProgress.NONE);
        List<Long> runs = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            runs.add(keepingThree.sync(source, withProblem, temp, "manual", SyncProgress.NONE).runId());
        }

        assertEquals(List.of(String.valueOf(runs.get(4)), String.valueOf(runs.get(3)), String.valueOf(runs.get(2))),
                db.rows("SELECT id FROM sync_run WHERE source_id = ? ORDER BY id DESC", source));
        assertEquals(3, db.count("SELECT count(*) FROM sync_problem p JOIN sync_run r ON r.id = p.sync_run_id"
                + " WHERE r.source_id = ?", source), "the problems of deleted runs went with them");
        assertEquals(1, db.count("SELECT count(*) FROM sync_run WHERE source_id = ?", other), "other sources keep theirs");
    }

    @Test
    void sync_preparationFails_isRecordedAsAFailedRunWithItsMessage() throws Exception {
        long source = db.newSource("PATCHGATE_JSON");

        SyncReport report = engine.sync(source, "schedule", SyncProgress.NONE, () -> {
            throw new IOException("cannot download https://vendor.example/catalog.cab: the server answered HTTP 404");
        });

        assertEquals(SyncState.FAILED, report.state());
        assertEquals(List.of("failed|cannot download https://vendor.example/catalog.cab: the server answered HTTP 404|0|0"),
                db.rows("SELECT state, error, added, unchanged FROM sync_run WHERE id = ?", report.runId()));
    }

    @Test
    void sync_whilePreparing_theRunIsVisibleAndASecondSyncIsRefused() throws Exception {
        long source = db.newSource("PATCHGATE_JSON");
        CountDownLatch preparing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<SyncReport> first = CompletableFuture.supplyAsync(() -> {
            try {
                return engine.sync(source, "manual", SyncProgress.NONE, () -> {
                    preparing.countDown(); // a download in progress
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new SyncEngine.PreparedSource(new StubAdapter(sink -> sink.entry(StubAdapter.entry("1.0"))), temp,
                            SyncOptions.DEFAULT);
                });
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            assertTrue(preparing.await(30, TimeUnit.SECONDS));

            assertEquals(List.of("running"), db.rows("SELECT state FROM sync_run WHERE source_id = ?", source));
            assertThrows(SyncAlreadyRunningException.class, () -> engine.sync(source, "schedule", SyncProgress.NONE,
                    () -> {
                        throw new AssertionError("a refused sync must not prepare (download) anything");
                    }));
        } finally {
            release.countDown();
        }
        assertEquals(1, first.get(30, TimeUnit.SECONDS).added());
    }
}
