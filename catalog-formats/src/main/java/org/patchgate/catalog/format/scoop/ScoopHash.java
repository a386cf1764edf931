package org.patchgate.catalog.format.scoop;

import java.util.Locale;
import org.patchgate.catalog.model.Digest;
import org.patchgate.catalog.model.HashAlgorithm;

/**
 * Scoop's hash notation: a bare value is SHA-256, otherwise {@code sha1:}, {@code sha256:},
 * {@code sha512:} or {@code md5:} names the algorithm (Scoop's {@code hash.ps1} and manifest schema;
 * the prefix is matched case-insensitively there, as PowerShell's {@code -match} is).
 */
final class ScoopHash {

    private ScoopHash() {
    }

    /**
     * Parses one hash value.
     *
     * @param field JSON path of the value, for the problem report
     * @throws ScoopManifestException if the algorithm is unknown or the value has the wrong length
     *     for its algorithm or is not hex
     */
    static Digest parse(String value, String field) throws ScoopManifestException {
        String text = value.strip();
        HashAlgorithm algorithm = HashAlgorithm.SHA256;
        String hex = text;
        int colon = text.indexOf(':');
        if (colon >= 0) {
            String prefix = text.substring(0, colon).toLowerCase(Locale.ROOT);
            hex = text.substring(colon + 1);
            algorithm = switch (prefix) {
                case "md5" -> HashAlgorithm.MD5;
                case "sha1" -> HashAlgorithm.SHA1;
                case "sha256" -> HashAlgorithm.SHA256;
                case "sha512" -> HashAlgorithm.SHA512;
                default -> throw new ScoopManifestException(field, "unknown hash algorithm '"
                        + Texts.shorten(prefix) + "'; Scoop knows md5, sha1, sha256 and sha512");
            };
        }
        String name = algorithm.name().toLowerCase(Locale.ROOT);
        String form = colon >= 0 ? name + " (prefix '" + name + ":')" : "sha256 (no prefix)";
        if (hex.length() != algorithm.hexLength()) {
            throw new ScoopManifestException(field, "a " + form + " hash must be " + algorithm.hexLength()
                    + " hex digits, got " + hex.length());
        }
        for (int i = 0; i < hex.length(); i++) {
            if (!isAsciiHex(hex.charAt(i))) {
                throw new ScoopManifestException(field, "a " + form + " hash must be hex digits only, found '"
                        + printable(hex.charAt(i)) + "' at position " + (i + 1));
            }
        }
        return new Digest(algorithm, hex);
    }

    /** ASCII only: Character.digit would also take Arabic-Indic or full-width digits. */
    private static boolean isAsciiHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static String printable(char c) {
        return Character.isISOControl(c) || Character.isWhitespace(c)
                ? String.format("U+%04X", (int) c) : String.valueOf(c);
    }
}
