package org.patchgate.catalog.sync;

/**
 * Told how far a running sync is, at most every few hundred entries or about once a second (the
 * same figures go to {@code sync_run.entries_total} / {@code entries_done}, so other connections see them).
 */
@FunctionalInterface
public interface SyncProgress {

    /** A progress callback that ignores everything. */
    SyncProgress NONE = (total, done) -> { };

    /**
     * @param total entries the adapter announced ({@code 0} until it does; it may be an estimate)
     * @param done entries read so far, stored or reported as problems
     */
    void progress(int total, int done);
}
