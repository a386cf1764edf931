package org.patchgate.catalog.model;

/**
 * A SHA-256 value: the address of content in Patchgate's content store.
 *
 * @param hex lower-case, 64 hex digits
 */
public record Sha256(String hex) {

    public Sha256 {
        hex = new Digest(HashAlgorithm.SHA256, hex).hex();
    }

    public Digest asDigest() {
        return new Digest(HashAlgorithm.SHA256, hex);
    }

    @Override
    public String toString() {
        return hex;
    }
}
