package org.patchgate.security;

import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.patchgate.server.problem.ProblemException;

/** Too many failed logins in a row: the account refuses logins until {@code lockedUntil}. */
public class AccountLockedException extends ProblemException {

    private final long retryAfterSeconds;

    public AccountLockedException(Instant lockedUntil, Instant now) {
        super(Response.Status.TOO_MANY_REQUESTS, "account-locked",
                "too many failed logins: this account is locked until " + lockedUntil);
        this.retryAfterSeconds = Math.max(1, Duration.between(now, lockedUntil).toSeconds());
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(retryAfterSeconds));
    }
}
