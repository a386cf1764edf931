package org.patchgate.catalog.sync;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of one sync, as its {@code sync_run} row records it.
 *
 * @param runId id of the {@code sync_run} row
 * @param sourceId the source synced
 * @param state {@link SyncState#SUCCEEDED} or {@link SyncState#FAILED}
 * @param added entries new to the catalog
 * @param changed entries whose fingerprint changed, or that reappeared after removal
 * @param removed entries stored but no longer in the source (marked removed, not deleted)
 * @param unchanged entries identical to what is stored (not written)
 * @param problems entries skipped, each with a {@code sync_problem} row
 * @param error why the whole sync failed, or {@code null} if it succeeded
 * @param startedAt when the sync started
 * @param finishedAt when it ended
 */
public record SyncReport(long runId, long sourceId, SyncState state, int added, int changed, int removed,
        int unchanged, int problems, String error, Instant startedAt, Instant finishedAt) {

    public SyncReport {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    public boolean succeeded() {
        return state == SyncState.SUCCEEDED;
    }

    /** Rows of {@code catalog_update} this sync wrote (added + changed + removed). */
    public int written() {
        return added + changed + removed;
    }
}
