package org.patchgate.catalog.format.scoop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgate.catalog.format.DigestSink;

/** A Scoop manifest whose bytes are known to the sink is not parsed again (EntrySink.unchanged). */
class ScoopSkipTest {

    @TempDir
    Path temp;

    @Test
    void read_knownManifests_areSkipped_editedOneIsParsed() throws Exception {
        Path bucket = Files.createDirectories(temp.resolve("main/bucket"));
        try (var files = Files.list(ScoopRealBucketsTest.RESOURCES.resolve("main/bucket"))) {
            for (Path f : (Iterable<Path>) files.limit(5)::iterator) {
                Files.copy(f, bucket.resolve(f.getFileName().toString()));
            }
        }
        DigestSink first = new DigestSink(Map.of());
        new ScoopAdapter().read(temp.resolve("main"), first);
        assertFalse(first.delivered.isEmpty());
        String edited = first.delivered.keySet().iterator().next();
        Files.writeString(temp.resolve("main").resolve(edited), "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        DigestSink second = new DigestSink(first.delivered);
        new ScoopAdapter().read(temp.resolve("main"), second);

        assertEquals(List.of(edited), second.parsed);
        assertNotEquals(first.delivered.get(edited), second.delivered.get(edited));
    }
}
