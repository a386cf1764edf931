package org.patchgate.catalog.format.scoop;

import org.patchgate.catalog.format.CollectingSink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patchgate.catalog.model.Architecture;
import org.patchgate.catalog.model.CatalogEntry;
import org.patchgate.catalog.model.Digest;
import org.patchgate.catalog.model.HashAlgorithm;
import org.patchgate.catalog.model.Installer;
import org.patchgate.catalog.model.InstallerType;

/** Every hash notation and URL layout that occurs in the real buckets, read from the real files. */
class ScoopHashFormatsTest {

    static CollectingSink main;
    static CollectingSink extras;

    @BeforeAll
    static void readBuckets() throws Exception {
        main = ScoopRealBucketsTest.read("main");
        extras = ScoopRealBucketsTest.read("extras");
    }

    @Test
    void read_jq_givesThreeArchitecturesWithPlainSha256AndRenameTarget() {
        CatalogEntry jq = main.byProductKey("jq");
        List<Installer> installers = jq.installers();

        assertEquals(List.of(Architecture.X64, Architecture.X86, Architecture.ARM64),
                installers.stream().map(Installer::architecture).toList());
        Installer x64 = installers.get(0);
        assertEquals(URI.create("https://github.com/jqlang/jq/releases/download/jq-1.8.2/jq-windows-amd64.exe"), x64.url());
        assertEquals("a6fc67fedaf9128a3309a1e2ebb8b986aeccf70122ee46d2cb4849e423f0c627", x64.sha256().hex());
        assertNull(x64.vendorDigest());
        assertEquals("scoop#/jq.exe", x64.vendorType());
        // jq.exe is the program itself; Scoop copies it, nothing runs it as an installer
        assertEquals(InstallerType.PORTABLE, x64.type());
        assertEquals("083b5377392bc57cf27052b6d20a2d927770683bca844632901ff38b4b7b0ac7", installers.get(2).sha256().hex());
        assertEquals("github.com/jqlang", jq.vendor());
        assertEquals("MIT", jq.license());
    }

    /** gawk: a url array with a parallel hash array whose first value is sha1:. */
    @Test
    void read_gawk_acceptsSha1AndHashArrayButReportsTheSecondFile() {
        String reason = main.problemsByPath().get("bucket/gawk.json");

        // the hashes were parsed (a bad one would be reported first); only the second file is the problem
        assertTrue(reason.startsWith("url: lists 2 downloads (gawk-5.4.1-w32-bin.zip and 1 more)"), reason);
        assertEquals(new Digest(HashAlgorithm.SHA1, "80f70ae3991a63dd84387cc53ea17ca01679b822"),
                sha1Of("sha1:80f70ae3991a63dd84387cc53ea17ca01679b822"));
    }

    @Test
    void read_realSha1Manifest_keepsSha1AsVendorDigest() {
        Installer crystal = extras.byProductKey("crystaldiskinfo").installers().get(0);

        assertNull(crystal.sha256());
        assertEquals(HashAlgorithm.SHA1, crystal.vendorDigest().algorithm());
        assertEquals(40, crystal.vendorDigest().hex().length());
    }

    @Test
    void read_ant_keepsSha512() {
        Installer ant = main.byProductKey("ant").installers().get(0);

        assertEquals(Architecture.NEUTRAL, ant.architecture());
        assertEquals(HashAlgorithm.SHA512, ant.vendorDigest().algorithm());
        assertEquals(128, ant.vendorDigest().hex().length());
        assertNull(ant.sha256());
        assertEquals(InstallerType.ZIP, ant.type());
    }

    /** anyburn: one top-level url + md5 hash, and architecture blocks that only differ in extract_dir. */
    @Test
    void read_anyburn_givesMd5ForEachArchitectureFromTopLevelDownload() {
        List<Installer> installers = extras.byProductKey("anyburn").installers();

        assertEquals(List.of(Architecture.X64, Architecture.X86), installers.stream().map(Installer::architecture).toList());
        for (Installer installer : installers) {
            assertEquals(new Digest(HashAlgorithm.MD5, "3e699d9752ae41de9b492c2426d8140a"), installer.vendorDigest());
            assertEquals(URI.create("https://www.anyburn.com/anyburn.zip"), installer.url());
        }
    }

    @Test
    void read_chroot_acceptsExplicitSha256Prefix() {
        Installer chroot = main.byProductKey("chroot").installers().get(0);

        assertEquals(64, chroot.sha256().hex().length());
        assertNull(chroot.vendorDigest());
    }

    @Test
    void read_renameToDl7z_isAnArchiveAndTheFragmentLeavesTheUrl() {
        Installer firefox = extras.byProductKey("firefox").installers().get(0);

        assertEquals("scoop#/dl.7z", firefox.vendorType());
        assertEquals(InstallerType.ZIP, firefox.type());
        assertNull(firefox.url().getFragment());
        assertTrue(!firefox.url().toString().contains("#"));
    }

    @Test
    void read_installerScriptManifest_isMarkedScript() {
        // gimp's setup.exe is unpacked by a PowerShell installer script Patchgate does not run
        assertEquals(InstallerType.SCRIPT, extras.byProductKey("gimp").installers().get(0).type());
    }

    @Test
    void read_innoSetupExe_isAnExeInstaller() {
        assertEquals(InstallerType.EXE, extras.byProductKey("keepass").installers().get(0).type());
    }

    private static Digest sha1Of(String value) {
        try {
            return ScoopHash.parse(value, "hash[0]");
        } catch (ScoopManifestException e) {
            throw new AssertionError(e);
        }
    }
}
