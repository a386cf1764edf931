package org.patchgate.catalog.sync;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.patchgate.catalog.format.CatalogAdapter;
import org.patchgate.catalog.format.CatalogReadException;
import org.patchgate.catalog.format.EntrySink;
import org.patchgate.catalog.format.SourceFormat;
import org.patchgate.catalog.model.Architecture;
import org.patchgate.catalog.model.CatalogEntry;
import org.patchgate.catalog.model.Classification;
import org.patchgate.catalog.model.InstallScope;
import org.patchgate.catalog.model.Installer;
import org.patchgate.catalog.model.InstallerType;
import org.patchgate.catalog.model.Severity;
import org.patchgate.catalog.model.Version;

/** A test double: an adapter whose reading the test scripts (entries, pauses, failures). */
final class StubAdapter implements CatalogAdapter {

    /** What the adapter does while reading. */
    @FunctionalInterface
    interface Script {
        void run(EntrySink sink) throws CatalogReadException, InterruptedException;
    }

    private final Script script;

    StubAdapter(Script script) {
        this.script = script;
    }

    @Override
    public SourceFormat format() {
        return SourceFormat.PATCHGATE_JSON;
    }

    @Override
    public void read(Path location, EntrySink sink) throws CatalogReadException {
        try {
            script.run(sink);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogReadException("interrupted", e);
        }
    }

    /** A small valid entry of product {@code Stub.Product}. */
    static CatalogEntry entry(String version) {
        return new CatalogEntry("Stub.Product/" + version, "stub/" + version + ".json", "Stub Vendor", "Stub Product",
                "Stub.Product", Version.parse(version), "Stub Product " + version, null, null,
                Classification.UPDATES, Severity.UNSPECIFIED, null, null, List.of(),
                List.of(new Installer(Architecture.X64, InstallScope.MACHINE, null, InstallerType.MSI, null,
                        URI.create("https://stub.invalid/" + version + ".msi"), null, null, null, null, null)),
                null, null);
    }
}
