package org.patchgate.security;

import java.time.Duration;
import java.time.Instant;

/**
 * How long an account stays locked after repeated failed logins: nothing below {@code threshold}
 * failures, then {@code base}, doubling with every further failure up to {@code max}. Slows online
 * guessing to a crawl without locking an admin out for long by a typo or two.
 *
 * @param threshold failures in a row that start locking
 * @param base first lock duration
 * @param max longest lock duration
 */
public record LockoutPolicy(int threshold, Duration base, Duration max) {

    public LockoutPolicy {
        if (threshold < 1) {
            throw new IllegalArgumentException("lockout threshold must be at least 1");
        }
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("lockout durations must be positive with max >= base");
        }
    }

    /**
     * When an account that now has {@code failures} failed logins in a row is unlocked again,
     * or {@code null} if it is not locked.
     */
    public Instant lockedUntil(int failures, Instant now) {
        if (failures < threshold) {
            return null;
        }
        int doublings = Math.min(failures - threshold, 30);
        Duration lock = base.multipliedBy(1L << doublings);
        return now.plus(lock.compareTo(max) > 0 ? max : lock);
    }
}
