package org.patchgate.catalog.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patchgate.catalog.sync.CatalogTestDatabase;

/** Scheduled syncs on a real PostgreSQL: due sources are claimed, each by exactly one server. */
class DueSyncClaimsTest {

    private static CatalogTestDatabase db;
    private final Instant now = Instant.parse("2026-11-26T12:00:00.123456Z");

    @BeforeAll
    static void start() throws Exception {
        db = CatalogTestDatabase.shared();
    }

    private long source(Integer minutes, Instant next, boolean enabled) throws Exception {
        long id = db.newSource("WINGET");
        db.execute("UPDATE catalog_source SET schedule_minutes = ?, next_sync_at = ?, enabled = ? WHERE id = ?",
                minutes, next == null ? null : Timestamp.from(next), enabled, id);
        return id;
    }

    @Test
    void dueSource_isClaimed_andItsNextSyncMovesOneIntervalOn() throws Exception {
        long due = source(60, now.minusSeconds(5), true);
        long later = source(60, now.plusSeconds(600), true);
        long disabled = source(60, now.minusSeconds(5), false);
        long manualOnly = source(null, null, true);

        List<Long> claimed = new DueSyncClaims(db.dataSource).claim(now);

        assertTrue(claimed.contains(due));
        assertTrue(!claimed.contains(later) && !claimed.contains(disabled) && !claimed.contains(manualOnly), claimed.toString());
        assertEquals(1, db.count("SELECT count(*) FROM catalog_source WHERE id = ? AND next_sync_at = ?", due,
                Timestamp.from(now.plusSeconds(3600))));
        assertTrue(!new DueSyncClaims(db.dataSource).claim(now).contains(due), "claimed once, not again a second later");
    }

    @Test
    void serversClaimingAtTheSameTime_eachDueSyncIsWonByExactlyOne() throws Exception {
        List<Long> due = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            due.add(source(30, now.minusSeconds(1 + i), true));
        }
        ExecutorService servers = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<Long>>> claims = Collections.nCopies(4, () -> new DueSyncClaims(db.dataSource).claim(now));
            List<Long> won = new ArrayList<>();
            for (Future<List<Long>> f : servers.invokeAll(claims)) {
                won.addAll(f.get());
            }
            List<Long> ours = won.stream().filter(due::contains).sorted().toList();
            assertEquals(due.stream().sorted().toList(), ours, "every due source claimed exactly once");
        } finally {
            servers.shutdownNow();
        }
    }
}
