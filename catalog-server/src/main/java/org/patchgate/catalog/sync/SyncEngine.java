package org.patchgate.catalog.sync;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.patchgate.catalog.format.CatalogAdapter;
import org.patchgate.catalog.format.CatalogReadException;
import org.patchgate.catalog.sync.StoredCatalog.StoredUpdate;

/**
 * Syncs one catalog source into the catalog tables (docs/catalog.md, "Sync semantics").
 *
 * <p>The adapter reads on another thread ({@link PipelinedRead}) while this one diffs and writes.
 * Two connections are used: one in auto-commit mode for the {@code sync_run} row, its progress and
 * its problems (visible to others at once, and kept when the sync fails), and one holding a single
 * transaction for every catalog change, committed only when the whole source was read. A source
 * that cannot be read or a database error rolls that transaction back: the catalog stays as the
 * previous sync left it, and the run is recorded as failed with the reason.
 *
 * <p>Thread-safe: each call works on its own connections. Two syncs of one source cannot overlap
 * (the database refuses a second running {@code sync_run} row, see {@link SyncAlreadyRunningException}).
 */
public final class SyncEngine {

    private static final Logger LOG = Logger.getLogger(SyncEngine.class.getName());
    private static final Set<String> TRIGGERS = Set.of("manual", "schedule", "demo");
    /** Entries read ahead of the writer (a few MB at most). */
    private static final int READ_AHEAD = 2_000;
    /** Without a container-managed executor, each sync reads on a thread of its own. */
    private static final Executor OWN_THREAD = task -> {
        Thread thread = new Thread(task, "catalog-sync-read");
        thread.setDaemon(true);
        thread.start();
    };

    private final DataSource dataSource;
    private final Clock clock;
    private final int progressEvery;
    private final Duration progressInterval;
    private final Executor readExecutor;
    private final int keepRuns;

