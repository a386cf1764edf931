package org.patchgate.catalog.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.patchgate.catalog.model.CatalogEntry;

/** Keeps what an adapter reports, for assertions; shared by every format's tests. */
public final class CollectingSink implements EntrySink {

    public final List<CatalogEntry> entries = new ArrayList<>();
    public final List<EntryProblem> problems = new ArrayList<>();
    /** What {@link #expect} announced, or -1. */
    public int expected = -1;
    public int expectCalls;

    @Override
    public void expect(int total) {
        expected = total;
        expectCalls++;
    }

    @Override
    public void entry(CatalogEntry entry) {
        entries.add(entry);
    }

    @Override
    public void problem(EntryProblem problem) {
        problems.add(problem);
    }

    public Optional<CatalogEntry> find(String sourceEntryId) {
        return entries.stream().filter(e -> e.sourceEntryId().equals(sourceEntryId)).findFirst();
    }

    public CatalogEntry byEntryId(String sourceEntryId) {
        return find(sourceEntryId).orElseThrow(() -> new AssertionError("no entry " + sourceEntryId + " in "
                + entries.size() + " entries; problems: " + problems));
    }

    public CatalogEntry byProductKey(String productKey) {
        return entries.stream().filter(e -> e.productKey().equals(productKey)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + productKey + "; problems: " + problems));
    }

    /** sourcePath → reason. */
    public Map<String, String> problemsByPath() {
        Map<String, String> out = new LinkedHashMap<>();
        problems.forEach(p -> out.put(p.sourcePath(), p.reason()));
        return out;
    }
}
