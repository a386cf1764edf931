package org.patchgate.catalog.format.scoop;

import org.patchgate.catalog.format.CollectingSink;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The four Scoop anomalies of the shared corpus (resources/scoop/anomalies, documented in the shared
 * anomalies/index.json), each read as a single-manifest location.
 */
class ScoopAnomaliesTest {

    private static String problemOf(String file) throws Exception {
        CollectingSink sink = Manifests.read(ScoopRealBucketsTest.RESOURCES.resolve("anomalies").resolve(file));
        assertEquals(1, sink.expected);
        return Manifests.onlyProblem(sink);
    }

    @Test
    void read_plainHashOf63HexDigits_isRejectedNamingArchitecture() throws Exception {
        assertEquals("architecture.64bit.hash: a sha256 (no prefix) hash must be 64 hex digits, got 63",
                problemOf("hash-wrong-length.json"));
    }

    @Test
    void read_sha1PrefixWith64HexDigits_isRejected() throws Exception {
        assertEquals("hash[0]: a sha1 (prefix 'sha1:') hash must be 40 hex digits, got 64",
                problemOf("hash-prefix-length-mismatch.json"));
    }

    @Test
    void read_twoUrlsOneHash_isRejected() throws Exception {
        assertEquals("hash: url lists 2 download(s) but hash lists 1; they must be parallel",
                problemOf("url-hash-count-mismatch.json"));
    }

    /** Jackson would otherwise keep the last "version" ("latest") while Scoop may read the first. */
    @Test
    void read_duplicateVersionKey_isRejected() throws Exception {
        assertEquals("not valid JSON at line 3, column 14: Duplicate field 'version'",
                problemOf("duplicate-json-key.json"));
    }
}
