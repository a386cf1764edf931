package org.patchgate.catalog.sync;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.patchgate.catalog.model.CatalogEntry;

/**
 * Added updates of a product that this sync created, held until another product's entry arrives,
 * then inserted with their supersedence links already set (each superseded by the next higher
 * version, the order {@link Supersedence} uses), highest version first so that each link points at
 * a row already inserted. Adapters that read one package at a time (winget walks one package
 * folder after another) thus make a first ingest write each row once, instead of inserting it and
 * then updating {@code superseded_by_id} (44,628 rows rewritten for 60,000 winget versions).
 *
 * <p>Only an optimisation: {@link Supersedence} still recomputes every touched product after all
 * entries are written and rewrites whatever link differs (a product whose versions arrive apart,
 * explicit {@code supersedes} links, more than {@link #MAX_HELD} versions). Memory: one product's
 * versions, at most {@link #MAX_HELD} entries.
 */
final class NewProductVersions {

    static final int MAX_HELD = 1_000;

    private record Held(long id, long productId, String fingerprint, String sourceDigest, CatalogEntry entry) {
    }

    private static final Comparator<Held> ORDER =
            Comparator.comparing((Held h) -> h.entry().version()).thenComparingLong(Held::id);

    private final CatalogWriter writer;
    private final Instant now;
    private final List<Held> held = new ArrayList<>();
    private long productId = -1;

    NewProductVersions(CatalogWriter writer, Instant now) {
        this.writer = writer;
        this.now = now;
    }

    /** Holds an added update of a product created in this sync; writes the held ones of the previous product. */
    void add(long id, long productId, String fingerprint, String sourceDigest, CatalogEntry entry) throws SQLException {
        if (productId != this.productId || held.size() >= MAX_HELD) {
            flush();
        }
        this.productId = productId;
        held.add(new Held(id, productId, fingerprint, sourceDigest, entry));
    }

    /** Writes what is held; must be called once the adapter is done, before the writer's last flush. */
    void flush() throws SQLException {
        held.sort(ORDER);
        for (int i = held.size() - 1; i >= 0; i--) {
            Held h = held.get(i);
            Long supersededBy = i + 1 < held.size() ? held.get(i + 1).id() : null;
            writer.add(h.id(), h.productId(), h.fingerprint(), h.sourceDigest(), h.entry(), now, supersededBy);
        }
        held.clear();
    }
}
