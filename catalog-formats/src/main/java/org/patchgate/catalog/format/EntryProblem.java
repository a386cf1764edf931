package org.patchgate.catalog.format;

import java.util.Objects;

/**
 * Why one entry of a source could not be taken: the sync report shows it, and the rest of the
 * source still lands.
 *
 * @param sourcePath file the entry came from, relative to the source root
 * @param reason what is wrong, in words an admin can act on (names the field and the problem)
 */
public record EntryProblem(String sourcePath, String reason) {

    public EntryProblem {
        Objects.requireNonNull(sourcePath, "sourcePath");
        Objects.requireNonNull(reason, "reason");
    }
}
