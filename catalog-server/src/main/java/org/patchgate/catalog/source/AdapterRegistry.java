package org.patchgate.catalog.source;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import org.patchgate.catalog.format.CatalogAdapter;
import org.patchgate.catalog.format.SourceFormat;
import org.patchgate.catalog.format.chocolatey.ChocolateyAdapter;
import org.patchgate.catalog.format.json.PatchgateJsonAdapter;
import org.patchgate.catalog.format.scoop.ScoopAdapter;
import org.patchgate.catalog.format.scup.ScupAdapter;
import org.patchgate.catalog.format.winget.WingetAdapter;

/** The one adapter for each catalog format. Adapters are stateless, so one instance serves every sync. */
@ApplicationScoped
public class AdapterRegistry {

    /** The winget adapter parses on a pool of its own; in the server its threads are container-managed. */
    @Resource
    private ManagedThreadFactory threadFactory;

    private CatalogAdapter winget;
    private final CatalogAdapter scoop = new ScoopAdapter();
    private final CatalogAdapter scup = new ScupAdapter();
    private final CatalogAdapter chocolatey = new ChocolateyAdapter();
    private final CatalogAdapter patchgateJson = new PatchgateJsonAdapter();

    @PostConstruct
    void createWingetAdapter() {
        winget = new WingetAdapter(Runtime.getRuntime().availableProcessors(), threadFactory);
    }

    public CatalogAdapter forFormat(SourceFormat format) {
        return switch (format) {
            case WINGET -> winget;
            case SCOOP -> scoop;
            case SCUP -> scup;
            case CHOCOLATEY -> chocolatey;
            case PATCHGATE_JSON -> patchgateJson;
        };
    }
}
