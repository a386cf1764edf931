package org.patchgate.catalog.sync;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statistics refreshed after a large sync, on a real PostgreSQL with autovacuum kept out of the way. */
class CatalogMaintenanceTest {

    @TempDir
    Path temp;

    @Test
    void afterSync_largeSync_catalogTablesAreAnalyzed() throws Exception {
        CatalogTestDatabase db = CatalogTestDatabase.shared();
        for (String table : new String[] {"vendor", "product", "catalog_update", "installer"}) {
            db.execute("ALTER TABLE " + table + " SET (autovacuum_enabled = false)");
        }
        try {
            long source = db.newSource("PATCHGATE_JSON");
            SyncReport report = SyncEngine.builder().dataSource(db.dataSource).build().sync(source,
                    new StubAdapter(sink -> {
                        for (int i = 0; i < CatalogMaintenance.LARGE_SYNC_ROWS; i++) {
                            sink.entry(StubAdapter.entry("1." + i));
                        }
                    }), temp, "manual", SyncProgress.NONE);
            assertEquals(CatalogMaintenance.LARGE_SYNC_ROWS, report.added());
            String rows = "SELECT count(*) FROM catalog_update";
            String estimate = "SELECT reltuples::bigint FROM pg_class WHERE relname = 'catalog_update'";
            assertNotEquals(db.count(rows), db.count(estimate), "not analyzed yet: the planner's estimate is stale");

            CatalogMaintenance.afterSync(db.dataSource, report);

            assertEquals(db.count(rows), db.count(estimate), "ANALYZE counted every row (the table is below its sample size)");
        } finally {
            for (String table : new String[] {"vendor", "product", "catalog_update", "installer"}) {
                db.execute("ALTER TABLE " + table + " RESET (autovacuum_enabled)");
            }
        }
    }

    @Test
    void afterSync_databaseRefuses_isLoggedNotThrown_theSyncStandsAsRecorded() {
        org.postgresql.ds.PGSimpleDataSource unreachable = new org.postgresql.ds.PGSimpleDataSource();
        unreachable.setUrl("jdbc:postgresql://127.0.0.1:1/none");
        SyncReport large = new SyncReport(1, 1, SyncState.SUCCEEDED, CatalogMaintenance.LARGE_SYNC_ROWS, 0, 0, 0, 0, null,
                java.time.Instant.EPOCH, java.time.Instant.EPOCH);

        assertDoesNotThrow(() -> CatalogMaintenance.afterSync(unreachable, large));
    }
}
