package org.patchgate.catalog.format.winget;

import org.patchgate.catalog.format.CollectingSink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.patchgate.catalog.model.CatalogEntry;

/**
 * Reads the whole winget corpus (1,045 real manifests, 308 version directories; copied into the
 * test resources {@code winget-corpus/} with its README of origin).
 */
class WingetCorpusTest {

    static Path corpus() throws Exception {
        URL readme = WingetCorpusTest.class.getResource("/winget-corpus/README.md");
        if (readme == null) {
            throw new AssertionError("test resource winget-corpus/ is missing");
        }
        return Path.of(readme.toURI()).getParent();
    }

    @Test
    void read_wholeSharedCorpus_everyVersionDirectoryBecomesOneEntry_noProblems() throws Exception {
        Path corpus = corpus();
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
