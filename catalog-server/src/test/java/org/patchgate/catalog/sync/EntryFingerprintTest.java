package org.patchgate.catalog.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchgate.catalog.model.CatalogEntry;
import org.patchgate.catalog.model.DetectionRule;
import org.patchgate.catalog.model.Installer;
import org.patchgate.catalog.model.Sha256;

class EntryFingerprintTest {

    private final EntryFingerprint fingerprint = new EntryFingerprint();

    @Test
    void sameEntry_sameFingerprint_acrossInstances() {
        CatalogEntry e = StubAdapter.entry("1.0");
        String print = fingerprint.of(e);
        assertEquals(print, new EntryFingerprint().of(StubAdapter.entry("1.0")));
        assertTrue(print.matches("[0-9a-f]{64}"), print);
    }

    @Test
    void anyFieldChange_changesTheFingerprint() {
        CatalogEntry e = StubAdapter.entry("1.0");
        String base = fingerprint.of(e);
        Installer i = e.installers().get(0);
        Installer hashed = new Installer(i.architecture(), i.scope(), i.locale(), i.type(), i.vendorType(), i.url(),
                new Sha256("a".repeat(64)), null, null, null, null);
        Installer moved = new Installer(i.architecture(), i.scope(), i.locale(), i.type(), i.vendorType(),
                URI.create("https://stub.invalid/other.msi"), null, null, null, null, null);
        List<CatalogEntry> variants = List.of(
                with(e, "title", e.title() + "!"),
                with(e, "description", "now described"),
                with(e, "supersedes", List.of("Stub.Product/0.9")),
                withInstallers(e, List.of(hashed)),
                withInstallers(e, List.of(moved)),
                withInstallers(e, List.of(i, i)),
                withRule(e, new DetectionRule.FileExists(null, "x.exe")));
        for (CatalogEntry v : variants) {
            assertNotEquals(base, fingerprint.of(v), v.toString());
        }
    }

    @Test
    void fieldBoundaries_areNotAmbiguous() {
        CatalogEntry e = StubAdapter.entry("1.0");
        // "ab" + "c" and "a" + "bc" in adjacent fields must differ: lengths are part of the canonical form.
        CatalogEntry left = with(with(e, "title", "ab"), "description", "c");
        CatalogEntry right = with(with(e, "title", "a"), "description", "bc");
        assertNotEquals(fingerprint.of(left), fingerprint.of(right));
    }

    private static CatalogEntry with(CatalogEntry e, String field, Object value) {
        return new CatalogEntry(e.sourceEntryId(), e.sourcePath(), e.vendor(), e.product(), e.productKey(), e.version(),
                field.equals("title") ? (String) value : e.title(),
                field.equals("description") ? (String) value : e.description(),
                e.releaseDate(), e.classification(), e.severity(), e.homepage(), e.license(),
                field.equals("supersedes") ? castList(value) : e.supersedes(),
                e.installers(), e.installedRule(), e.applicableRule());
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }

    private static CatalogEntry withInstallers(CatalogEntry e, List<Installer> installers) {
        return new CatalogEntry(e.sourceEntryId(), e.sourcePath(), e.vendor(), e.product(), e.productKey(), e.version(),
                e.title(), e.description(), e.releaseDate(), e.classification(), e.severity(), e.homepage(), e.license(),
                e.supersedes(), installers, e.installedRule(), e.applicableRule());
    }

    private static CatalogEntry withRule(CatalogEntry e, DetectionRule rule) {
        return new CatalogEntry(e.sourceEntryId(), e.sourcePath(), e.vendor(), e.product(), e.productKey(), e.version(),
                e.title(), e.description(), e.releaseDate(), e.classification(), e.severity(), e.homepage(), e.license(),
                e.supersedes(), e.installers(), rule, e.applicableRule());
    }
}
