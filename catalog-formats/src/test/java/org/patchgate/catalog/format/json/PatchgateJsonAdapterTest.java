package org.patchgate.catalog.format.json;

import org.patchgate.catalog.format.CollectingSink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgate.catalog.format.CatalogReadException;
import org.patchgate.catalog.format.SourceFormat;
import org.patchgate.catalog.model.Architecture;
import org.patchgate.catalog.model.CatalogEntry;
import org.patchgate.catalog.model.Classification;
import org.patchgate.catalog.model.DetectionRule;
import org.patchgate.catalog.model.HashAlgorithm;
import org.patchgate.catalog.model.InstallScope;
import org.patchgate.catalog.model.Installer;
import org.patchgate.catalog.model.InstallerType;
import org.patchgate.catalog.model.Severity;

/** The invented example catalogs (src/test/resources/patchgate-json/README.md). */
class PatchgateJsonAdapterTest {

    static Path examples() throws Exception {
        return Path.of(PatchgateJsonAdapterTest.class.getResource("/patchgate-json/examples/contoso-agent.json").toURI()).getParent();
    }

    static CollectingSink read(Path location) throws CatalogReadException {
        CollectingSink sink = new CollectingSink();
        new PatchgateJsonAdapter().read(location, sink);
        return sink;
    }

    @Test
    void read_exampleFolder_readsEveryFileInPathOrder() throws Exception {
        CollectingSink sink = read(examples());
        assertEquals(List.of(), sink.problems);
        assertEquals(2, sink.expected);
        assertEquals(List.of("Contoso.Agent/5.2.1", "Contoso.Agent/5.3.0-rc1", "Fabrikam.Viewer/2024.06"),
                sink.entries.stream().map(CatalogEntry::sourceEntryId).toList());
        assertEquals("nested/fabrikam-viewer.json", sink.entries.get(2).sourcePath());
        assertEquals(SourceFormat.PATCHGATE_JSON, new PatchgateJsonAdapter().format());
    }

    @Test
    void read_fullEntry_mapsEveryField() throws Exception {
        CatalogEntry e = read(examples().resolve("contoso-agent.json")).entries.get(0);
        assertEquals("contoso-agent.json", e.sourcePath());
        assertEquals("Contoso Ltd.", e.vendor());
        assertEquals("5.2.1", e.version().text());
        assertEquals("Contoso Agent 5.2.1 (security fix)", e.title());
        assertEquals(LocalDate.of(2024, 5, 14), e.releaseDate());
        assertEquals(Classification.SECURITY_UPDATES, e.classification());
        assertEquals(Severity.IMPORTANT, e.severity());
        assertEquals(List.of("Contoso.Agent/5.2.0"), e.supersedes());
        Installer msi = e.installers().get(0);
        assertEquals(Architecture.X64, msi.architecture());
        assertEquals(InstallScope.MACHINE, msi.scope());
        assertEquals(InstallerType.MSI, msi.type());
        assertEquals("3f1a2b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708", msi.sha256().hex());
        assertEquals(48234496L, msi.size());
        assertEquals(new DetectionRule.MsiProductInstalled("{8D6F3C2A-1B4E-4F5A-9C7D-2E1F0A9B8C7D}", "5.2.1", null),
                e.installedRule());
        DetectionRule.And and = assertInstanceOf(DetectionRule.And.class, e.applicableRule());
        assertEquals(new DetectionRule.RegistryKeyExists("HKLM", "SOFTWARE\\Contoso\\Agent"), and.rules().get(0));
        assertInstanceOf(DetectionRule.Not.class, and.rules().get(1));
        assertEquals("10", ((DetectionRule.Opaque) and.rules().get(2)).attributes().get("MajorVersion"));
    }

    @Test
    void read_minimalEntry_appliesDefaults() throws Exception {
        CatalogEntry e = read(examples().resolve("contoso-agent.json")).entries.get(1);
        assertEquals("Contoso Agent 5.3.0-rc1", e.title());
        assertEquals(Severity.UNSPECIFIED, e.severity());
        assertTrue(e.version().isPreRelease());
        Installer exe = e.installers().get(0);
        assertEquals(InstallScope.UNSPECIFIED, exe.scope());
        assertEquals(HashAlgorithm.SHA512, exe.vendorDigest().algorithm());
        assertEquals(null, exe.sha256());
        DetectionRule.Or or = assertInstanceOf(DetectionRule.Or.class, e.installedRule());
        assertEquals(DetectionRule.Comparison.GREATER_THAN_OR_EQUAL_TO, ((DetectionRule.RegistryValue) or.rules().get(0)).comparison());
    }

    @Test
    void read_missingLocation_throws(@TempDir Path dir) {
        assertThrows(CatalogReadException.class, () -> read(dir.resolve("absent.json")));
    }

    @Test
    void read_folderWithoutJson_throws(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "{}");
        assertThrows(CatalogReadException.class, () -> read(dir));
    }

    @Test
    void read_folderKeptInGit_hiddenFilesAndFoldersAreNotCatalogFiles(@TempDir Path dir) throws Exception {
        Files.copy(examples().resolve("contoso-agent.json"), dir.resolve("contoso-agent.json"));
        Files.createDirectories(dir.resolve(".github"));
        Files.writeString(dir.resolve(".github/renovate.json"), "{\"extends\": [\"config:base\"]}");
        Files.writeString(dir.resolve(".prettierrc.json"), "{}");

        CollectingSink sink = read(dir);

        assertEquals(List.of(), sink.problems);
        assertEquals(read(examples().resolve("contoso-agent.json")).entries.size(), sink.entries.size());
    }
}
