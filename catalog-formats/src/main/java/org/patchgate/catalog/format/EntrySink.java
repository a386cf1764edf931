package org.patchgate.catalog.format;

import org.patchgate.catalog.model.CatalogEntry;

/**
 * Receives what an adapter reads, one entry at a time, so that a source of any size is read with
 * bounded memory.
 */
public interface EntrySink {

    /** How many entries (files or packages) the adapter is about to read, for progress; may be called once, early. */
    default void expect(int total) {
    }

    /** A valid, normalised entry. */
    void entry(CatalogEntry entry);

    /** An entry that was skipped, and why. */
    void problem(EntryProblem problem);
}
