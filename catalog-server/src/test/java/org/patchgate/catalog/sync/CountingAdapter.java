package org.patchgate.catalog.sync;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.patchgate.catalog.format.CatalogAdapter;
import org.patchgate.catalog.format.CatalogReadException;
import org.patchgate.catalog.format.EntryProblem;
import org.patchgate.catalog.format.EntrySink;
import org.patchgate.catalog.format.SourceFormat;
import org.patchgate.catalog.model.CatalogEntry;

/** Wraps a real adapter and records what passes through the sink: parsed entries and skipped paths. */
final class CountingAdapter implements CatalogAdapter {

    private final CatalogAdapter delegate;
    /** Source paths of entries the adapter parsed and delivered (sorted by {@link #parsed()}). */
    private final AtomicInteger reads = new AtomicInteger();
    private final List<String> parsed = Collections.synchronizedList(new ArrayList<>());
    /** Source paths the sink said are unchanged, so the adapter did not parse them. */
    private final List<String> skipped = Collections.synchronizedList(new ArrayList<>());

    CountingAdapter(CatalogAdapter delegate) {
        this.delegate = delegate;
    }

    /** How many times the source was read at all. */
    int reads() {
        return reads.get();
    }

    List<String> parsed() {
        return sorted(parsed);
    }

    List<String> skipped() {
        return sorted(skipped);
    }

    private static List<String> sorted(List<String> list) {
        synchronized (list) {
            List<String> copy = new ArrayList<>(list);
            copy.sort(null);
            return copy;
        }
    }

    @Override
    public SourceFormat format() {
        return delegate.format();
    }

    @Override
    public void read(Path location, EntrySink sink) throws CatalogReadException {
        reads.incrementAndGet();
        parsed.clear();
        skipped.clear();
        delegate.read(location, new EntrySink() {
            @Override
            public void expect(int total) {
                sink.expect(total);
            }

            @Override
            public void entry(CatalogEntry entry) {
                parsed.add(entry.sourcePath());
                sink.entry(entry);
            }

            @Override
            public void entry(CatalogEntry entry, String rawDigest) {
                parsed.add(entry.sourcePath());
                sink.entry(entry, rawDigest);
            }

            @Override
            public void problem(EntryProblem problem) {
                sink.problem(problem);
            }

            @Override
            public boolean unchanged(String sourcePath, String rawDigest) {
                boolean unchanged = sink.unchanged(sourcePath, rawDigest);
                if (unchanged) {
                    skipped.add(sourcePath);
                }
                return unchanged;
            }
        });
    }
}
