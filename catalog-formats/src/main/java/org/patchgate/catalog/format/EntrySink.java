package org.patchgate.catalog.format;

import org.patchgate.catalog.model.CatalogEntry;

/**
 * Receives what an adapter reads, one entry at a time, so that a source of any size is read with
 * bounded memory.
 *
 * <p><b>Threads.</b> {@link #expect}, {@link #entry} and {@link #problem} are called by one thread at a
 * time, never concurrently (an adapter that parses on several threads hands results over to one).
 * {@link #unchanged} is the exception: an adapter may call it from several threads at once, in any
 * order relative to the other calls, so an implementation must be thread-safe.
 *
 * <p><b>Skipping unchanged entries before parsing</b> (optional for both sides). An adapter that can
 * compute a cheap digest of an entry's raw source files (the bytes and relative names of every file
 * the entry is parsed from, plus a version of the adapter's own mapping) asks {@link #unchanged}
 * before parsing; if the answer is {@code true} it skips the entry entirely and calls nothing else
 * for it. It passes the digest with the entry it parses ({@link #entry(CatalogEntry, String)}) so
 * the sink can store it for next time. Sinks that do not care get the defaults: nothing is skipped,
 * and the digest is dropped. Which adapters compute digests: see docs/catalog.md, "Sync semantics".
 */
public interface EntrySink {

    /** How many entries (files or packages) the adapter is about to read, for progress; may be called once, early. */
    default void expect(int total) {
    }

    /** A valid, normalised entry. */
    void entry(CatalogEntry entry);

    /**
     * A valid, normalised entry, with the digest of the raw files it was parsed from.
     *
     * @param rawDigest what the adapter passed to {@link #unchanged} for these files (at most 64
     *     characters), or {@code null} if it computed none
     */
    default void entry(CatalogEntry entry, String rawDigest) {
        entry(entry);
    }

    /** An entry that was skipped, and why. */
    void problem(EntryProblem problem);

    /**
     * Whether the entry at {@code sourcePath} (the {@link CatalogEntry#sourcePath()} it would have)
     * whose raw files have the digest {@code rawDigest} is already known exactly as it is, so the
     * adapter need not parse it. Answering {@code true} means the sink takes that entry as read and
     * unchanged; the adapter then makes no other call for it. May be called concurrently (see above).
     *
     * @param rawDigest a digest over the raw bytes and relative names of all files the entry would be
     *     parsed from and the adapter's mapping version (at most 64 characters, e.g. hex SHA-256)
     */
    default boolean unchanged(String sourcePath, String rawDigest) {
        return false;
    }
}
