package org.patchgate.catalog.sync;

import java.util.Locale;

/** State of a sync run, as {@code sync_run.state} stores it. */
public enum SyncState {
    RUNNING, SUCCEEDED, FAILED;

    /** The word stored in {@code sync_run.state}. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
