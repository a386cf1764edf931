package org.patchgate.catalog.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.patchgate.catalog.model.CatalogEntry;

/**
 * A sink for tests of skipping before parsing ({@link EntrySink#unchanged}): it answers "unchanged"
 * for the digests in {@code known} (sourcePath → digest, what a catalog would have stored) and
 * records what was asked, parsed, skipped and delivered. {@link #next()} makes the sink of the next
 * read of a catalog that stored what this one received.
 */
public final class DigestSink implements EntrySink {

    public final Map<String, String> known;
    /** sourcePath → digest the adapter asked about (may be called from several threads). */
    public final Map<String, String> asked = new ConcurrentHashMap<>();
    /** sourcePath → digest passed with the parsed entry ({@code null} when it passed none). */
    public final Map<String, String> delivered = new TreeMap<>();
    /** sourcePaths of parsed entries, in delivery order. */
    public final List<String> parsed = new ArrayList<>();
    /** sourcePaths the sink answered "unchanged" for. */
    public final List<String> skipped = Collections.synchronizedList(new ArrayList<>());
    public final List<EntryProblem> problems = new ArrayList<>();
    /** Threads that delivered entries or problems. */
    public final Set<String> threads = Collections.synchronizedSet(new HashSet<>());

    public DigestSink() {
        this(Map.of());
    }

    public DigestSink(Map<String, String> known) {
        this.known = known;
    }

    /**
     * The sink of the next read, knowing what a catalog would store after this one: the digests of
     * entries skipped (still stored as they were) and of entries parsed with a digest.
     */
    public DigestSink next() {
        Map<String, String> stored = new HashMap<>();
        synchronized (skipped) {
            skipped.forEach(path -> stored.put(path, known.get(path)));
        }
        delivered.forEach((path, digest) -> {
            if (digest != null) {
                stored.put(path, digest);
            }
        });
        return new DigestSink(stored);
    }

    @Override
    public boolean unchanged(String sourcePath, String rawDigest) {
        asked.put(sourcePath, rawDigest);
        boolean same = rawDigest.equals(known.get(sourcePath));
        if (same) {
            skipped.add(sourcePath);
        }
        return same;
    }

    @Override
    public void entry(CatalogEntry entry) {
        entry(entry, null);
    }

    @Override
    public void entry(CatalogEntry entry, String rawDigest) {
        threads.add(Thread.currentThread().getName());
        parsed.add(entry.sourcePath());
        delivered.put(entry.sourcePath(), rawDigest);
    }

    @Override
    public void problem(EntryProblem problem) {
        threads.add(Thread.currentThread().getName());
        problems.add(problem);
    }
}
