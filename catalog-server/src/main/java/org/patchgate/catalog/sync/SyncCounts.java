package org.patchgate.catalog.sync;

/** Running counts of one sync; {@link #done()} is what progress reports. */
final class SyncCounts {
    int added;
    int changed;
    int removed;
    int unchanged;
    int problems;

    /** Entries read so far (stored, unchanged or refused); removals are not entries read. */
    int done() {
        return added + changed + unchanged + problems;
    }
}
