package org.patchgate.catalog.sync;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.patchgate.catalog.format.EntryProblem;
import org.patchgate.catalog.format.EntrySink;
import org.patchgate.catalog.model.CatalogEntry;
import org.patchgate.catalog.sync.StoredCatalog.StoredProduct;
import org.patchgate.catalog.sync.StoredCatalog.StoredUpdate;

/**
 * The sink a sync hands to the adapter: compares each entry with what is stored and hands only
 * differences to the {@link CatalogWriter}; problems go to the run log. Entries are not kept.
 */
final class CatalogDiff implements EntrySink {

    /** A database error inside the sink, carried out through the adapter to {@link SyncEngine}. */
    static final class WriteFailure extends RuntimeException {
        WriteFailure(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    private final StoredCatalog stored;
    private final CatalogWriter writer;
    private final SyncRunLog runLog;
    private final SyncProgress progress;
    private final Clock clock;
    private final Instant now;
    private final int progressEvery;
    private final Duration progressInterval;
    private final EntryFingerprint fingerprint = new EntryFingerprint();

    final SyncCounts counts = new SyncCounts();
    /** Products whose updates were added, changed or removed: supersedence is recomputed for these. */
    final Set<Long> touchedProducts = new HashSet<>();
    final List<Long> changedOrRemoved = new ArrayList<>();
    final List<Long> explicitSupersedes = new ArrayList<>();
    int total;
    private int reportedDone;
    private Instant reportedAt;
    /** The first database error; once set, the rest of the source is skipped. */
    WriteFailure failure;

    CatalogDiff(StoredCatalog stored, CatalogWriter writer, SyncRunLog runLog, SyncProgress progress, Clock clock,
            int progressEvery, Duration progressInterval) {
        this.stored = stored;
        this.writer = writer;
        this.runLog = runLog;
        this.progress = progress;
        this.clock = clock;
        this.now = clock.instant();
        this.reportedAt = now;
        this.progressEvery = progressEvery;
        this.progressInterval = progressInterval;
    }

    Instant now() {
        return now;
    }

    @Override
    public void expect(int total) {
        this.total = Math.max(0, total);
        guard(() -> report(true));
    }

    @Override
    public void entry(CatalogEntry entry) {
        guard(() -> {
            take(entry);
            report(false);
        });
    }

    @Override
    public void problem(EntryProblem problem) {
        guard(() -> {
            refuse(problem);
            report(false);
        });
    }

    private void take(CatalogEntry entry) throws SQLException {
        StoredUpdate existing = stored.updates.get(entry.sourceEntryId());
        if (existing != null && existing.seen) {
            refuse(new EntryProblem(entry.sourcePath(), "entry id '" + entry.sourceEntryId()
                    + "' was already read earlier in this sync; this second entry with the same id is skipped"));
            return;
        }
        String tooLong = ColumnLimits.violation(entry);
        if (tooLong != null) {
            if (existing != null) {
                existing.seen = true; // keep the stored version rather than mark it removed
            }
            refuse(new EntryProblem(entry.sourcePath(), tooLong));
            return;
        }
        String print = fingerprint.of(entry);
        if (existing != null && !existing.removed && existing.fingerprint.equals(print)) {
            existing.seen = true;
            counts.unchanged++;
            return;
        }
        long productId = product(entry);
        if (existing == null) {
            long id = writer.newId();
            StoredUpdate added = new StoredUpdate(id, productId, null, false);
            added.seen = true;
            stored.updates.put(entry.sourceEntryId(), added);
            writer.add(id, productId, print, entry, now);
            counts.added++;
        } else {
            existing.seen = true;
            touchedProducts.add(existing.productId); // the old product, if the entry moved
            existing.productId = productId;
            writer.change(existing.id, productId, print, entry, now);
            changedOrRemoved.add(existing.id);
            counts.changed++;
        }
        touchedProducts.add(productId);
        if (!entry.supersedes().isEmpty()) {
            explicitSupersedes.add(stored.updates.get(entry.sourceEntryId()).id);
        }
    }

    /**
     * The product of an added or changed entry, created if new. Its name and vendor follow the
     * highest version this sync adds or changes, so unchanged entries never rewrite a product and
     * versions that disagree on the name (winget PackageName drifts) do not flip it back and forth.
     */
    private long product(CatalogEntry entry) throws SQLException {
        StoredProduct product = stored.products.get(entry.productKey());
        if (product != null && product.namedBy != null && entry.version().compareTo(product.namedBy) <= 0) {
            return product.id;
        }
        Long vendorId = stored.vendors.get(entry.vendor());
        if (vendorId == null) {
            vendorId = writer.vendor(entry.vendor());
            stored.vendors.put(entry.vendor(), vendorId);
        }
        if (product == null) {
            product = new StoredProduct(writer.newId(), vendorId, entry.product());
            stored.products.put(entry.productKey(), product);
            writer.insertProduct(product.id, vendorId, entry.productKey(), entry.product());
        } else if (product.vendorId != vendorId || !product.name.equals(entry.product())) {
            product.vendorId = vendorId;
            product.name = entry.product();
            writer.updateProduct(product.id, vendorId, entry.product());
        }
        product.namedBy = entry.version();
        return product.id;
    }

    private void refuse(EntryProblem problem) throws SQLException {
        runLog.problem(problem);
        counts.problems++;
    }

    /** Writes progress every {@code progressEvery} entries or {@code progressInterval}, whichever comes first. */
    private void report(boolean force) throws SQLException {
        int done = counts.done();
        Instant at = clock.instant();
        if (force || done - reportedDone >= progressEvery || !at.isBefore(reportedAt.plus(progressInterval))) {
            reportedDone = done;
            reportedAt = at;
            runLog.progress(total, done);
            progress.progress(total, done);
        }
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    private void guard(SqlAction action) {
        if (failure != null) {
            throw failure;
        }
        try {
            action.run();
        } catch (SQLException e) {
            failure = new WriteFailure(e);
            throw failure;
        }
    }
}
