package org.patchgate.catalog.format;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.patchgate.catalog.model.HashAlgorithm;

/**
 * SHA-256 over a sequence of parts, each prefixed with its length (4 bytes, big-endian), so that no
 * two different sequences hash the same input ("ab","c" ≠ "a","bc"). The one way Patchgate digests
 * what an entry is made of before parsing it ({@link EntrySink#unchanged}): the adapter's mapping
 * version first, then paths and file bytes in a fixed order. Not thread-safe; one per digest.
 */
public final class RawDigest {

    private final MessageDigest sha256 = HashAlgorithm.SHA256.newDigest();

    /**
     * @param mappingVersion the adapter's mapping version: bumped when the same files map to a
     *     different entry, so that stored digests stop matching
     */
    public RawDigest(String mappingVersion) {
        add(mappingVersion);
    }

    public RawDigest add(String text) {
        return add(text.getBytes(StandardCharsets.UTF_8));
    }

    public RawDigest add(byte[] bytes) {
        int n = bytes.length;
        sha256.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        sha256.update(bytes);
        return this;
    }

    /** 64 lower-case hex digits; ends this digest. */
    public String hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
