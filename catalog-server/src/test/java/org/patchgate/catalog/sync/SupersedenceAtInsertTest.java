package org.patchgate.catalog.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgate.catalog.model.Architecture;
import org.patchgate.catalog.model.CatalogEntry;
import org.patchgate.catalog.model.Classification;
import org.patchgate.catalog.model.InstallScope;
import org.patchgate.catalog.model.Installer;
import org.patchgate.catalog.model.InstallerType;
import org.patchgate.catalog.model.Severity;
import org.patchgate.catalog.model.Version;

/**
 * Links set at insert for new products (NewProductVersions) end up exactly as Supersedence computes
 * them, whatever order the versions arrive in.
 */
class SupersedenceAtInsertTest {

    private static CatalogTestDatabase db;
    private static SyncEngine engine;

    @TempDir
    Path temp;

    @BeforeAll
    static void startDatabase() throws IOException {
        db = CatalogTestDatabase.shared();
        engine = SyncEngine.builder().dataSource(db.dataSource).build();
    }


    @Test
    void firstSync_versionsUnsortedAndAProductComingBackLater_areLinkedInVersionOrder() throws Exception {
        long source = db.newSource("PATCHGATE_JSON");
        StubAdapter adapter = new StubAdapter(sink -> {
            sink.entry(entry("A", "1.0"));
            sink.entry(entry("A", "3.0"));
            sink.entry(entry("A", "2.0"));
            sink.entry(entry("B", "1.0"));
            sink.entry(entry("A", "10.0")); // A again, after B: its held group was already written
            sink.entry(entry("B", "0.9"));
        });

        SyncReport report = engine.sync(source, adapter, temp, "manual", SyncProgress.NONE);

        assertEquals(6, report.added(), () -> String.valueOf(report.error()));
        assertEquals(List.of("A/1.0|A/2.0", "A/10.0|null", "A/2.0|A/3.0", "A/3.0|A/10.0", "B/0.9|B/1.0", "B/1.0|null"),
                links(source));
    }

    @Test
    void laterSync_newVersionOfAnExistingProduct_isLinkedByTheRecompute() throws Exception {
        long source = db.newSource("PATCHGATE_JSON");
        engine.sync(source, new StubAdapter(sink -> sink.entry(entry("A", "1.0"))), temp, "manual", SyncProgress.NONE);

        engine.sync(source, new StubAdapter(sink -> {
            sink.entry(entry("A", "1.0"));
            sink.entry(entry("A", "2.0"));
        }), temp, "manual", SyncProgress.NONE);

        assertEquals(List.of("A/1.0|A/2.0", "A/2.0|null"), links(source));
    }

    private List<String> links(long source) throws SQLException {
        return db.rows("SELECT u.source_entry_id, s.source_entry_id FROM catalog_update u"
                + " LEFT JOIN catalog_update s ON s.id = u.superseded_by_id WHERE u.source_id = ? ORDER BY 1", source);
    }

    private static CatalogEntry entry(String product, String version) {
        return new CatalogEntry(product + "/" + version, "stub/" + product + "/" + version + ".json", "Stub Vendor",
                "Product " + product, "Stub." + product, Version.parse(version), "Product " + product + " " + version,
                null, null, Classification.UPDATES, Severity.UNSPECIFIED, null, null, List.of(),
                List.of(new Installer(Architecture.X64, InstallScope.MACHINE, null, InstallerType.MSI, null,
                        URI.create("https://stub.invalid/" + product + "/" + version + ".msi"), null, null, null, null, null)),
                null, null);
    }
}
