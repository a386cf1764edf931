package org.patchgate.catalog.sync;

import java.util.HashMap;
import java.util.Map;

/**
 * The stored raw digest of each source path, for {@link org.patchgate.catalog.format.EntrySink#unchanged}:
 * filled while the stored catalog loads, then only read, so the adapter's threads may ask it while
 * the writer works (the loading thread starts the reader after filling it, which publishes it safely).
 *
 * <p>Only updates that are not removed and have a digest are in it. A path that several stored
 * updates share (a format with many entries per file) is never answered: skipping it would have to
 * vouch for all of them.
 */
final class DigestIndex {

    private record Known(String entryId, String digest) {
    }

    private static final Known SHARED = new Known(null, null);

    private final Map<String, Known> byPath = new HashMap<>();

    void add(String sourcePath, String entryId, String digest) {
        if (byPath.containsKey(sourcePath)) {
            byPath.put(sourcePath, SHARED);
        } else if (digest != null) {
            byPath.put(sourcePath, new Known(entryId, digest));
        } else {
            byPath.put(sourcePath, SHARED); // so that a later row with this path and a digest is not trusted either
        }
    }

    /** The entry id of the one stored update from {@code sourcePath} that has a digest, else {@code null}. */
    String entryId(String sourcePath) {
        Known known = byPath.get(sourcePath);
        return known == null ? null : known.entryId();
    }

    /** The entry id stored from {@code sourcePath} if its raw digest is {@code digest}, else {@code null}. */
    String unchangedEntry(String sourcePath, String digest) {
        Known known = byPath.get(sourcePath);
        return known != null && known.digest() != null && known.digest().equals(digest) ? known.entryId() : null;
    }
}
