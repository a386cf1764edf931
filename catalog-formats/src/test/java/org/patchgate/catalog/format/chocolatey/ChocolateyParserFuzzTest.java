package org.patchgate.catalog.format.chocolatey;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the two Chocolatey parsers: the hardened nuspec reader and the regex scan of install
 * scripts (where catastrophic backtracking would show up as a timeout).
 *
 * <p>Regression mode (normal suite) replays the seeds in
 * {@code src/test/resources/org/patchgate/catalog/format/chocolatey/ChocolateyParserFuzzTestInputs/}. To fuzz
 * for real: {@code JAZZER_FUZZ=1 mvn -pl catalog-formats test -Dtest=ChocolateyParserFuzzTest -Djazzer.max_duration=10m}.
 */
class ChocolateyParserFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void readNuspec(byte[] data) {
        try {
            NuspecReader.read(new ByteArrayInputStream(data));
        } catch (NuspecReader.NuspecException expected) {
            // refused: fine
        }
    }

    @FuzzTest(maxDuration = "30s")
    void scanInstallScript(byte[] data) {
        try {
            InstallScriptScanner.scan(new String(data, StandardCharsets.UTF_8), false);
        } catch (ChocolateyEntryException expected) {
            // no verifiable installer: fine
        }
    }
}
