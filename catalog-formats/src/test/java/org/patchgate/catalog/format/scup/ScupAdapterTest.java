package org.patchgate.catalog.format.scup;

import org.patchgate.catalog.format.CollectingSink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgate.catalog.format.CatalogReadException;
import org.patchgate.catalog.format.EntryProblem;
import org.patchgate.catalog.format.SourceFormat;
import org.patchgate.catalog.model.CatalogEntry;
import org.patchgate.catalog.model.Classification;
import org.patchgate.catalog.model.DetectionRule;
import org.patchgate.catalog.model.DetectionRule.And;
import org.patchgate.catalog.model.DetectionRule.Comparison;
import org.patchgate.catalog.model.DetectionRule.Opaque;
import org.patchgate.catalog.model.DetectionRule.Or;
import org.patchgate.catalog.model.Installer;
import org.patchgate.catalog.model.InstallerType;
import org.patchgate.catalog.model.Severity;

class ScupAdapterTest {

    private static final String HP_94728 = "00004850-0000-0000-5350-000000094728";
    private static final String DELL_MSI = "dc718411-a5f1-4b15-966a-63a77cbb156e";
    private static final String DELL_REALTEK = "0e6cf4ac-2853-48aa-825b-8fe28206575f";

    private final ScupAdapter adapter = new ScupAdapter();

    private CollectingSink read(String relative) throws CatalogReadException {
        CollectingSink sink = new CollectingSink();
        adapter.read(ScupTestFiles.path(relative), sink);
        return sink;
    }

    @Test
    void format_isScup() {
        assertEquals(SourceFormat.SCUP, adapter.format());
    }

    @Test
    void read_hpV2Folder_takesAllSixteenPackages() throws CatalogReadException {
        CollectingSink sink = read("sdp/hp-v2");

        assertEquals(16, sink.entries.size());
        assertEquals(List.of(), sink.problems);
    }

    @Test
    void read_hpSdp_mapsPropertiesInstallerAndSupersedence() throws CatalogReadException {
        CatalogEntry e = read("sdp/hp-v2").byEntryId(HP_94728);

        assertEquals(HP_94728 + ".sdp", e.sourcePath());
        assertEquals("HP Business Clients", e.vendor());
        assertEquals("Driver", e.product());
        assertEquals("HP Business Clients/Driver/Synaptics HD audio driver for 2018 DT", e.productKey());
        assertEquals("8.65.296.0.A3", e.version().text());
        assertEquals("Synaptics HD audio driver for 2018 DT [8.65.296.0.A3]", e.title());
        assertEquals("[8.65.296.0.A3] DCH Audio driver for 2018 DT", e.description());
        assertEquals(LocalDate.of(2019, 2, 24), e.releaseDate());
        assertEquals(Classification.UPDATES, e.classification());
        assertEquals(Severity.LOW, e.severity());
        assertEquals("http://ftp.hp.com/pub/softpaq/sp94501-95000/sp94728.html", e.homepage());
        assertEquals(List.of("00004850-0000-0000-5350-000000088821", "00004850-0000-0000-5350-000000087800"), e.supersedes());
        Installer i = e.installers().get(0);
        assertEquals(URI.create("http://ftp.hp.com/pub/softpaq/sp94501-95000/sp94728.exe"), i.url());
        assertEquals("sha1:7738ac980641719df7bdd8ffee47a4029eb23bda", i.vendorDigest().toString()); // dzismAZBcZ33vdj/7kekAp6yO9o=
        assertNull(i.sha256());
        assertEquals(57_251_704L, i.size());
        assertEquals(InstallerType.EXE, i.type());
        assertEquals("CommandLineInstallerData", i.vendorType());
        assertEquals("sp94728.exe -s -e cmd.exe -a /c \"setup64.exe\" -s", i.silentInstall());
    }

    @Test
    void read_hpSdp_mapsRuleTreesWithRegistryFileVersionAndOpaqueRules() throws CatalogReadException {
        CatalogEntry e = read("sdp/hp-v2").byEntryId(HP_94728);

        And installed = assertInstanceOf(And.class, e.installedRule());
        assertEquals(new Opaque("bar:WmiQuery", Map.of("Namespace", "Root\\cimv2",
                "WqlQuery", "select * from Win32_BaseBoard where Product LIKE '%840a%'")), installed.rules().get(0));
        And inner = assertInstanceOf(And.class, installed.rules().get(2));
        assertEquals(new Opaque("bar:Processor", Map.of("Architecture", "9")), inner.rules().get(0));
        assertEquals(new DetectionRule.FileVersion("37", "drivers\\CHDRT64.sys", Comparison.GREATER_THAN_OR_EQUAL_TO,
                "8.65.296.0"), inner.rules().get(2));
        // applicable = package IsInstallable AND item IsInstallable
        And applicable = assertInstanceOf(And.class, e.applicableRule());
        And packageRule = assertInstanceOf(And.class, applicable.rules().get(0));
        Or releases = assertInstanceOf(Or.class, packageRule.rules().get(1));
        And release1809 = assertInstanceOf(And.class, releases.rules().get(0));
        assertEquals(new DetectionRule.RegistryValue("HKEY_LOCAL_MACHINE", "Software\\Microsoft\\Windows NT\\CurrentVersion",
                "ReleaseId", Comparison.EQUAL_TO, "1809"), release1809.rules().get(2));
    }

