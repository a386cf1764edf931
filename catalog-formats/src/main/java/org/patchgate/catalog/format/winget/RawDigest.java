package org.patchgate.catalog.format.winget;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.patchgate.catalog.model.HashAlgorithm;

/**
 * SHA-256 over the raw files of one version directory, for {@link org.patchgate.catalog.format.EntrySink#unchanged}:
 * the adapter's mapping version, then each file's path relative to the source root and its bytes,
 * each length-prefixed so that no two different sets of files hash the same input.
 */
final class RawDigest {

    /**
     * Bump whenever what this adapter makes of the same files changes (a field mapped differently, a
     * new check): stored digests then stop matching and every entry is parsed again on the next sync.
     */
    static final String MAPPING_VERSION = "winget-mapping-1";

    private final MessageDigest sha256;

    RawDigest() {
        sha256 = HashAlgorithm.SHA256.newDigest();
        add(MAPPING_VERSION.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds one file; call in a fixed order (the adapter sorts by name). */
    void file(String relativePath, byte[] bytes) {
        add(relativePath.getBytes(StandardCharsets.UTF_8));
        add(bytes);
    }

    /** 64 lowercase hex digits. */
    String hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    private void add(byte[] bytes) {
        int n = bytes.length;
        sha256.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        sha256.update(bytes);
    }
}