    private SyncEngine(Builder b) {
        this.keepRuns = b.keepRuns;
        this.dataSource = Objects.requireNonNull(b.dataSource, "dataSource");
        this.clock = b.clock;
        this.progressEvery = b.progressEvery;
        this.progressInterval = b.progressInterval;
        this.readExecutor = b.readExecutor;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the source at {@code location} with {@code adapter} and stores the differences.
     *
     * @param trigger {@code manual}, {@code schedule} or {@code demo} (sync_run.trigger)
     * @return the outcome; a failed sync is a report with state {@link SyncState#FAILED}, not an exception
     * @throws SyncAlreadyRunningException if a sync of this source is running
     * @throws IllegalArgumentException for an unknown trigger
     * @throws SQLException if the run itself cannot be recorded (database unreachable, no such source)
     */
    public SyncReport sync(long sourceId, CatalogAdapter adapter, Path location, String trigger, SyncProgress progress)
            throws SQLException {
        return sync(sourceId, adapter, location, trigger, progress, SyncOptions.DEFAULT);
    }

    /**
     * As {@link #sync(long, CatalogAdapter, Path, String, SyncProgress)}, saving work as {@code options}
     * allow: when the source's revision is what the last successful sync read, nothing is read and the
     * run records that its result stands ({@code unchanged_since_run}), repeating its problems.
     */
    public SyncReport sync(long sourceId, CatalogAdapter adapter, Path location, String trigger, SyncProgress progress,
            SyncOptions options) throws SQLException {
        Objects.requireNonNull(options, "options");
        return sync(sourceId, trigger, progress, () -> new PreparedSource(adapter, location, options));
    }

    /**
     * Records the run as running, then has {@code preparation} bring the source onto local disk (a
     * download, the revision check), then syncs it. The run is visible, and a second sync of the
     * source refused, for the whole time, download included; a preparation that fails is recorded
     * as a failed run with its message.
     */
    public SyncReport sync(long sourceId, String trigger, SyncProgress progress, SourcePreparation preparation)
            throws SQLException {
        Objects.requireNonNull(preparation, "preparation");
        if (!TRIGGERS.contains(trigger)) {
            throw new IllegalArgumentException("trigger must be one of " + TRIGGERS + ", not '" + trigger + "'");
        }
        Instant startedAt = clock.instant();
        Connection runConnection = dataSource.getConnection();
        SyncRunLog runLog;
        try {
            runLog = SyncRunLog.start(runConnection, sourceId, trigger, startedAt);
        } catch (SQLException | RuntimeException e) {
            runConnection.close();
            throw e;
        }
        try (runLog) {
            PreparedSource source;
            try {
                source = preparation.prepare();
            } catch (IOException | RuntimeException e) {
                String error = e.getMessage() == null ? e.toString() : e.getMessage();
                LOG.log(Level.INFO, "sync of catalog source {0} failed: {1}", new Object[] {sourceId, error});
                Instant finishedAt = clock.instant();
                runLog.finish(SyncState.FAILED, new SyncCounts(), 0, error, finishedAt);
                pruneHistory(runLog, sourceId);
                return report(runLog, sourceId, SyncState.FAILED, new SyncCounts(), error, startedAt, finishedAt);
            }
            SyncOptions options = source.options();
            SyncReport report = null;
            if (options.revision() != null && !options.rereadAll()) {
                Optional<SyncRunLog.PreviousRun> previous = runLog.lastSucceeded(sourceId);
                if (previous.isPresent() && options.revision().key().equals(previous.get().readKey())) {
                    report = unchangedSince(previous.get(), sourceId, options.revision(), runLog, startedAt);
                }
            }
            if (report == null) {
                report = run(sourceId, source.adapter(), source.location(), progress == null ? SyncProgress.NONE : progress,
                        runLog, startedAt, options);
            }
            pruneHistory(runLog, sourceId);
            return report;
        }
    }

    /** Brings a source onto local disk once its run is recorded (see {@link #sync(long, String, SyncProgress, SourcePreparation)}). */
    @FunctionalInterface
    public interface SourcePreparation {
        /** @throws IOException with a message for the run's record, e.g. "cannot download …: HTTP 404" */
        PreparedSource prepare() throws IOException;
    }

    /** What to read and how: the format's adapter, the source on local disk, the options. */
    public record PreparedSource(CatalogAdapter adapter, Path location, SyncOptions options) {
        public PreparedSource {
            Objects.requireNonNull(adapter, "adapter");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(options, "options");
        }
    }

    private void pruneHistory(SyncRunLog runLog, long sourceId) {
        try {
            int deleted = runLog.pruneHistory(sourceId, keepRuns);
            if (deleted > 0) {
                LOG.fine(() -> "deleted " + deleted + " old syncs of catalog source " + sourceId);
            }
        } catch (SQLException e) {
            // The sync itself is done and recorded; an oversized history is no reason to report it failed.
            LOG.log(Level.WARNING, "could not delete old syncs of catalog source " + sourceId, e);
        }
    }

    /**
     * The source is exactly what an earlier successful sync read, and only syncs change a source's
     * catalog, so what that sync left stands: nothing is read, nothing of the catalog is written.
     */
    private SyncReport unchangedSince(SyncRunLog.PreviousRun previous, long sourceId, SourceRevision revision,
            SyncRunLog runLog, Instant startedAt) throws SQLException {
        SyncCounts counts = new SyncCounts();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement live = connection.prepareStatement(
                     "SELECT count(*) FROM catalog_update WHERE source_id = ? AND removed_at IS NULL")) {
            live.setLong(1, sourceId);
            try (ResultSet rs = live.executeQuery()) {
                rs.next();
                counts.unchanged = rs.getInt(1);
            }
        }
        counts.problems = previous.problems();
        runLog.copyProblemsFrom(previous.id());
        runLog.revision(revision, previous.resultOf());
        Instant finishedAt = clock.instant();
        runLog.finish(SyncState.SUCCEEDED, counts, counts.done(), null, finishedAt);
        LOG.fine(() -> "catalog source " + sourceId + " unchanged since sync " + previous.resultOf() + " (" + revision.description()
                + "): nothing read");
        return report(runLog, sourceId, SyncState.SUCCEEDED, counts, null, startedAt, finishedAt);
    }

    private SyncReport run(long sourceId, CatalogAdapter adapter, Path location, SyncProgress progress,
            SyncRunLog runLog, Instant startedAt, SyncOptions options) throws SQLException {
        CatalogDiff diff = null;
        String error;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (CatalogWriter writer = new CatalogWriter(connection, sourceId)) {
                StoredCatalog stored = StoredCatalog.load(connection, sourceId);
                diff = new CatalogDiff(stored, writer, runLog, progress, clock, progressEvery, progressInterval,
                        !options.rereadAll());
                PipelinedRead.run(adapter, location, diff, readExecutor, READ_AHEAD);
                if (diff.failure != null) {
                    throw diff.failure.getCause(); // an adapter swallowed the sink's exception
                }
                diff.finish();
                writer.flush();
                markRemoved(stored, writer, diff);
                new Supersedence(connection, sourceId).recompute(diff.touchedProducts, diff.changedOrRemoved,
                        diff.explicitSupersedes);
                runLog.flushProblems();
                connection.commit();
                if (options.revision() != null) {
                    runLog.revision(options.revision(), null);
                }
                Instant finishedAt = clock.instant();
                runLog.finish(SyncState.SUCCEEDED, diff.counts, diff.total, null, finishedAt);
                return report(runLog, sourceId, SyncState.SUCCEEDED, diff.counts, null, startedAt, finishedAt);
            } catch (CatalogReadException e) {
                error = "source cannot be read: " + e.getMessage();
                rollback(connection);
            } catch (CatalogDiff.WriteFailure e) {
                error = "database error: " + e.getCause().getMessage();
                rollback(connection);
            } catch (SQLException e) {
                error = "database error: " + e.getMessage();
                rollback(connection);
            } catch (RuntimeException e) {
                // An adapter bug must not leave a half-written catalog or a run stuck in "running".
                error = "sync failed: " + e;
                LOG.log(Level.WARNING, "sync of catalog source " + sourceId + " failed", e);
                rollback(connection);
            }
        } catch (SQLException e) {
            error = "database error: " + e.getMessage(); // getConnection/close failed
        }
        LOG.log(Level.INFO, "sync of catalog source {0} failed: {1}", new Object[] {sourceId, error});
        SyncCounts counts = diff == null ? new SyncCounts() : diff.counts;
        // Nothing of the catalog was committed, so no entry counts as added, changed or removed.
        SyncCounts kept = new SyncCounts();
        kept.problems = counts.problems;
        Instant finishedAt = clock.instant();
        runLog.finish(SyncState.FAILED, kept, diff == null ? 0 : diff.total, error, finishedAt);
        return report(runLog, sourceId, SyncState.FAILED, kept, error, startedAt, finishedAt);
    }

