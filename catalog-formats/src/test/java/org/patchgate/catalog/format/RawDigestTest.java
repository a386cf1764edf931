package org.patchgate.catalog.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RawDigestTest {

    @Test
    void hex_isSha256OverLengthPrefixedParts_soDigestsStoredBeforeStayValid() throws Exception {
        // The encoding the Scoop, Chocolatey and winget adapters each wrote out by hand before.
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (String part : new String[] {"scoop-mapping-1", "main", "bucket/jq.json", "{}"}) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha256.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
            sha256.update(bytes);
        }

        assertEquals(HexFormat.of().formatHex(sha256.digest()),
                new RawDigest("scoop-mapping-1").add("main").add("bucket/jq.json").add("{}".getBytes(StandardCharsets.UTF_8)).hex());
    }

    @Test
    void hex_partBoundariesCount() {
        assertNotEquals(new RawDigest("v").add("ab").add("c").hex(), new RawDigest("v").add("a").add("bc").hex());
        assertNotEquals(new RawDigest("v1").add("x").hex(), new RawDigest("v2").add("x").hex());
    }
}
