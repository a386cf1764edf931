package org.patchgate.catalog.format.json;

import org.patchgate.catalog.format.CollectingSink;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.HashSet;

/**
 * Fuzzes a Patchgate JSON document in memory: whatever the bytes, reading ends in entries and
 * problems, never in an exception, and every problem names the file and says what is wrong.
 *
 * <p>In the normal suite this runs in regression mode (a few inputs, well under a second). To fuzz
 * for real: {@code JAZZER_FUZZ=1 mvn -pl catalog-formats test -Dtest=PatchgateJsonFuzzTest}.
 */
class PatchgateJsonFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void document_endsInEntriesOrProblems(byte[] bytes) {
        CollectingSink sink = new CollectingSink();
        PatchgateJsonAdapter.readDocument(bytes, "fuzz.json", new HashSet<>(), sink);
        sink.problems.forEach(p -> assertTrue(p.sourcePath().equals("fuzz.json") && !p.reason().isBlank(), p::toString));
        sink.entries.forEach(e -> assertTrue(e.sourcePath().equals("fuzz.json")));
    }
}
