package org.patchgate.catalog.format.cab;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.InputStream;

/**
 * Feeds arbitrary bytes to the cabinet reader with small limits; a {@link CabinetFormatException}
 * is the only acceptable failure.
 *
 * <p>Regression mode (normal suite) replays the seeds in
 * {@code src/test/resources/org/patchgate/catalog/format/cab/CabinetReaderFuzzTestInputs/}. To fuzz for real:
 * {@code JAZZER_FUZZ=1 mvn -pl catalog-formats test -Dtest=CabinetReaderFuzzTest -Djazzer.max_duration=10m}.
 */
class CabinetReaderFuzzTest {

    private static final CabinetReader READER = new CabinetReader(new CabinetLimits(64, 4 * 1024 * 1024));

    @FuzzTest(maxDuration = "30s")
    void read(byte[] data) throws java.io.IOException {
        try {
            READER.read(data, (entry, content) -> drain(content));
        } catch (CabinetFormatException expected) {
            // malformed or over a limit: fine
        }
    }

    private static void drain(InputStream in) throws java.io.IOException {
        byte[] buffer = new byte[4096];
        while (in.read(buffer) >= 0) {
            // read everything so that every block is decoded
        }
    }
}
