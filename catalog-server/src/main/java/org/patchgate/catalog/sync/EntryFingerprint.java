package org.patchgate.catalog.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.patchgate.catalog.model.CatalogEntry;
import org.patchgate.catalog.model.HashAlgorithm;
import org.patchgate.catalog.model.Installer;

/**
 * The fingerprint a sync compares to decide whether an entry changed: SHA-256 (lower-case hex)
 * over one canonical serialisation of every field of the normalised {@link CatalogEntry},
 * installers (in order) and detection rules included.
 *
 * <p>Canonical form: the tag {@value #FORMAT}, then each field in the order of the record
 * components as a length-prefixed UTF-8 string (4-byte big-endian length, {@code -1} for
 * {@code null}); lists are prefixed with their size; enums by name, versions by their exact text,
 * URLs by {@link java.net.URI#toString()}, hashes as {@code algorithm:hex}, dates ISO-8601, sizes in
 * decimal; rules as {@link DetectionRuleJson}'s deterministic JSON. Length prefixes keep
 * {@code ("ab","c")} and {@code ("a","bc")} apart. Changing anything here changes every fingerprint
 * and so rewrites each source once on its next sync: bump {@link #FORMAT} when you do.
 */
public final class EntryFingerprint {

    /** Version tag of the canonical form. */
    static final String FORMAT = "patchgate-entry-v1";

    private final MessageDigest sha256;
    private final byte[] lengthBuffer = new byte[4];

    /** Not thread-safe: one instance per sync. */
    public EntryFingerprint() {
        sha256 = HashAlgorithm.SHA256.newDigest();
    }

    /** The fingerprint of {@code entry}: 64 lower-case hex digits. */
    public String of(CatalogEntry e) {
        sha256.reset();
        text(FORMAT);
        text(e.sourceEntryId());
        text(e.sourcePath());
        text(e.vendor());
        text(e.product());
        text(e.productKey());
        text(e.version().text());
        text(e.title());
        text(e.description());
        text(e.releaseDate() == null ? null : e.releaseDate().toString());
        text(e.classification().name());
        text(e.severity().name());
        text(e.homepage());
        text(e.license());
        List<String> supersedes = e.supersedes();
        count(supersedes.size());
        supersedes.forEach(this::text);
        count(e.installers().size());
        for (Installer i : e.installers()) {
            installer(i);
        }
        text(DetectionRuleJson.toJson(e.installedRule()));
        text(DetectionRuleJson.toJson(e.applicableRule()));
        return HexFormat.of().formatHex(sha256.digest());
    }

    private void installer(Installer i) {
        text(i.architecture().name());
        text(i.scope().name());
        text(i.locale());
        text(i.type().name());
        text(i.vendorType());
        text(i.url().toString());
        text(i.sha256() == null ? null : i.sha256().hex());
        text(i.vendorDigest() == null ? null : i.vendorDigest().algorithm().name() + ":" + i.vendorDigest().hex());
        text(i.silentInstall());
        text(i.silentUninstall());
        text(i.size() == null ? null : i.size().toString());
    }

    private void text(String value) {
        if (value == null) {
            count(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        count(bytes.length);
        sha256.update(bytes);
    }

    private void count(int n) {
        lengthBuffer[0] = (byte) (n >>> 24);
        lengthBuffer[1] = (byte) (n >>> 16);
        lengthBuffer[2] = (byte) (n >>> 8);
        lengthBuffer[3] = (byte) n;
        sha256.update(lengthBuffer);
    }
}
