package org.patchgate.catalog.format.winget;

import org.patchgate.catalog.format.CollectingSink;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import org.patchgate.catalog.format.CatalogReadException;

/** Locates the copied winget fixtures (src/test/resources/winget, see its README.md). */
final class Fixtures {

    private Fixtures() {
    }

    static Path root() {
        URL readme = Fixtures.class.getResource("/winget/README.md");
        if (readme == null) {
            throw new AssertionError("test resource winget/README.md missing");
        }
        try {
            return Path.of(readme.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    static Path manifests(String relative) {
        return root().resolve("manifests").resolve(relative);
    }

    static Path anomaly(String id) {
        return root().resolve("anomalies").resolve(id);
    }

    static CollectingSink read(Path location) throws CatalogReadException {
        CollectingSink sink = new CollectingSink();
        new WingetAdapter().read(location, sink);
        return sink;
    }
}
