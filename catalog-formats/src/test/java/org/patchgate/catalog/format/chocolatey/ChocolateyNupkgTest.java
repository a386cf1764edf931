package org.patchgate.catalog.format.chocolatey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgate.catalog.format.CatalogReadException;
import org.patchgate.catalog.format.CollectingSink;
import org.patchgate.catalog.format.EntryProblem;
import org.patchgate.catalog.model.CatalogEntry;

/**
 * {@code .nupkg} archives, as an internal Chocolatey repository holds them: the real packages of
 * {@code chocolatey/repo/} packed the way {@code choco pack} does (the package folder's content at
 * the archive's root), and hostile archives.
 */
class ChocolateyNupkgTest {

    private static final List<String> PACKAGES = List.of("automatic/googlechrome", "automatic/calibre", "automatic/datagrip",
            "automatic/azcopy10");

    @TempDir
    Path repository;

    private static void pack(Path packageDir, Path nupkg) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(nupkg)); Stream<Path> files = Files.walk(packageDir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(packageDir.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }

    private static void zip(Path nupkg, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(nupkg))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }

    private CollectingSink read(Path location) throws CatalogReadException {
        CollectingSink sink = new CollectingSink();
        new ChocolateyAdapter().read(location, sink);
        return sink;
    }

    @Test
    void read_folderOfNupkgs_givesTheSameEntriesAsTheUnpackedPackages() throws Exception {
        for (String pkg : PACKAGES) {
            Path dir = ChocolateyAdapterTest.resource("repo/" + pkg);
            pack(dir, repository.resolve(dir.getFileName() + ".nupkg"));
        }

        CollectingSink packed = read(repository);

        assertEquals(List.of(), packed.problems);
        assertEquals(PACKAGES.size(), packed.entries.size());
        for (String pkg : PACKAGES) {
            CatalogEntry unpacked = read(ChocolateyAdapterTest.resource("repo/" + pkg)).entries.get(0);
            String name = pkg.substring(pkg.indexOf('/') + 1) + ".nupkg";
            CatalogEntry fromNupkg = packed.entries.stream().filter(e -> e.sourcePath().equals(name)).findFirst().orElseThrow();
            assertEquals(unpacked.sourceEntryId(), fromNupkg.sourceEntryId());
            assertEquals(unpacked.installers(), fromNupkg.installers(), pkg);
            assertEquals(unpacked.description(), fromNupkg.description());
        }
    }

    @Test
    void read_otherFilesBesideTheNupkgs_areNotPackages() throws Exception {
        Path dir = ChocolateyAdapterTest.resource("repo/automatic/googlechrome");
        pack(dir, repository.resolve("googlechrome.nupkg"));
        Files.writeString(repository.resolve("notes.txt"), "not a package");

        assertEquals(1, read(repository).entries.size());
    }

    @Test
    void read_notAZip_isAProblemNamingTheFile_andTheRestLands() throws Exception {
        pack(ChocolateyAdapterTest.resource("repo/automatic/calibre"), repository.resolve("calibre.nupkg"));
        Files.writeString(repository.resolve("broken.nupkg"), "this is no zip archive");

        CollectingSink sink = read(repository);

        assertEquals(1, sink.entries.size());
        assertEquals(1, sink.problems.size());
        assertEquals("broken.nupkg", sink.problems.get(0).sourcePath());
        assertTrue(sink.problems.get(0).reason().startsWith("not a valid .nupkg (zip) archive"), sink.problems.toString());
    }

    @Test
    void read_zipBombNuspec_stopsAtTheCap_withoutUnpackingIt() throws Exception {
        // 64 MiB of spaces compress to ~64 KB: reading stops after the 1 MiB cap.
        Path bomb = repository.resolve("bomb.nupkg");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("bomb.nuspec"));
            byte[] spaces = " ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 64; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        assertTrue(Files.size(bomb) < 1 << 20);

        CollectingSink sink = read(repository);

        assertEquals(List.of(new EntryProblem("bomb.nupkg", "nuspec is larger than " + ChocolateyAdapter.MAX_NUSPEC_BYTES
                + " bytes")), sink.problems);
    }

    @Test
    void read_nupkgWithoutOrWithTwoNuspecs_isAProblem() throws Exception {
        byte[] nuspec = Files.readAllBytes(ChocolateyAdapterTest.resource("repo/automatic/calibre/calibre.nuspec"));
        zip(repository.resolve("none.nupkg"), Map.of("tools/chocolateyInstall.ps1", new byte[0]));
        zip(repository.resolve("two.nupkg"), Map.of("a.nuspec", nuspec, "b.nuspec", nuspec));

        CollectingSink sink = read(repository);

        assertEquals(List.of(new EntryProblem("none.nupkg", "the .nupkg holds no .nuspec at its root"),
                new EntryProblem("two.nupkg", "the .nupkg holds 2 .nuspec files at its root, not one")), sink.problems);
    }

    @Test
    void read_nuspecWithExternalEntityInsideANupkg_isRefused() throws Exception {
        zip(repository.resolve("googlechrome.nupkg"), Map.of(
                "googlechrome.nuspec", Files.readAllBytes(ChocolateyAdapterTest.resource("anomalies/nuspec-xxe/googlechrome.nuspec")),
                "tools/chocolateyInstall.ps1", Files.readAllBytes(
                        ChocolateyAdapterTest.resource("repo/automatic/googlechrome/tools/chocolateyInstall.ps1"))));

        CollectingSink sink = read(repository);

        assertEquals(List.of(new EntryProblem("googlechrome.nupkg", "nuspec is not acceptable XML: "
                + org.patchgate.catalog.format.scup.SecureXml.DTD_REFUSED)), sink.problems);
    }

    @Test
    void read_entryNamesWithTraversal_areOnlyCompared_neverWritten() throws Exception {
        zip(repository.resolve("evil.nupkg"), Map.of("../../evil.nuspec", "<x/>".getBytes(StandardCharsets.UTF_8),
                "tools/../../chocolateyInstall.ps1", new byte[0]));

        CollectingSink sink = read(repository);

        assertEquals(List.of(new EntryProblem("evil.nupkg", "the .nupkg holds no .nuspec at its root")), sink.problems);
        try (Stream<Path> files = Files.list(repository)) {
            assertEquals(List.of(repository.resolve("evil.nupkg")), files.toList(), "nothing unpacked");
        }
        assertTrue(Files.notExists(repository.getParent().resolve("evil.nuspec")));
    }

    @Test
    void read_packagesUnderHiddenFolders_areNotRead() throws Exception {
        pack(ChocolateyAdapterTest.resource("repo/automatic/calibre"), repository.resolve("calibre.nupkg"));
        Files.createDirectories(repository.resolve(".git"));
        Files.writeString(repository.resolve(".git/stray.nuspec"), "<package/>");

        CollectingSink sink = read(repository);

        assertEquals(List.of(), sink.problems);
        assertEquals(1, sink.entries.size());
    }
}
