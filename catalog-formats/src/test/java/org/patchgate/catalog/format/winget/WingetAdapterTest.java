package org.patchgate.catalog.format.winget;

import org.patchgate.catalog.format.CollectingSink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchgate.catalog.format.CatalogReadException;
import org.patchgate.catalog.format.SourceFormat;
import org.patchgate.catalog.model.Architecture;
import org.patchgate.catalog.model.CatalogEntry;
import org.patchgate.catalog.model.Classification;
import org.patchgate.catalog.model.DetectionRule;
import org.patchgate.catalog.model.InstallScope;
import org.patchgate.catalog.model.Installer;
import org.patchgate.catalog.model.InstallerType;
import org.patchgate.catalog.model.Severity;

/** Real winget-pkgs manifests (fixtures: src/test/resources/winget/README.md). */
class WingetAdapterTest {

    private static final CollectingSink ALL = readAll();

    private static CollectingSink readAll() {
        try {
            return Fixtures.read(Fixtures.root().resolve("manifests"));
        } catch (CatalogReadException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void read_fixtureTree_oneEntryPerVersionDirectory_noProblems() {
        assertEquals(List.of(), ALL.problems);
        assertEquals(42, ALL.entries.size());
        assertEquals(42, ALL.expected);
        assertEquals(1, ALL.expectCalls);
        assertEquals(SourceFormat.WINGET, new WingetAdapter().format());
    }

    @Test
    void read_singleton_mapsAllFields() {
        CatalogEntry e = ALL.byEntryId("Bitwarden.Bitwarden/1.17.1");
        assertEquals("b/Bitwarden/Bitwarden/1.17.1/Bitwarden.Bitwarden.yaml", e.sourcePath());
        assertEquals("Bitwarden.Bitwarden", e.productKey());
        assertEquals("Bitwarden Inc.", e.vendor());
        assertEquals("Bitwarden", e.product());
        assertEquals("1.17.1", e.version().text());
        assertEquals(Classification.APPLICATIONS, e.classification());
        assertEquals(Severity.UNSPECIFIED, e.severity());
        assertEquals(1, e.installers().size());
    }

    @Test
    void read_lowerCaseHash_isNormalised() {
        CatalogEntry e = ALL.byEntryId("Bitwarden.Bitwarden/1.17.2");
        String hex = e.installers().get(0).sha256().hex();
        assertEquals(64, hex.length());
        assertEquals(hex.toLowerCase(), hex);
    }

    @Test
    void read_unquotedVersion610_staysText() {
        CatalogEntry e = ALL.byEntryId("AdrianThurston.Ragel/6.10");
        assertEquals("6.10", e.version().text());
        Installer zip = e.installers().get(0);
        assertEquals(InstallerType.ZIP, zip.type());
        assertEquals("zip/portable", zip.vendorType());
    }

    @Test
    void read_withTheCallersThreadFactory_parsesOnThreadsItMade_sameEntries() throws Exception {
        AtomicInteger made = new AtomicInteger();
        ThreadFactory counting = task -> {
            made.incrementAndGet();
            Thread thread = new Thread(task, "managed-like");
            thread.setDaemon(true);
            return thread;
        };
        CollectingSink sink = new CollectingSink();

        new WingetAdapter(2, counting).read(Fixtures.root().resolve("manifests"), sink);

        assertTrue(made.get() >= 1, "the pool's threads come from the given factory");
        assertEquals(ALL.entries, sink.entries);
    }

    @Test
    void read_checkoutRoot_hiddenFoldersLikeGitAndGithubAreNotRead(@TempDir Path checkout) throws Exception {
        Path version = Files.createDirectories(checkout.resolve("manifests/a/AdrianThurston/Ragel/6.10"));
        Files.copy(Fixtures.manifests("a/AdrianThurston/Ragel/6.10/AdrianThurston.Ragel.yaml"),
                version.resolve("AdrianThurston.Ragel.yaml"));
        // winget-pkgs' own CI workflows are YAML, but no manifests; .git holds the repository.
        Files.createDirectories(checkout.resolve(".github/workflows"));
        Files.writeString(checkout.resolve(".github/workflows/validate.yml"), "name: validate\non: [pull_request]\n");
        Files.createDirectories(checkout.resolve(".git/refs"));
        Files.writeString(checkout.resolve(".git/refs/odd.yaml"), "not: a manifest\n");

        CollectingSink sink = Fixtures.read(checkout);

        assertEquals(List.of(), sink.problems);
        assertEquals(1, sink.entries.size());
    }

    @Test
    void read_singleFileLocation_readsThatManifest() throws Exception {
        CollectingSink sink = Fixtures.read(
                Fixtures.manifests("a/AdrianThurston/Ragel/6.10/AdrianThurston.Ragel.yaml"));
        assertEquals(1, sink.entries.size());
        assertEquals("AdrianThurston.Ragel.yaml", sink.entries.get(0).sourcePath());
    }

    @Test
    void read_byteOrderMark_isIgnored() {
        CatalogEntry e = ALL.byEntryId("Greenshot.Greenshot/1.2.10.6");
        assertEquals("Greenshot", e.vendor());
        assertEquals("g/Greenshot/Greenshot/1.2.10.6/Greenshot.Greenshot.yaml", e.sourcePath());
    }

    @Test
    void read_gitVersions_lfAndCrlf_orderByVersion() {
        List<String> versions = ALL.entries.stream().filter(e -> e.productKey().equals("Git.Git"))
                .map(CatalogEntry::version).sorted().map(v -> v.text()).collect(Collectors.toList());
        assertEquals(7, versions.size());
        assertEquals("2.48.1", versions.get(6));
        assertEquals("2.45.2", versions.get(5));
        assertTrue(versions.get(0).startsWith("2.33"), versions::toString);
    }

    @Test
    void read_topLevelInstallerFields_applyToEveryEntry() {
        CatalogEntry git = ALL.byEntryId("Git.Git/2.45.2");
        assertEquals(4, git.installers().size());
        for (Installer installer : git.installers()) {
            assertEquals(InstallerType.EXE, installer.type());
            assertEquals("inno", installer.vendorType());
        }
        assertEquals(InstallScope.USER, git.installers().get(0).scope());
        assertEquals(InstallScope.MACHINE, git.installers().get(1).scope());
        assertEquals(Architecture.X86, git.installers().get(2).architecture());
        assertEquals("GPL-2.0", git.license());
        assertEquals("https://gitforwindows.org", git.homepage());
    }

    @Test
    void read_severalInstallerTypes_eachEntryKeepsItsOwn() {
        CatalogEntry magick = ALL.byEntryId("ImageMagick.ImageMagick/7.1.1.34");
        Map<String, Long> byVendorType = magick.installers().stream()
                .collect(Collectors.groupingBy(Installer::vendorType, Collectors.counting()));
        assertEquals(Map.of("inno", 3L, "msix", 2L, "zip/portable", 3L), byVendorType);
        assertEquals(LocalDate.of(2024, 6, 23), magick.releaseDate());
        DetectionRule.Or rule = (DetectionRule.Or) magick.installedRule();
        assertTrue(rule.rules().contains(new DetectionRule.ProductCodeInstalled("ImageMagick 7.1.1 Q16-HDRI (64-bit)_is1", null)));
        assertTrue(rule.rules().contains(new DetectionRule.PackageFamilyInstalled("ImageMagick.Q16-HDRI_b3hnabsze9y3j")));
        assertEquals(4, rule.rules().size(), rule::toString);
    }

    @Test
    void read_msiProductCodes_becomeMsiRules() {
        DetectionRule.Or rule = (DetectionRule.Or) ALL.byEntryId("Google.Chrome/126.0.6478.127").installedRule();
        assertEquals(3, rule.rules().size());
        assertTrue(rule.rules().contains(new DetectionRule.MsiProductInstalled("{A6A8A820-1396-378F-ABE5-4EBDEA19FE69}", null, null)));
        assertEquals(InstallerType.MSI, ALL.byEntryId("Google.Chrome/126.0.6478.127").installers().get(0).type());
    }

    @Test
    void read_extraLocale_defaultLocaleTextWins() {
        CatalogEntry calibre = ALL.byEntryId("calibre.calibre/7.13.0");
        assertEquals("Kovid Goyal", calibre.vendor());
        assertTrue(calibre.description().chars().allMatch(c -> c < 0x3000), calibre.description());
    }

    @Test
    void read_urlWithBrackets_isPercentEncoded() {
        Installer installer = ALL.byEntryId("Guru3D.Afterburner/4.6.5").installers().get(0);
        assertTrue(installer.url().toString().endsWith("/%5BGuru3D.com%5D-MSIAfterburnerSetup465.zip"), installer.url()::toString);
    }

    @ParameterizedTest(name = "ManifestVersion {1}: {0}")
    @CsvSource({
        "ATNSOFT.KeyRemapper/1.13.0.480, 1.0.0", "Aegisub.Aegisub.Dev/r8942, 1.1.0",
        "Amazon.SendToKindle/1.1.1.255, 1.2.0", "AIMP.AIMP/5.11.2429, 1.4.0", "Git.Git/2.45.2, 1.6.0",
        "Git.Git/2.48.1, 1.9.0", "A-SIT.PDF-Over/4.4.6.1, 1.10.0", "A-SIT.PDF-Over/4.4.8, 1.12.0"})
    void read_everyKnownManifestVersion_isRead(String id, String manifestVersion) throws Exception {
        CatalogEntry e = ALL.byEntryId(id);
        assertTrue(Files.readString(Fixtures.manifests(e.sourcePath())).contains("ManifestVersion: " + manifestVersion));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "CursorAI,Inc.Cursor/latest|latest", "HamsterRepublic.BobTheHamsterVGA/2008-01-23|2008-01-23",
        "Allen&Heath.AvantisDirector/V1.11 - Rev. 64180|V1.11 - Rev. 64180", "Coninfer.ECLiPSeCLP.7.1/7.1 #13|7.1 #13",
        "AdoptOpenJDK.OpenJDK.11/jdk-11.0.9.1+1|jdk-11.0.9.1+1", "AgileBits.1Password.Beta/8.10.36-31.BETA|8.10.36-31.BETA",
        "AdGuard.AdGuardHome.Beta/0.108.0-b.53|0.108.0-b.53", "Anaconda.Miniconda3/py312_24.5.0-0|py312_24.5.0-0"})
    void read_oddVersion_keptVerbatim(String id, String version) {
        assertEquals(version, ALL.byEntryId(id).version().text());
    }

    @Test
    void read_dockerFivePartVersion_sortsBelowLaterReleases() {
        List<String> docker = ALL.entries.stream().filter(e -> e.productKey().equals("Docker.DockerDesktop"))
                .map(CatalogEntry::version).sorted().map(v -> v.text()).toList();
        assertEquals(List.of("2.3.0.3.45519", "4.30.0", "4.31.0", "4.31.1"), docker);
    }

    @Test
    void read_preReleaseChannel_isMarkedPreRelease() {
        assertTrue(ALL.byEntryId("AdGuard.AdGuardHome.Beta/0.108.0-b.53").version().isPreRelease());
        assertTrue(ALL.byEntryId("AgileBits.1Password.Beta/8.10.36-31.BETA").version().isPreRelease());
    }

    @Test
    void read_silentSwitches_areKept() {
        Map<String, CatalogEntry> byId = ALL.entries.stream()
                .collect(Collectors.toMap(CatalogEntry::sourceEntryId, Function.identity()));
        long withSilent = byId.values().stream().flatMap(e -> e.installers().stream())
                .filter(i -> i.silentInstall() != null).count();
        assertTrue(withSilent > 0);
        assertNull(ALL.byEntryId("Git.Git/2.45.2").installers().get(0).silentInstall());
    }

    @Test
    void read_missingLocation_throws(@TempDir Path dir) {
        assertThrows(CatalogReadException.class, () -> Fixtures.read(dir.resolve("nope")));
    }

    @Test
    void read_folderWithoutManifests_throws(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("readme.txt"), "not a manifest");
        assertThrows(CatalogReadException.class, () -> Fixtures.read(dir));
    }

    @Test
    void read_sameTree_sameOrder() throws Exception {
        CollectingSink again = Fixtures.read(Fixtures.root().resolve("manifests"));
        assertEquals(ALL.entries.stream().map(CatalogEntry::sourceEntryId).toList(),
                again.entries.stream().map(CatalogEntry::sourceEntryId).toList());
        assertTrue(ALL.entries.stream().map(CatalogEntry::version).sorted(Comparator.naturalOrder()).count() == 42);
    }
}
