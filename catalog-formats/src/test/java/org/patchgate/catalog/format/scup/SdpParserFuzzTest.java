package org.patchgate.catalog.format.scup;

import org.patchgate.catalog.format.CollectingSink;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;

/**
 * Feeds arbitrary bytes to the SCUP document reader (StAX, subtree limits, package and rule
 * mapping). The only acceptable outcomes are entries, problems, or a refused document; any other
 * exception, a hang or unbounded memory is a finding.
 *
 * <p>In the normal suite this runs in regression mode over the seeds in
 * {@code src/test/resources/org/patchgate/catalog/format/scup/SdpParserFuzzTestInputs/}. To fuzz for real:
 * {@code JAZZER_FUZZ=1 mvn -pl catalog-formats test -Dtest=SdpParserFuzzTest -Djazzer.max_duration=10m}.
 */
class SdpParserFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void readDocument(byte[] data) {
        CollectingSink sink = new CollectingSink();
        try {
            SdpDocumentReader.read(new ByteArrayInputStream(data), "fuzz.sdp", sink);
        } catch (SdpDocumentException expected) {
            // refused as a whole: fine
        }
    }
}
