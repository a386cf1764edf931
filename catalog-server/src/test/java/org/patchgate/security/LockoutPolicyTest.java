package org.patchgate.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LockoutPolicyTest {

    private final LockoutPolicy policy = new LockoutPolicy(3, Duration.ofMinutes(1), Duration.ofMinutes(10));
    private final Instant now = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void belowThreshold_notLocked() {
        assertNull(policy.lockedUntil(2, now));
    }

    @Test
    void atThreshold_lockedForBase_thenDoubling_cappedAtMax() {
        assertEquals(now.plus(Duration.ofMinutes(1)), policy.lockedUntil(3, now));
        assertEquals(now.plus(Duration.ofMinutes(2)), policy.lockedUntil(4, now));
        assertEquals(now.plus(Duration.ofMinutes(8)), policy.lockedUntil(6, now));
        assertEquals(now.plus(Duration.ofMinutes(10)), policy.lockedUntil(7, now));
        assertEquals(now.plus(Duration.ofMinutes(10)), policy.lockedUntil(10_000, now));
    }

    @Test
    void nonsenseSettings_areRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LockoutPolicy(0, Duration.ofMinutes(1), Duration.ofMinutes(2)));
        assertThrows(IllegalArgumentException.class, () -> new LockoutPolicy(3, Duration.ofMinutes(5), Duration.ofMinutes(2)));
    }
}
