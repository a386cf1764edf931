package org.patchgate.catalog.format.winget;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.patchgate.catalog.format.EntryProblem;
import org.patchgate.catalog.format.EntrySink;
import org.patchgate.catalog.model.CatalogEntry;

/** Keeps what an adapter reports, for assertions. */
final class CollectingSink implements EntrySink {
    final List<CatalogEntry> entries = new ArrayList<>();
    final List<EntryProblem> problems = new ArrayList<>();
    int expected = -1;
    int expectCalls;

    @Override
    public void expect(int total) {
        expected = total;
        expectCalls++;
    }

    @Override
    public void entry(CatalogEntry entry) {
        if (expectCalls == 0) {
            throw new AssertionError("entry before expect()");
        }
        entries.add(entry);
    }

    @Override
    public void problem(EntryProblem problem) {
        problems.add(problem);
    }

    Optional<CatalogEntry> find(String sourceEntryId) {
        return entries.stream().filter(e -> e.sourceEntryId().equals(sourceEntryId)).findFirst();
    }

    CatalogEntry get(String sourceEntryId) {
        return find(sourceEntryId).orElseThrow(() -> new AssertionError("no entry " + sourceEntryId
                + "; problems: " + problems));
    }
}
