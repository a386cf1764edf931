package org.patchgate.catalog.format.chocolatey;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.patchgate.catalog.format.CollectingSink;

/**
 * Fuzzes the Chocolatey parsers: the hardened nuspec reader, the regex scan of install scripts
 * (where catastrophic backtracking would show up as a timeout), and {@code .nupkg} archives.
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

    /** Arbitrary bytes as a {@code .nupkg}: an entry or a problem, never an exception out of the adapter. */
    @FuzzTest(maxDuration = "30s")
    void readNupkg(byte[] data) throws Exception {
        Path dir = Files.createTempDirectory("nupkg-fuzz");
        try {
            Files.write(dir.resolve("fuzz.nupkg"), data);
            new ChocolateyAdapter().read(dir, new CollectingSink());
        } finally {
            Files.deleteIfExists(dir.resolve("fuzz.nupkg"));
            Files.deleteIfExists(dir);
        }
    }
}
