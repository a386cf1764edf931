package org.patchgate.catalog.sync;

/**
 * A sync of this source is already running (on this or another site server): the partial unique
 * index {@code sync_run_one_running} refused a second {@code running} row.
 */
public class SyncAlreadyRunningException extends RuntimeException {

    private final long sourceId;

    public SyncAlreadyRunningException(long sourceId, Throwable cause) {
        super("a sync of catalog source " + sourceId + " is already running", cause);
        this.sourceId = sourceId;
    }

    public long sourceId() {
        return sourceId;
    }
}
