package org.patchgate.catalog.format.chocolatey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgate.catalog.format.EntryProblem;
import org.patchgate.catalog.format.EntrySink;
import org.patchgate.catalog.model.CatalogEntry;

/** Skipping unchanged packages before parsing (EntrySink.unchanged), for package folders and .nupkg files. */
class ChocolateySkipTest {

    @TempDir
    Path repository;

    /** Remembers each entry's digest, and on the next read answers "unchanged" for the same digest. */
    private static final class RememberingSink implements EntrySink {
        final Map<String, String> digests = new HashMap<>();
        final List<String> parsed = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();
        final List<EntryProblem> problems = new ArrayList<>();

        void reset() {
            parsed.clear();
            skipped.clear();
            problems.clear();
        }

        @Override
        public boolean unchanged(String sourcePath, String rawDigest) {
            boolean same = rawDigest.equals(digests.get(sourcePath));
            if (same) {
                skipped.add(sourcePath);
            }
            return same;
        }

        @Override
        public void entry(CatalogEntry entry) {
            entry(entry, null);
        }

        @Override
        public void entry(CatalogEntry entry, String rawDigest) {
            parsed.add(entry.sourcePath());
            digests.put(entry.sourcePath(), rawDigest);
        }

        @Override
        public void problem(EntryProblem problem) {
            problems.add(problem);
        }
    }

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
        RememberingSink sink = new RememberingSink();
        new ChocolateyAdapter().read(repository, sink);
        assertEquals(List.of("calibre/calibre.nuspec", "googlechrome/googlechrome.nuspec"), sink.parsed);
        String before = sink.digests.get("calibre/calibre.nuspec");

        sink.reset();
        new ChocolateyAdapter().read(repository, sink);
        assertEquals(List.of(), sink.parsed);
        assertEquals(List.of("calibre/calibre.nuspec", "googlechrome/googlechrome.nuspec"), sink.skipped);

        Files.writeString(repository.resolve("calibre/tools/chocolateyInstall.ps1"), "\n# edited\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        sink.reset();
        new ChocolateyAdapter().read(repository, sink);
        assertEquals(List.of("calibre/calibre.nuspec"), sink.parsed);
        assertNotEquals(before, sink.digests.get("calibre/calibre.nuspec"));
    }

    @Test
    void problemPackages_areNeverSkipped() throws Exception {
        copyPackage("manual/libreoffice-help", repository.resolve("libreoffice-help"));
        RememberingSink sink = new RememberingSink();
        new ChocolateyAdapter().read(repository, sink);
        assertEquals(1, sink.problems.size());

        sink.reset();
        new ChocolateyAdapter().read(repository, sink);

        assertEquals(1, sink.problems.size(), "a package that was a problem has no stored digest: reported again");
        assertEquals(List.of(), sink.skipped);
    }
}
