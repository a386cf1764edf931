package org.patchgate.catalog.sync;

import java.util.Objects;
import org.patchgate.catalog.format.RawDigest;

/**
 * Identifies exactly what a source holds right now — a git commit with a clean working tree, the
 * digest of a catalog file — so that a sync can tell, without reading a single entry, that the
 * source is what the last successful sync read (docs/catalog.md, "Unchanged sources").
 *
 * @param description for people and the sync record, e.g. {@code git commit 1103d4db… (clean working tree)}
 * @param key SHA-256 (hex) over everything that decides what a read would produce: Patchgate's build
 *     (adapters change between builds), the source's format and location, and the description
 */
public record SourceRevision(String description, String key) {

    /** {@code sync_run.source_revision} is VARCHAR(300). */
    private static final int MAX_DESCRIPTION = 300;

    public SourceRevision {
        Objects.requireNonNull(description, "description");
        if (description.isBlank() || description.length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("a revision description is 1-" + MAX_DESCRIPTION + " characters");
        }
        if (key == null || !key.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a revision key is 64 lower-case hex digits");
        }
    }

    /**
     * @param description what the source holds (see the record's description)
     * @param context everything else that decides what a read produces (build, format, location)
     */
    public static SourceRevision of(String description, String... context) {
        RawDigest key = new RawDigest("source-revision-1");
        for (String part : context) {
            key.add(Objects.requireNonNull(part, "context"));
        }
        return new SourceRevision(description, key.add(description).hex());
    }
}
