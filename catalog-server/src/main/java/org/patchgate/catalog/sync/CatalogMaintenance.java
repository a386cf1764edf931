package org.patchgate.catalog.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * What PostgreSQL's autovacuum would do within a minute or so of a large sync, done at once: fresh
 * planner statistics for the catalog tables (after a first ingest the planner otherwise believes them
 * nearly empty) and the GIN search index's pending list merged (until then every text search scans
 * the list: about 50 ms instead of 15 at winget scale, docs/performance.md). Runs after the sync has
 * committed and been recorded, so it is not part of the sync's time; failing (a database user that
 * does not own the tables) only costs that first minute.
 */
public final class CatalogMaintenance {

    private static final Logger LOG = Logger.getLogger(CatalogMaintenance.class.getName());
    /** Rows a sync must write before it is worth it: below this autovacuum's own pace is fine. */
    public static final int LARGE_SYNC_ROWS = 5_000;

    private CatalogMaintenance() {
    }

    /** Analyzes the catalog tables and cleans the search index when {@code report} wrote enough rows. */
    public static void afterSync(DataSource dataSource, SyncReport report) {
        if (!report.succeeded() || report.written() < LARGE_SYNC_ROWS) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE vendor, product, catalog_update, installer");
            s.execute("SELECT gin_clean_pending_list('catalog_update_search'::regclass)");
        } catch (SQLException e) {
            LOG.log(Level.INFO, "catalog statistics not refreshed after sync " + report.runId()
                    + " (autovacuum will): " + e.getMessage());
        }
    }
}
