package org.patchgate.content.download;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The end of a download's overall time budget, read from the injected clock. */
final class Deadline {

    private final Clock clock;
    private final Duration budget;
    private final Instant end;

    Deadline(Clock clock, Duration budget) {
        this.clock = clock;
        this.budget = budget;
        this.end = clock.instant().plus(budget);
    }

    Duration budget() {
        return budget;
    }

    Duration remaining() {
        Duration left = Duration.between(clock.instant(), end);
        return left.isNegative() ? Duration.ZERO : left;
    }

    boolean passed() {
        return remaining().isZero();
    }

    /** How long the next wait may last: the idle timeout, or less if the deadline is nearer. */
    Duration nextWait(Duration idle) {
        Duration left = remaining();
        return left.compareTo(idle) < 0 ? left : idle;
    }
}