    private void markRemoved(StoredCatalog stored, CatalogWriter writer, CatalogDiff diff) throws SQLException {
        List<Long> removed = new ArrayList<>();
        for (StoredUpdate u : stored.allUpdates()) {
            if (!u.seen && !u.removed) {
                removed.add(u.id);
                diff.touchedProducts.add(u.productId);
            }
        }
        writer.markRemoved(removed, diff.now());
        diff.changedOrRemoved.addAll(removed);
        diff.counts.removed = removed.size();
    }

    private static SyncReport report(SyncRunLog runLog, long sourceId, SyncState state, SyncCounts c, String error,
            Instant startedAt, Instant finishedAt) {
        return new SyncReport(runLog.runId(), sourceId, state, c.added, c.changed, c.removed, c.unchanged, c.problems,
                error, startedAt, finishedAt);
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "rollback of a failed sync failed; closing the connection discards it", e);
        }
    }

    /** Builds a {@link SyncEngine}. */
    public static final class Builder {
        private DataSource dataSource;
        private Clock clock = Clock.systemUTC();
        private int progressEvery = 500;
        private Duration progressInterval = Duration.ofSeconds(1);
        private Executor readExecutor = OWN_THREAD;
        private int keepRuns = 100;

        private Builder() {
        }

        /** How many syncs of a source are kept with their problems (default 100); older ones are deleted after each sync. */
        public Builder keepRuns(int runs) {
            if (runs < 1) {
                throw new IllegalArgumentException("keepRuns must be at least 1");
            }
            this.keepRuns = runs;
            return this;
        }

        /** Where the catalog lives; each sync takes two connections from it. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /** Time for started/finished/changed timestamps and progress pacing. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Progress is written at least every this many entries (default 500) … */
        public Builder progressEvery(int entries) {
            if (entries < 1) {
                throw new IllegalArgumentException("progressEvery must be at least 1");
            }
            this.progressEvery = entries;
            return this;
        }

        /** … or when this much time has passed since the last write (default 1 s). */
        public Builder progressInterval(Duration interval) {
            this.progressInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * Where the adapter runs while this thread writes (a sync reads and writes in parallel);
         * in the server, a ManagedExecutorService. Default: a new daemon thread per sync.
         */
        public Builder readExecutor(Executor executor) {
            this.readExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        public SyncEngine build() {
            return new SyncEngine(this);
        }
    }
}
