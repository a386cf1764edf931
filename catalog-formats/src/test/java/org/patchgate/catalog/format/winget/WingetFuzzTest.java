package org.patchgate.catalog.format.winget;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the winget manifest path (YAML → fields → checked set → entry) with arbitrary bytes as a
 * singleton manifest: it must end in an entry or an {@link InvalidManifestException}, never in any
 * other exception or error.
 *
 * <p>In the normal suite this runs in regression mode (a few inputs, well under a second). To fuzz
 * for real: {@code JAZZER_FUZZ=1 mvn -pl catalog-formats test -Dtest=WingetFuzzTest}.
 */
class WingetFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void singletonManifest_endsInEntryOrProblem(byte[] bytes) {
        try {
            Manifest manifest = new Manifest("fuzz.yaml", ManifestYaml.parse("fuzz.yaml", bytes));
            manifest.type();
            EntryMapper.map(ManifestSet.singleton(manifest));
        } catch (InvalidManifestException expected) {
            // a problem report is a correct outcome for arbitrary input
        }
    }
}