    @Test
    void read_dellMsiSdp_mapsMsiInstallerRuleAndVersion() throws CatalogReadException {
        CatalogEntry e = read("sdp/dell").byEntryId(DELL_MSI);

        assertEquals("1.6.6.5", e.version().text()); // from VersionMin: the title carries none
        assertEquals("Dell/Drivers and Applications/Dell OpenManage Inventory Agent (for Dell Business Client Systems)",
                e.productKey());
        assertEquals(LocalDate.of(2019, 1, 24), e.releaseDate()); // 2019-01-24T07:52:15Z
        assertEquals(Severity.IMPORTANT, e.severity());
        assertEquals(new DetectionRule.MsiProductInstalled("{FB2B7CC0-8307-47e6-A065-11015CC96B99}", "1.6.6.5", null),
                e.installedRule());
        Installer i = e.installers().get(0);
        assertEquals(InstallerType.MSI, i.type());
        assertEquals("MsiInstallerData", i.vendorType());
        assertEquals("Reboot=ReallySuppress", i.silentInstall());
        assertEquals("en", i.locale());
        assertEquals(26_825_728L, i.size());
        And applicable = assertInstanceOf(And.class, e.applicableRule());
        assertEquals("bar:WindowsVersion", assertInstanceOf(Opaque.class, applicable.rules().get(1)).kind());
    }

    @Test
    void read_dellRealtek_parsesAllOfItsHundredsOfRules() throws CatalogReadException {
        CatalogEntry e = read("sdp/dell").byEntryId(DELL_REALTEK);

        assertEquals("6.0.1.8454,A02", e.version().text());
        assertEquals("Dell/Drivers and Applications/Realtek High Definition Audio Driver", e.productKey());
        assertEquals(LocalDate.of(2018, 10, 3), e.releaseDate()); // 2018-10-03T06:37:49+00:00
        int[] counts = new int[4]; // Not, And, Or, WmiQuery
        count(e.installedRule(), counts);
        count(e.applicableRule(), counts);
        // the file has 204 lar:Not, 209 lar:And, 5 lar:Or, 615 bar:WmiQuery; one And is ours (package AND item)
        assertEquals(204, counts[0]);
        assertEquals(210, counts[1]);
        assertEquals(5, counts[2]);
        assertEquals(615, counts[3]);
    }

    private static void count(DetectionRule rule, int[] counts) {
        if (rule instanceof DetectionRule.Not not) {
            counts[0]++;
            count(not.rule(), counts);
        } else if (rule instanceof And and) {
            counts[1]++;
            and.rules().forEach(r -> count(r, counts));
        } else if (rule instanceof Or or) {
            counts[2]++;
            or.rules().forEach(r -> count(r, counts));
        } else if (rule instanceof Opaque o && o.kind().equals("bar:WmiQuery")) {
            counts[3]++;
        }
    }

    @Test
    void read_v1Catalog_takesAllNineteenPackagesLikeTheirV2Files() throws CatalogReadException {
        CollectingSink catalog = read("catalog/HpCatalogForSms.excerpt.xml");
        CollectingSink v2 = read("sdp/hp-v2");

        assertEquals(19, catalog.entries.size());
        assertEquals(List.of(), catalog.problems);
        assertEquals("HpCatalogForSms.excerpt.xml", catalog.byEntryId(HP_94728).sourcePath());
        for (CatalogEntry fromFile : v2.entries) {
            CatalogEntry fromCatalog = catalog.byEntryId(fromFile.sourceEntryId());
            assertEquals(fromFile.version(), fromCatalog.version());
            assertEquals(fromFile.installers(), fromCatalog.installers());
            assertEquals(fromFile.installedRule(), fromCatalog.installedRule());
        }
    }

    @Test
    void read_mszipCatalogCabinet_takesAllPackagesNamedAfterTheCabinetMember() throws CatalogReadException {
        CollectingSink sink = read("cab/hp-excerpt-mszip.cab");

        assertEquals(19, sink.entries.size());
        assertEquals(List.of(), sink.problems);
        assertEquals("hp-excerpt-mszip.cab/HpCatalogForSms.excerpt.xml", sink.byEntryId(HP_94728).sourcePath());
    }

    @Test
    void read_storedCatalogCabinet_takesAllPackages() throws CatalogReadException {
        assertEquals(19, read("cab/hp-excerpt-stored.cab").entries.size());
    }

