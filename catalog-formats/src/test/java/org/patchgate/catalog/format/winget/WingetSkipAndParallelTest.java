package org.patchgate.catalog.format.winget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgate.catalog.format.CatalogReadException;
import org.patchgate.catalog.format.CollectingSink;
import org.patchgate.catalog.format.DigestSink;
import org.patchgate.catalog.format.EntryProblem;

/** Parallel parsing gives what serial parsing gives; unchanged directories can be skipped before parsing. */
class WingetSkipAndParallelTest {

    @TempDir
    Path temp;

    @Test
    void read_parallel_deliversSameEntriesAndProblemsInSameOrderAsSerial() throws CatalogReadException {
        Path all = Fixtures.root(); // manifests/ and anomalies/: entries and problems
        CollectingSink serial = new CollectingSink();
        new WingetAdapter(1).read(all, serial);
        CollectingSink parallel = new CollectingSink();
        new WingetAdapter(4).read(all, parallel);

        assertTrue(serial.entries.size() > 40 && !serial.problems.isEmpty(), "fixtures hold entries and problems");
        assertEquals(serial.entries, parallel.entries);
        assertEquals(serial.problems, parallel.problems);
        assertEquals(serial.expected, parallel.expected);
        assertEquals(1, parallel.expectCalls);
    }

    @Test
    void read_parallel_callsEntryAndProblemOnTheCallingThreadOnly() throws CatalogReadException {
        DigestSink sink = new DigestSink();
        new WingetAdapter(4).read(Fixtures.root(), sink);

        assertEquals(Set.of(Thread.currentThread().getName()), sink.threads);
    }

    @Test
    void read_asksBeforeParsing_withTheEntrysSourcePath_andPassesTheSameDigestWithTheEntry() throws CatalogReadException {
        DigestSink sink = new DigestSink();
        new WingetAdapter(2).read(Fixtures.manifests(""), sink);

        assertEquals(42, sink.parsed.size());
        assertEquals(42, sink.delivered.size(), "every fixture directory holds one version: all get a digest");
        sink.delivered.forEach((path, digest) -> {
            assertEquals(digest, sink.asked.get(path), path);
            assertTrue(digest.matches("[0-9a-f]{64}"), digest);
        });
    }

    @Test
    void read_sinkSaysUnchanged_directoryIsNotParsed() throws Exception {
        Path tree = copy(Fixtures.manifests(""), temp.resolve("tree"));
        DigestSink first = new DigestSink();
        new WingetAdapter(2).read(tree, first);

        DigestSink second = new DigestSink(first.delivered);
        new WingetAdapter(2).read(tree, second);

        assertEquals(List.of(), second.parsed);
        assertEquals(List.of(), second.problems);
        assertEquals(first.delivered.keySet(), second.asked.keySet());
    }

    @Test
    void read_oneFileEdited_onlyThatDirectoryIsParsedAgain() throws Exception {
        Path tree = copy(Fixtures.manifests(""), temp.resolve("tree"));
        DigestSink first = new DigestSink();
        new WingetAdapter(2).read(tree, first);
        String edited = first.delivered.keySet().iterator().next();
        Files.writeString(tree.resolve(edited), "\n# edited\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        DigestSink second = new DigestSink(first.delivered);
        new WingetAdapter(2).read(tree, second);

        assertEquals(List.of(edited), second.parsed);
        assertNotEquals(first.delivered.get(edited), second.delivered.get(edited));
    }

    @Test
    void read_renamedFileWithSameBytes_changesTheDigest() throws Exception {
        Path dir = temp.resolve("one");
        Path ragel = Fixtures.manifests("a/AdrianThurston/Ragel/6.10/AdrianThurston.Ragel.yaml");
        Files.createDirectories(dir);
        Files.copy(ragel, dir.resolve("AdrianThurston.Ragel.yaml"));
        DigestSink first = new DigestSink();
        new WingetAdapter(1).read(temp, first);
        Files.move(dir, temp.resolve("two"));

        DigestSink second = new DigestSink();
        new WingetAdapter(1).read(temp, second);

        assertNotEquals(first.asked.values(), second.asked.values(), "names are part of the digest");
    }

    @Test
    void read_directoryWithAProblem_getsNoDigest_soItIsParsedEveryTime() throws CatalogReadException {
        DigestSink sink = new DigestSink();
        new WingetAdapter(2).read(Fixtures.root().resolve("anomalies"), sink);

        assertTrue(!sink.problems.isEmpty());
        for (EntryProblem problem : sink.problems) {
            assertNull(sink.delivered.get(problem.sourcePath()), problem.sourcePath());
        }
    }

    @Test
    void isPartFile_agreesWithTheWingetNamingPattern() {
        java.util.regex.Pattern naming = java.util.regex.Pattern.compile(".*\\.(installer|locale\\.[^.]+)\\.ya?ml");
        for (String name : List.of("Git.Git.installer.yaml", "Git.Git.locale.en-US.yaml", "Git.Git.yaml", "a.LOCALE.zh-CN.YML",
                ".installer.yaml", ".locale.en.yaml", "locale.en.yaml", "Git.Git.locale..yaml", "x.locale.en.txt",
                "x.installer.yml", "installer.yaml", "a/b.locale.en/c.yaml", "Git.Git.locale.yaml", "x.y.locale.a.b.yaml")) {
            String fileName = name.substring(name.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
            assertEquals(naming.matcher(fileName).matches(), ManifestDirectory.isPartFile(name), name);
        }
    }

    @Test
    void constructor_zeroThreads_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WingetAdapter(0));
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }
}
