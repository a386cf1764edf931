package org.patchgate.catalog.format.winget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.patchgate.catalog.model.CatalogEntry;

/**
 * Reads the whole shared winget corpus (shared/data/catalogs/winget: 1,045 real manifests, 308
 * version directories, see its README). The corpus is not copied into this module; it is found
 * through the system property {@code patchgate.shared.catalogs} or as {@code shared/data/catalogs}
 * in the working directory or any folder above it (CI lays shared/ beside the clone). If it cannot be
 * found the test fails: a silently skipped corpus test would hide regressions.
 */
class WingetCorpusTest {

    static Path sharedCatalogs() {
        String property = System.getProperty("patchgate.shared.catalogs");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : new Path[] {dir.resolve("shared/data/catalogs"), dir.resolveSibling("shared/data/catalogs")}) {
                if (candidate != null && Files.isDirectory(candidate.resolve("winget/manifests"))) {
                    return candidate;
                }
            }
        }
        throw new AssertionError("shared winget corpus not found: set -Dpatchgate.shared.catalogs=/path/to/shared/data/catalogs"
                + " or keep shared/ in or beside a parent folder of " + Path.of("").toAbsolutePath());
    }

    @Test
    void read_wholeSharedCorpus_everyVersionDirectoryBecomesOneEntry_noProblems() throws Exception {
        Path corpus = sharedCatalogs().resolve("winget");
        CollectingSink sink = new CollectingSink();

        new WingetAdapter().read(corpus, sink);

        assertEquals(0, sink.problems.size(), () -> "problems: " + sink.problems);
        // README: 308 version directories (302 multi-file + 6 singletons), 242 packages.
        assertEquals(308, sink.entries.size());
        assertEquals(308, sink.expected);
        Set<String> packages = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (CatalogEntry entry : sink.entries) {
            packages.add(entry.productKey());
            assertTrue(ids.add(entry.sourceEntryId()), () -> "duplicate " + entry.sourceEntryId());
        }
        assertEquals(242, packages.size());
    }
}
