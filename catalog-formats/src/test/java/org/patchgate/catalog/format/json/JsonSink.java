package org.patchgate.catalog.format.json;

import java.util.ArrayList;
import java.util.List;
import org.patchgate.catalog.format.EntryProblem;
import org.patchgate.catalog.format.EntrySink;
import org.patchgate.catalog.model.CatalogEntry;

/** Keeps what the adapter reports, for assertions. */
final class JsonSink implements EntrySink {
    final List<CatalogEntry> entries = new ArrayList<>();
    final List<EntryProblem> problems = new ArrayList<>();
    int expected = -1;

    @Override
    public void expect(int total) {
        expected = total;
    }

    @Override
    public void entry(CatalogEntry entry) {
        entries.add(entry);
    }

    @Override
    public void problem(EntryProblem problem) {
        problems.add(problem);
    }
}
