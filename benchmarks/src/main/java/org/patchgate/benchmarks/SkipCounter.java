package org.patchgate.benchmarks;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.patchgate.catalog.format.CatalogAdapter;
import org.patchgate.catalog.format.CatalogReadException;
import org.patchgate.catalog.format.EntryProblem;
import org.patchgate.catalog.format.EntrySink;
import org.patchgate.catalog.format.SourceFormat;
import org.patchgate.catalog.model.CatalogEntry;

/** Wraps an adapter and counts what it parsed and what it skipped as unchanged (for the benchmark table). */
final class SkipCounter implements CatalogAdapter {

    private final CatalogAdapter delegate;
    final AtomicInteger parsed = new AtomicInteger();
    final AtomicInteger skipped = new AtomicInteger();

    SkipCounter(CatalogAdapter delegate) {
        this.delegate = delegate;
    }

    @Override
    public SourceFormat format() {
        return delegate.format();
    }

    @Override
    public void read(Path location, EntrySink sink) throws CatalogReadException {
        parsed.set(0);
        skipped.set(0);
        delegate.read(location, new EntrySink() {
            @Override
            public void expect(int total) {
                sink.expect(total);
            }

            @Override
            public void entry(CatalogEntry entry) {
                parsed.incrementAndGet();
                sink.entry(entry);
            }

            @Override
            public void entry(CatalogEntry entry, String rawDigest) {
                parsed.incrementAndGet();
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
                    skipped.incrementAndGet();
                }
                return unchanged;
            }
        });
    }
}
