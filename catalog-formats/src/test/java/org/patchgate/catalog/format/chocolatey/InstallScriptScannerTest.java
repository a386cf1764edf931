package org.patchgate.catalog.format.chocolatey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchgate.catalog.model.Architecture;
import org.patchgate.catalog.model.HashAlgorithm;
import org.patchgate.catalog.model.Installer;
import org.patchgate.catalog.model.InstallerType;

/** Script shapes the real set has only once or not at all. */
class InstallScriptScannerTest {

    private static final String SHA256 = "4861254f1ba99e333034705466cf3510c61093deb4d68de374a6fec95f71e27c";

    @Test
    void positionalCallWithNamedChecksum_isTaken() throws Exception {
        String script = "$url = 'https://example.org/a.msi'\r\n"
                + "Install-ChocolateyPackage 'a' 'msi' '/qn' $url -Checksum '" + SHA256 + "' -ChecksumType 'sha256'\r\n";

        List<Installer> installers = InstallScriptScanner.scan(script, false);

        assertEquals(1, installers.size());
        assertEquals(InstallerType.MSI, installers.get(0).type());
        assertEquals("/qn", installers.get(0).silentInstall());
        assertEquals(SHA256, installers.get(0).sha256().hex());
    }

    @Test
    void missingChecksumType_isInferredFromTheLength() throws Exception {
        String script = "$a = @{\n url = 'https://example.org/a.exe'\n checksum = '" + "ab".repeat(20) + "'\n}\n"
                + "Install-ChocolateyPackage @a\n";

        Installer i = InstallScriptScanner.scan(script, false).get(0);

        assertEquals(HashAlgorithm.SHA1, i.vendorDigest().algorithm());
        assertEquals(Architecture.X86, i.architecture());
    }

    @Test
    void checksumOfTheWrongLengthForItsType_isAProblem() {
        String script = "$a = @{\n url = 'https://example.org/a.exe'\n checksum = 'abc'\n checksumType = 'sha256'\n}\n"
                + "Install-ChocolateyPackage @a\n";

        ChocolateyEntryException e = assertThrows(ChocolateyEntryException.class, () -> InstallScriptScanner.scan(script, false));

        assertEquals("checksum: SHA256 hash must be 64 hex digits, got 3", e.getMessage());
    }

    @Test
    void urlAssignedTwoDifferentValues_isAProblem() {
        String script = "$a = @{\n url = 'https://example.org/a.exe'\n checksum = '" + SHA256 + "'\n}\n"
                + "$b = @{\n url = 'https://example.org/b.exe'\n}\nInstall-ChocolateyPackage @a\n";

        ChocolateyEntryException e = assertThrows(ChocolateyEntryException.class, () -> InstallScriptScanner.scan(script, false));

        assertEquals("no downloadable installer with a checksum: url is assigned 2 different values "
                + "[https://example.org/a.exe, https://example.org/b.exe]", e.getMessage());
    }

    @Test
    void interpolatedUrl_isAProblem() {
        String script = "$a = @{\n url = \"https://example.org/$version/a.exe\"\n checksum = '" + SHA256 + "'\n}\n"
                + "Install-ChocolateyPackage @a\n";

        ChocolateyEntryException e = assertThrows(ChocolateyEntryException.class, () -> InstallScriptScanner.scan(script, false));

        assertEquals("no downloadable installer with a checksum: url is computed when the script runs "
                + "(\"https://example.org/$version/a.exe\")", e.getMessage());
    }

    @Test
    void nonHttpUrl_isAProblem() {
        String script = "$a = @{\n url = 'file:///c:/a.exe'\n checksum = '" + SHA256 + "'\n}\nInstall-ChocolateyPackage @a\n";

        ChocolateyEntryException e = assertThrows(ChocolateyEntryException.class, () -> InstallScriptScanner.scan(script, false));

        assertEquals("url 'file:///c:/a.exe' is not an http(s) URL", e.getMessage());
    }
}
