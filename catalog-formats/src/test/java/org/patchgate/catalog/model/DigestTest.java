package org.patchgate.catalog.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DigestTest {

    @Test
    void upperCaseHex_isNormalisedToLowerCase() {
        assertEquals("ab".repeat(32), new Sha256("AB".repeat(32)).hex());
    }

    @Test
    void wrongLength_namesAlgorithmAndLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Digest(HashAlgorithm.SHA1, "ab".repeat(32)));
        assertEquals("SHA1 hash must be 40 hex digits, got 64", e.getMessage());
    }

    @Test
    void nonAsciiDigits_areRejected() {
        // U+0663 ARABIC-INDIC DIGIT THREE is a digit to Character.digit, but not hex.
        assertThrows(IllegalArgumentException.class, () -> new Sha256("\u0663" + "a".repeat(63)));
    }

    @Test
    void base64Sha1_asScupWritesIt_becomesHex() {
        assertEquals("7722269a0641719df7bdd8ffee47a402aa3bb2ea",
                Digest.ofBase64(HashAlgorithm.SHA1, "dyImmgZBcZ33vdj/7kekAqo7suo=").hex());
    }
}
