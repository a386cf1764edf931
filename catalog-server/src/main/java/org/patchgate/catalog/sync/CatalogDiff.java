package org.patchgate.catalog.sync;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.patchgate.catalog.format.EntryProblem;
import org.patchgate.catalog.format.EntrySink;
import org.patchgate.catalog.model.CatalogEntry;
import org.patchgate.catalog.sync.StoredCatalog.StoredProduct;
import org.patchgate.catalog.sync.StoredCatalog.StoredUpdate;

/**
 * The sink a sync hands to the adapter: compares each entry with what is stored and hands only
 * differences to the {@link CatalogWriter}; problems go to the run log. Entries are not kept.
 *
 * <p>Single-threaded, except {@link #knownUnchanged}, which only reads the {@link DigestIndex} and
 * may be called from any thread; {@link PipelinedRead} uses it to answer an adapter's
 * {@link #unchanged} on the adapter's threads and records the skip with {@link #skipped} on the writer's.
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
    /** catalog_update.source_digest is VARCHAR(64); a longer digest is not stored (the entry is then always parsed). */
    private static final int MAX_DIGEST = 64;

    private final NewProductVersions newProductVersions;
    /** False for a full sync: every entry is parsed, whatever its raw digest. */
    private final boolean trustRawDigests;

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
            int progressEvery, Duration progressInterval, boolean trustRawDigests) {
        this.stored = stored;
        this.trustRawDigests = trustRawDigests;
        this.writer = writer;
        this.runLog = runLog;
        this.progress = progress;
        this.clock = clock;
        this.now = clock.instant();
        this.newProductVersions = new NewProductVersions(writer, now);
        this.reportedAt = now;
        this.progressEvery = progressEvery;
        this.progressInterval = progressInterval;
    }

    Instant now() {
        return now;
    }

    /** Writes the added updates still held back ({@link NewProductVersions}); call when the adapter is done. */
    void finish() throws SQLException {
        newProductVersions.flush();
    }

    @Override
    public void expect(int total) {
        this.total = Math.max(0, total);
        guard(() -> report(true));
    }

    @Override
    public void entry(CatalogEntry entry) {
        entry(entry, null);
    }

    @Override
    public void entry(CatalogEntry entry, String rawDigest) {
        guard(() -> {
            take(entry, rawDigest == null || rawDigest.length() > MAX_DIGEST ? null : rawDigest);
            report(false);
        });
    }

    /** For a caller on the sink's own thread; {@link PipelinedRead} splits this into the two calls below. */
    @Override
    public boolean unchanged(String sourcePath, String rawDigest) {
        if (!knownUnchanged(sourcePath, rawDigest)) {
            return false;
        }
        skipped(sourcePath);
        return true;
    }

    /** Whether the entry stored from {@code sourcePath} was parsed from raw files with this digest. Any thread. */
    boolean knownUnchanged(String sourcePath, String rawDigest) {
        return trustRawDigests && stored.digests.unchangedEntry(sourcePath, rawDigest) != null;
    }

    /**
     * The adapter skipped the entry at {@code sourcePath} because {@link #knownUnchanged} said so: it
     * counts as read and unchanged, and is not removed. Nothing is written.
     */
    void skipped(String sourcePath) {
        guard(() -> {
            String entryId = stored.digests.entryId(sourcePath);
            StoredUpdate existing = entryId == null ? null : stored.updates.get(entryId);
            if (existing == null) {
                throw new IllegalStateException("skipped entry " + sourcePath + " is not a stored update");
            }
            if (existing.seen) {
                refuse(new EntryProblem(sourcePath, "entry id '" + entryId
                        + "' was already read earlier in this sync; this second entry with the same id is skipped"));
            } else {
                existing.seen = true;
                counts.unchanged++;
            }
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

    private void take(CatalogEntry entry, String rawDigest) throws SQLException {
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
            if (!Objects.equals(existing.sourceDigest, rawDigest)) {
                // Same entry from other raw bytes (or first sync with digests): remember them, so that
                // the next sync can skip parsing. Keeping the old digest could let it vouch for files it never saw.
                existing.sourceDigest = rawDigest;
                writer.setSourceDigest(existing.id, rawDigest);
            }
            return;
        }
        long productId = product(entry);
        if (existing == null) {
            long id = writer.newId();
            StoredUpdate added = new StoredUpdate(id, productId, null, false, rawDigest);
            added.seen = true;
            stored.updates.put(entry.sourceEntryId(), added);
            if (stored.products.get(entry.productKey()).createdBySync) {
                newProductVersions.add(id, productId, print, rawDigest, entry);
            } else {
                writer.add(id, productId, print, rawDigest, entry, now, null);
            }
            counts.added++;
        } else {
            existing.seen = true;
            touchedProducts.add(existing.productId); // the old product, if the entry moved
            existing.productId = productId;
            existing.sourceDigest = rawDigest;
            writer.change(existing.id, productId, print, rawDigest, entry, now);
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
            product.createdBySync = true;
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
