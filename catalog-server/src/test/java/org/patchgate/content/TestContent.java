package org.patchgate.content;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import org.patchgate.catalog.model.Digest;
import org.patchgate.catalog.model.HashAlgorithm;
import org.patchgate.catalog.model.Sha256;

/** Installer-like bytes for tests, with their digests computed independently of the code under test. */
public record TestContent(byte[] bytes) {

    /** Deterministic pseudo-random bytes: a test failure reproduces. */
    public static TestContent random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return new TestContent(bytes);
    }

    public int size() {
        return bytes.length;
    }

    public Sha256 sha256() {
        return new Sha256(hex("SHA-256"));
    }

    public Digest digest(HashAlgorithm algorithm) {
        return new Digest(algorithm, hex(algorithm.jcaName()));
    }

    /** The same bytes with one flipped, as a tampered mirror would serve them. */
    public TestContent tampered() {
        byte[] copy = bytes.clone();
        copy[copy.length / 2] ^= 0x5a;
        return new TestContent(copy);
    }

    private String hex(String jca) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(jca).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
