package org.patchgate.catalog.model;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A hash of an installer as a vendor publishes it: algorithm and lower-case hex value.
 *
 * @param algorithm the hash algorithm
 * @param hex the value, lower-case hex of exactly {@link HashAlgorithm#hexLength()} digits
 */
public record Digest(HashAlgorithm algorithm, String hex) {

    public Digest {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(hex, "hex");
        hex = hex.toLowerCase(Locale.ROOT);
        if (hex.length() != algorithm.hexLength()) {
            throw new IllegalArgumentException(algorithm + " hash must be " + algorithm.hexLength()
                    + " hex digits, got " + hex.length());
        }
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            // ASCII only: Character.digit would also accept other scripts' digits.
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                throw new IllegalArgumentException(algorithm + " hash contains a non-hex character '"
                        + hex.charAt(i) + "'");
            }
        }
    }

    /** A digest given in base64, as SCUP's {@code sdp:OriginFile/@Digest} gives SHA-1. */
    public static Digest ofBase64(HashAlgorithm algorithm, String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(algorithm + " hash is not valid base64");
        }
        return new Digest(algorithm, HexFormat.of().formatHex(raw));
    }

    @Override
    public String toString() {
        return algorithm.name().toLowerCase(Locale.ROOT) + ":" + hex;
    }
}
