package org.patchgate.content;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.patchgate.catalog.model.Digest;
import org.patchgate.catalog.model.HashAlgorithm;
import org.patchgate.catalog.model.Sha256;

/**
 * Hashes bytes once for both SHA-256 (the store address) and the algorithm a catalog gives, so a
 * vendor's SHA-1 or MD5 can be checked in the same pass that computes the address.
 */
public final class ContentHasher {

    private static final int BUFFER = 64 * 1024;

    private final MessageDigest sha256;
    private final HashAlgorithm otherAlgorithm;
    private final MessageDigest other;
    private long length;

    /** @param also the catalog's algorithm; SHA-256 or {@code null} adds no second digest */
    public ContentHasher(HashAlgorithm also) {
        this.sha256 = HashAlgorithm.SHA256.newDigest();
        this.otherAlgorithm = also == HashAlgorithm.SHA256 ? null : also;
        this.other = otherAlgorithm == null ? null : otherAlgorithm.newDigest();
    }

    public static ContentHasher sha256Only() {
        return new ContentHasher(null);
    }

    public void update(byte[] bytes, int offset, int count) {
        sha256.update(bytes, offset, count);
        if (other != null) {
            other.update(bytes, offset, count);
        }
        length += count;
    }

    /** Reads {@code in} to its end, hashing everything. */
    public void updateAll(InputStream in) throws IOException {
        byte[] buffer = new byte[BUFFER];
        int n;
        while ((n = in.read(buffer)) != -1) {
            update(buffer, 0, n);
        }
    }

    public long length() {
        return length;
    }

    /** Ends hashing: the SHA-256 and, if asked for, the other digest. Call once. */
    public Result finish() {
        Sha256 address = new Sha256(HexFormat.of().formatHex(sha256.digest()));
        Digest second = other == null ? null : new Digest(otherAlgorithm, HexFormat.of().formatHex(other.digest()));
        return new Result(address, second, length);
    }

    /**
     * @param sha256 SHA-256 of the bytes
     * @param other the second digest, or {@code null}
     * @param length number of bytes hashed
     */
    public record Result(Sha256 sha256, Digest other, long length) {

        /** The digest in {@code algorithm}, which must be SHA-256 or the one this hasher was made for. */
        public Digest digest(HashAlgorithm algorithm) {
            if (algorithm == HashAlgorithm.SHA256) {
                return sha256.asDigest();
            }
            if (other == null || other.algorithm() != algorithm) {
                throw new IllegalArgumentException("no " + algorithm + " digest was computed");
            }
            return other;
        }

        /** Throws unless these bytes hash to {@code expected}. */
        public void verify(Digest expected) throws ContentVerificationException {
            Digest actual = digest(expected.algorithm());
            if (!actual.equals(expected)) {
                throw new ContentVerificationException(expected, actual);
            }
        }
    }
}
