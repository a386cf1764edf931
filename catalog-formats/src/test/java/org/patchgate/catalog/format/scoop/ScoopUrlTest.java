package org.patchgate.catalog.format.scoop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.patchgate.catalog.model.InstallerType;

class ScoopUrlTest {

    @Test
    void parse_renameFragment_isStrippedAndKept() throws Exception {
        ScoopUrl url = ScoopUrl.parse("https://example.org/download?id=3#/dl.7z", "url");

        assertEquals(URI.create("https://example.org/download?id=3"), url.uri());
        assertEquals("dl.7z", url.rename());
        assertEquals("dl.7z", url.fileName());
    }

    @Test
    void parse_otherFragment_isStrippedAndNotARename() throws Exception {
        ScoopUrl url = ScoopUrl.parse("https://example.org/a.zip#top", "url");

        assertEquals(URI.create("https://example.org/a.zip"), url.uri());
        assertNull(url.rename());
    }

    @ParameterizedTest
    @ValueSource(strings = {"#/", "#/..", "#/a/b.exe", "#/C:evil.exe", "#/evil.exe.", "#/a\u0000.exe"})
    void parse_renameThatIsNotAPlainFileName_isRejected(String fragment) {
        assertThrows(ScoopManifestException.class, () -> ScoopUrl.parse("https://example.org/a.zip" + fragment, "url"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org/a.zip", "https:///a.zip", "a.zip", "https://exa mple.org/a.zip"})
    void parse_nonHttpOrMalformedUrl_isRejected(String url) {
        assertThrows(ScoopManifestException.class, () -> ScoopUrl.parse(url, "url"));
    }

    @ParameterizedTest
    @CsvSource({
            "https://e.org/a.msi, false, MSI",
            "https://e.org/setup.exe, true, EXE",
            "https://e.org/tool.exe, false, PORTABLE",
            "https://e.org/a.zip, false, ZIP",
            "https://e.org/a.tar.xz, false, ZIP",
            "https://e.org/a.TAR.GZ, false, ZIP",
            "https://e.org/download#/dl.7z, false, ZIP",
            "https://e.org/a.msi#/dl.msi_, false, PORTABLE",
            "https://e.org/cacert.pem, false, PORTABLE",
            "https://e.org/, false, PORTABLE"})
    void installerType_followsTheSavedFileName(String url, boolean innoSetup, InstallerType expected) throws Exception {
        assertEquals(expected, ScoopUrl.parse(url, "url").installerType(innoSetup));
    }
}
