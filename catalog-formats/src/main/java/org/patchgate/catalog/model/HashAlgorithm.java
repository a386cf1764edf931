package org.patchgate.catalog.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Hash algorithms vendors publish for their installers, with the length of their hex form. */
public enum HashAlgorithm {
    MD5("MD5", 32),
    SHA1("SHA-1", 40),
    SHA256("SHA-256", 64),
    SHA512("SHA-512", 128);

    private final String jcaName;
    private final int hexLength;

    HashAlgorithm(String jcaName, int hexLength) {
        this.jcaName = jcaName;
        this.hexLength = hexLength;
    }

    /** The name {@link java.security.MessageDigest#getInstance(String)} knows it by. */
    public String jcaName() {
        return jcaName;
    }

    public int hexLength() {
        return hexLength;
    }

    /** A new digest of this algorithm; every JDK has all four (Java SE requires MD5, SHA-1 and SHA-256). */
    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK lacks " + jcaName, e);
        }
    }
}
