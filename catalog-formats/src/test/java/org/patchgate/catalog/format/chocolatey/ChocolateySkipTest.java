package org.patchgate.catalog.format.chocolatey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgate.catalog.format.DigestSink;
import org.patchgate.catalog.format.EntrySink;

/** Skipping unchanged packages before parsing (EntrySink.unchanged), for package folders and .nupkg files. */
class ChocolateySkipTest {

    @TempDir
    Path repository;

    private void copyPackage(String pkg, Path target) throws Exception {
        Path from = ChocolateyAdapterTest.resource("repo/" + pkg);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path to = target.resolve(from.relativize(file).toString());
                Files.createDirectories(to.getParent());
                Files.copy(file, to);
            }
        }
    }

    @Test
    void secondRead_unchangedPackagesAreNotParsed_aChangedScriptIs() throws Exception {
        copyPackage("automatic/calibre", repository.resolve("calibre"));
        copyPackage("automatic/googlechrome", repository.resolve("googlechrome"));
        DigestSink sink = new DigestSink();
        new ChocolateyAdapter().read(repository, sink);
        assertEquals(List.of("calibre/calibre.nuspec", "googlechrome/googlechrome.nuspec"), sink.parsed);
        String before = sink.delivered.get("calibre/calibre.nuspec");

        sink = sink.next();
        new ChocolateyAdapter().read(repository, sink);
        assertEquals(List.of(), sink.parsed);
        assertEquals(List.of("calibre/calibre.nuspec", "googlechrome/googlechrome.nuspec"), sink.skipped);

        Files.writeString(repository.resolve("calibre/tools/chocolateyInstall.ps1"), "\n# edited\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        sink = sink.next();
        new ChocolateyAdapter().read(repository, sink);
        assertEquals(List.of("calibre/calibre.nuspec"), sink.parsed);
        assertNotEquals(before, sink.delivered.get("calibre/calibre.nuspec"));
    }

    @Test
    void problemPackages_areNeverSkipped() throws Exception {
        copyPackage("manual/libreoffice-help", repository.resolve("libreoffice-help"));
        DigestSink sink = new DigestSink();
        new ChocolateyAdapter().read(repository, sink);
        assertEquals(1, sink.problems.size());

        sink = sink.next();
        new ChocolateyAdapter().read(repository, sink);

        assertEquals(1, sink.problems.size(), "a package that was a problem has no stored digest: reported again");
        assertEquals(List.of(), sink.skipped);
    }
}
