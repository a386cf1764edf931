package org.patchgate.catalog.format.chocolatey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgate.catalog.format.CatalogReadException;
import org.patchgate.catalog.format.EntryProblem;
import org.patchgate.catalog.format.EntrySink;
import org.patchgate.catalog.format.SourceFormat;
import org.patchgate.catalog.model.Architecture;
import org.patchgate.catalog.model.CatalogEntry;
import org.patchgate.catalog.model.HashAlgorithm;
import org.patchgate.catalog.model.Installer;
import org.patchgate.catalog.model.InstallerType;

/** Reads the 50 real packages under {@code chocolatey/repo/} (see the README there). */
class ChocolateyAdapterTest {

    private static final String EMBEDDED = "no downloadable installer with a checksum: the binary is embedded in the .nupkg"
            + " (checksums are only in legal/VERIFICATION.txt, free text that is not used)";
    private static final List<CatalogEntry> ENTRIES = new ArrayList<>();
    private static final Map<String, String> PROBLEMS = new TreeMap<>();

    static Path resource(String path) {
        try {
            return Path.of(ChocolateyAdapterTest.class.getResource("/chocolatey/" + path).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void readRepository() throws CatalogReadException {
        new ChocolateyAdapter().read(resource("repo"), new EntrySink() {
            @Override
            public void entry(CatalogEntry entry) {
                ENTRIES.add(entry);
            }

            @Override
            public void problem(EntryProblem problem) {
                PROBLEMS.put(problem.sourcePath(), problem.reason());
            }
        });
    }

    private static CatalogEntry entry(String id) {
        return ENTRIES.stream().filter(e -> e.sourceEntryId().startsWith(id + "/")).findFirst().orElseThrow();
    }

    @Test
    void format_isChocolatey() {
        assertEquals(SourceFormat.CHOCOLATEY, new ChocolateyAdapter().format());
    }

    @Test
    void read_realRepository_takes28PackagesAndReports22WithReasons() {
        assertEquals(28, ENTRIES.size());
        assertEquals(22, PROBLEMS.size());
        Map<String, String> expected = new TreeMap<>();
        for (String embedded : List.of("automatic/audacity/audacity.nuspec", "automatic/autohotkey.install/autohotkey.install.nuspec",
                "automatic/cmake.install/cmake.install.nuspec", "automatic/cmake.portable/cmake.portable.nuspec",
                "automatic/composer/composer.nuspec", "automatic/curl/curl.nuspec", "automatic/cygwin/cygwin.nuspec",
                "automatic/everything/Everything.nuspec", "automatic/git.install/git.install.nuspec",
                "automatic/keepassxc/keepassxc.nuspec", "automatic/krita/krita.nuspec",
                "automatic/kubernetes-cli/kubernetes-cli.nuspec", "manual/gpg4win-light/gpg4win-light.nuspec")) {
            expected.put(embedded, EMBEDDED);
        }
        expected.put("automatic/cmake/cmake.nuspec", "no downloadable installer with a checksum: there is no "
                + "tools/chocolateyInstall.ps1 (a meta package; it only depends on cmake.install)");
        expected.put("automatic/git/git.nuspec", "no downloadable installer with a checksum: there is no "
                + "tools/chocolateyInstall.ps1 (a meta package; it only depends on git.install)");
        expected.put("automatic/firefox/firefox.nuspec",
                "no downloadable installer with a checksum: url is computed when the script runs ($build.Url)");
        expected.put("automatic/flightgear/flightgear.nuspec", "no downloadable installer with a checksum: url "
                + "'https://sourceforge.net/projects/flightgear/files/release-2020.3/FlightGear-2020.3.19.exe/download' "
                + "has no checksum, and Patchgate verifies every download");
        expected.put("manual/DotNet4.0/DotNet4.0.nuspec", "no downloadable installer with a checksum: url "
                + "'http://www.iis.net/community/files/webpi/webpicmdline_anycpu.zip' has no checksum, and Patchgate verifies every download");
        expected.put("manual/ffdshow/ffdshow.nuspec", "no downloadable installer with a checksum: url "
                + "'http://sourceforge.net/projects/ffdshow-tryout/files/Official releases/generic build (stable)/ffdshow_rev4531_20140628.exe/download' "
                + "has no checksum, and Patchgate verifies every download");
        expected.put("manual/bitdefender-usb-immunizer/bitdefender-usb-immunizer.nuspec",
                "no downloadable installer with a checksum: the script downloads with Get-ChocolateyWebFile, which is not interpreted");
        expected.put("manual/kb2670838/kb2670838.nuspec", "no downloadable installer with a checksum: "
                + "the install script calls neither Install-ChocolateyPackage nor Install-ChocolateyZipPackage");
        expected.put("manual/libreoffice-help/libreoffice-help.nuspec",
                "version '{{PackageVersion}}' is an unexpanded template token, not a version");
        assertEquals(expected, PROBLEMS);
    }

    @Test
    void read_googlechrome_mapsNuspecAndBothArchitectures() {
        CatalogEntry e = entry("GoogleChrome");

        assertEquals("GoogleChrome/152.0.7977.54", e.sourceEntryId());
        assertEquals("automatic/googlechrome/googlechrome.nuspec", e.sourcePath());
        assertEquals("Google LLC.", e.vendor());
        assertEquals("Google Chrome", e.product());
        assertEquals("googlechrome", e.productKey());
        assertEquals("Google Chrome 152.0.7977.54", e.title());
        assertEquals("https://www.google.com/chrome/browser/", e.homepage());
        assertEquals("https://www.google.it/intl/en/chrome/browser/privacy/eula_text.html", e.license());
        assertTrue(e.description().startsWith("Chrome is a fast, simple, and secure web browser"), e.description());
        Installer x86 = e.installers().get(0);
        Installer x64 = e.installers().get(1);
        assertEquals(Architecture.X86, x86.architecture());
        assertEquals(URI.create("https://dl.google.com/dl/chrome/install/googlechromestandaloneenterprise.msi"), x86.url());
        assertEquals("0efb7c6abea0bbbfc7054d049a08543f8357aa2c2c5b05014339a03785e97c31", x86.sha256().hex());
        assertEquals(InstallerType.MSI, x86.type());
        assertEquals("chocolatey", x86.vendorType());
        assertNull(x86.silentInstall(), "silentArgs interpolates $env: values at run time");
        assertEquals(Architecture.X64, x64.architecture());
        assertEquals("693e6efefec1d8d776eb221804bfafb8f86289210d687c7024bdb89ef7034d40", x64.sha256().hex());
    }

    @Test
    void read_calibre_url64WithChecksumType64_isOneX64Installer() {
        List<Installer> installers = entry("calibre").installers();

        assertEquals(1, installers.size());
        assertEquals(Architecture.X64, installers.get(0).architecture());
        assertEquals("/quiet", installers.get(0).silentInstall());
    }

    @Test
    void read_sha512AndMd5Checksums_becomeVendorDigestsWithoutSha256() {
        Installer cutepdf = entry("cutepdf").installers().get(0);
        Installer freemake = entry("freemake-video-converter").installers().get(0);

        assertEquals(HashAlgorithm.SHA512, cutepdf.vendorDigest().algorithm());
        assertNull(cutepdf.sha256());
        assertEquals("md5:77338f53643e40e864da5539b6629b8d", freemake.vendorDigest().toString());
    }

    @Test
    void read_zipPackageAndCapitalisedScriptName_areFound() {
        assertEquals(InstallerType.ZIP, entry("azcopy10").installers().get(0).type());
        assertEquals("https://download.jetbrains.com/datagrip/datagrip-2026.2.4.exe", // tools/ChocolateyInstall.ps1
                entry("datagrip").installers().get(0).url().toString());
    }

    @Test
    void read_emptyLiteralUrl_meansNoInstallerForThatArchitecture() {
        List<Installer> lightworks = entry("lightworks").installers(); // url = '' , url64bit = '…'

        assertEquals(1, lightworks.size());
        assertEquals(Architecture.X64, lightworks.get(0).architecture());
    }

    @Test
    void read_nonSemverVersions_areKeptAsWritten() {
        assertEquals("154.0.8019.0-snapshots", entry("chromium").version().text());
        assertEquals("268.3.4037-beta", entry("dropbox").version().text());
        assertEquals("3.4.3.20260616", entry("lockhunter").version().text());
    }

    @Test
    void nuspecXxe_isRefusedWithAClearReason(@TempDir Path dir) throws Exception {
        Path pkg = Files.createDirectories(dir.resolve("automatic/googlechrome/tools"));
        Files.copy(resource("anomalies/nuspec-xxe/googlechrome.nuspec"), pkg.getParent().resolve("googlechrome.nuspec"));
        Files.copy(resource("repo/automatic/googlechrome/tools/chocolateyInstall.ps1"), pkg.resolve("chocolateyInstall.ps1"));
        List<EntryProblem> problems = new ArrayList<>();
        List<CatalogEntry> entries = new ArrayList<>();

        new ChocolateyAdapter().read(dir, new EntrySink() {
            @Override
            public void entry(CatalogEntry entry) {
                entries.add(entry);
            }

            @Override
            public void problem(EntryProblem problem) {
                problems.add(problem);
            }
        });

        assertEquals(List.of(), entries);
        assertEquals(List.of(new EntryProblem("automatic/googlechrome/googlechrome.nuspec", "nuspec is not acceptable XML: "
                + org.patchgate.catalog.format.scup.SecureXml.DTD_REFUSED)), problems);
    }

    @Test
    void read_folderWithoutNuspec_throws(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("readme.md"), "x");

        assertThrows(CatalogReadException.class, () -> new ChocolateyAdapter().read(dir, new EntrySink() {
            @Override
            public void entry(CatalogEntry entry) {
            }

            @Override
            public void problem(EntryProblem problem) {
            }
        }));
    }
}
