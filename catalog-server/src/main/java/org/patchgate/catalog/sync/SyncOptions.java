package org.patchgate.catalog.sync;

/**
 * How a sync may save work.
 *
 * @param revision what the source holds now, if it can be told cheaply (null otherwise); when it
 *     equals what the last successful sync read, nothing is read at all
 * @param rereadAll read and parse every entry, trusting neither the revision nor the raw digests of
 *     unchanged entries (an admin's "full sync", e.g. after restoring a database backup)
 */
public record SyncOptions(SourceRevision revision, boolean rereadAll) {

    /** No revision; unchanged entries are skipped by their raw digest where the adapter can. */
    public static final SyncOptions DEFAULT = new SyncOptions(null, false);

    public static SyncOptions withRevision(SourceRevision revision) {
        return new SyncOptions(revision, false);
    }
}
