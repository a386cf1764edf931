package org.patchgate.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hash_isArgon2idPhcString_andVerifiesOnlyTheRightPassword() {
        String hash = hasher.hash("correct horse battery staple");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(hasher.verify("correct horse battery staple", hash));
        assertFalse(hasher.verify("correct horse battery stapl", hash));
    }

    @Test
    void samePassword_getsDifferentSalts() {
        assertNotEquals(hasher.hash("same password twice"), hasher.hash("same password twice"));
    }

    @Test
    void malformedOrForeignHashes_neverVerify() {
        assertFalse(hasher.verify("x", "plaintext"));
        assertFalse(hasher.verify("x", "$2a$10$abcdefghijklmnopqrstuv"));
        assertFalse(hasher.verify("x", "$argon2id$v=19$m=abc,t=2,p=1$c2FsdA$aGFzaA"));
        assertFalse(hasher.verify("x", "$argon2id$v=19$m=19456,t=2,p=1$!!!$aGFzaA"));
    }
}
