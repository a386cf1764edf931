package org.patchgate.catalog.format.scup;

import java.util.ArrayList;
import java.util.List;
import org.patchgate.catalog.format.EntryProblem;
import org.patchgate.catalog.format.EntrySink;
import org.patchgate.catalog.model.CatalogEntry;

/** Keeps what an adapter delivers, for assertions. */
final class CollectingSink implements EntrySink {

    final List<CatalogEntry> entries = new ArrayList<>();
    final List<EntryProblem> problems = new ArrayList<>();

    @Override
    public void entry(CatalogEntry entry) {
        entries.add(entry);
    }

    @Override
    public void problem(EntryProblem problem) {
        problems.add(problem);
    }

    CatalogEntry entry(String sourceEntryId) {
        return entries.stream().filter(e -> e.sourceEntryId().equals(sourceEntryId)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + sourceEntryId + " in " + entries.size() + " entries; problems " + problems));
    }
}
