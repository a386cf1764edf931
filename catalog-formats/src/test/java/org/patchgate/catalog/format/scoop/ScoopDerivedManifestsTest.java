package org.patchgate.catalog.format.scoop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgate.catalog.model.CatalogEntry;
import org.patchgate.catalog.model.InstallerType;

/**
 * Real manifests that are rejected only for listing several files (lf, autossh) reduced to their
 * first file, to show that everything else in them, such as the odd versions {@code r42} and
 * {@code 1.4g}, is read.
 */
class ScoopDerivedManifestsTest {

    @TempDir
    Path bucket;

    /** Keeps the first element of every url and hash array, at top level and per architecture. */
    private static void firstFileOnly(ObjectNode manifest) {
        keepFirst(manifest);
        JsonNode architectures = manifest.path("architecture");
        architectures.forEach(block -> keepFirst((ObjectNode) block));
    }

    private static void keepFirst(ObjectNode node) {
        for (String field : new String[] {"url", "hash"}) {
            if (node.path(field).isArray()) {
                node.set(field, node.get(field).get(0));
            }
        }
    }

    @Test
    void read_lfReducedToItsArchive_keepsVersionR42() throws Exception {
        Manifests.derive(bucket, "main/bucket/lf.json", ScoopDerivedManifestsTest::firstFileOnly);

        CatalogEntry lf = Manifests.read(bucket).byProductKey("lf");

        assertEquals("lf/r42", lf.sourceEntryId());
        assertEquals(InstallerType.ZIP, lf.installers().get(0).type());
        // homepage is https://godoc.org/github.com/gokcehan/lf: the host is all the heuristic takes
        assertEquals("godoc.org", lf.vendor());
    }

    @Test
    void read_autosshReducedToItsExe_keepsVersion14g() throws Exception {
        Manifests.derive(bucket, "main/bucket/autossh.json", ScoopDerivedManifestsTest::firstFileOnly);

        CatalogEntry autossh = Manifests.read(bucket).byProductKey("autossh");

        assertEquals("1.4g", autossh.version().text());
        assertEquals(InstallerType.PORTABLE, autossh.installers().get(0).type());
    }

    @Test
    void read_gawkReducedToItsArchive_keepsSha1Digest() throws Exception {
        Manifests.derive(bucket, "main/bucket/gawk.json", ScoopDerivedManifestsTest::firstFileOnly);

        CatalogEntry gawk = Manifests.read(bucket).byProductKey("gawk");

        assertEquals("sha1:80f70ae3991a63dd84387cc53ea17ca01679b822", gawk.installers().get(0).vendorDigest().toString());
    }

    @Test
    void read_licenseObjectWithoutIdentifier_isRejected() throws Exception {
        Manifests.derive(bucket, "extras/bucket/anyburn.json", m -> ((ObjectNode) m.get("license")).remove("identifier"));

        assertEquals("license.identifier: missing or not a string", Manifests.onlyProblem(Manifests.read(bucket)));
    }
}