    @Test
    void read_cabinetOfSdpFiles_takesEachAndIgnoresTheJsonIndex() throws CatalogReadException {
        CollectingSink sink = read("cab/several-sdp-mszip.cab");

        assertEquals(List.of(HP_94728, "00004850-0000-0000-5350-000000065206", DELL_MSI),
                sink.entries.stream().map(CatalogEntry::sourceEntryId).toList());
        assertEquals(List.of(), sink.problems);
    }

    @Test
    void read_folderWithOneBadPackage_reportsItAndTakesTheRest(@TempDir Path dir) throws Exception {
        String good = ScupTestFiles.text("sdp/hp-v2/" + HP_94728 + ".sdp");
        ScupTestFiles.write(dir, "a.sdp", good);
        ScupTestFiles.write(dir, "b.sdp", good.replace("<sdp:Title>Synaptics HD audio driver for 2018 DT [8.65.296.0.A3]</sdp:Title>", ""));
        ScupTestFiles.write(dir, "c.sdp", good.replace("Digest=\"dzismAZBcZ33vdj/7kekAp6yO9o=\"", "Digest=\"not*base64\""));
        ScupTestFiles.write(dir, "notes.txt", "ignored");
        CollectingSink sink = new CollectingSink();

        adapter.read(dir, sink);

        assertEquals(1, sink.entries.size());
        assertEquals("a.sdp", sink.entries.get(0).sourcePath());
        assertEquals(List.of(new EntryProblem("b.sdp", "package " + HP_94728 + ": sdp:Title is missing"),
                new EntryProblem("c.sdp", "package " + HP_94728 + ": sdp:OriginFile/@Digest 'not*base64' is not a base64 SHA-1: SHA1 hash is not valid base64")),
                sink.problems);
    }

    @Test
    void read_predefinedEntitiesAndCharacterReferencesInText_areDecoded(@TempDir Path dir) throws Exception {
        String good = ScupTestFiles.text("sdp/hp-v2/" + HP_94728 + ".sdp");
        Path file = ScupTestFiles.write(dir, "x.sdp", good.replace("DCH Audio driver for 2018 DT</sdp:Description>",
                "DCH Audio &amp; &lt;driver&gt; f&#252;r 2018 DT</sdp:Description>"));
        CollectingSink sink = new CollectingSink();

        adapter.read(file, sink);

        assertEquals(List.of(), sink.problems);
        assertEquals("[8.65.296.0.A3] DCH Audio & <driver> f\u00fcr 2018 DT", sink.entries.get(0).description());
    }

    @Test
    void read_packageWithUnknownClassification_isAProblemNamingTheField(@TempDir Path dir) throws Exception {
        String good = ScupTestFiles.text("sdp/hp-v2/" + HP_94728 + ".sdp");
        Path file = ScupTestFiles.write(dir, "x.sdp", good.replace("UpdateClassification=\"Updates\"", "UpdateClassification=\"Bananas\""));
        CollectingSink sink = new CollectingSink();

        adapter.read(file, sink);

        assertEquals(List.of(new EntryProblem("x.sdp",
                "package " + HP_94728 + ": UpdateClassification 'Bananas' is not a WSUS classification")), sink.problems);
    }

    @Test
    void read_truncatedCatalog_keepsThePackagesBeforeTheBreakAndReportsIt(@TempDir Path dir) throws Exception {
        byte[] whole = Files.readAllBytes(ScupTestFiles.path("catalog/HpCatalogForSms.excerpt.xml"));
        Path cut = Files.write(dir.resolve("cut.xml"), java.util.Arrays.copyOf(whole, whole.length / 2));
        CollectingSink sink = new CollectingSink();

        adapter.read(cut, sink);

        assertTrue(sink.entries.size() > 0 && sink.entries.size() < 19, "entries: " + sink.entries.size());
        assertEquals(1, sink.problems.size());
        assertTrue(sink.problems.get(0).reason().contains("XML is not well-formed, nothing of this package was taken"),
                sink.problems.get(0).reason());
    }

    @Test
    void read_missingLocation_throws() {
        CatalogReadException e = assertThrows(CatalogReadException.class,
                () -> adapter.read(Path.of("/nonexistent/scup"), new CollectingSink()));
        assertTrue(e.getMessage().contains("does not exist"));
    }

    @Test
    void read_folderWithoutScupFiles_throws(@TempDir Path dir) throws IOException {
        ScupTestFiles.write(dir, "readme.txt", "hello");

        CatalogReadException e = assertThrows(CatalogReadException.class, () -> adapter.read(dir, new CollectingSink()));

        assertTrue(e.getMessage().startsWith("no .sdp, catalog .xml or .cab file in"), e.getMessage());
    }

    @Test
    void read_xmlThatIsNotScup_throws(@TempDir Path dir) throws IOException {
        Path file = ScupTestFiles.write(dir, "pom.xml", "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"/>");

        CatalogReadException e = assertThrows(CatalogReadException.class, () -> adapter.read(file, new CollectingSink()));

        assertEquals("pom.xml: not a SCUP document: the root element is {http://maven.apache.org/POM/4.0.0}project",
                e.getMessage());
    }
}
