package org.patchgate.catalog.format.scoop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patchgate.catalog.format.EntryProblem;
import org.patchgate.catalog.format.EntrySink;
import org.patchgate.catalog.model.CatalogEntry;

/** Keeps what an adapter reports, for assertions. */
final class CollectingSink implements EntrySink {

    final List<CatalogEntry> entries = new ArrayList<>();
    final List<EntryProblem> problems = new ArrayList<>();
    Integer expected;

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

    CatalogEntry entry(String productKey) {
        return entries.stream().filter(e -> e.productKey().equals(productKey)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + productKey + "; problems: " + problems));
    }

    /** sourcePath → reason. */
    Map<String, String> problemsByPath() {
        Map<String, String> out = new LinkedHashMap<>();
        problems.forEach(p -> out.put(p.sourcePath(), p.reason()));
        return out;
    }
}
