package org.patchgate.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Login settings from MicroProfile Config (documented in docs/configuration.md). */
@ApplicationScoped
public class AuthSettings {

    @Inject
    @ConfigProperty(name = "patchgate.auth.session-ttl-minutes", defaultValue = "480")
    int sessionTtlMinutes;

    @Inject
    @ConfigProperty(name = "patchgate.auth.lockout.threshold", defaultValue = "5")
    int lockoutThreshold;

    @Inject
    @ConfigProperty(name = "patchgate.auth.lockout.base-seconds", defaultValue = "60")
    long lockoutBaseSeconds;

    @Inject
    @ConfigProperty(name = "patchgate.auth.lockout.max-seconds", defaultValue = "3600")
    long lockoutMaxSeconds;

    public Duration sessionTtl() {
        return Duration.ofMinutes(sessionTtlMinutes);
    }

    public LockoutPolicy lockoutPolicy() {
        return new LockoutPolicy(lockoutThreshold, Duration.ofSeconds(lockoutBaseSeconds),
                Duration.ofSeconds(lockoutMaxSeconds));
    }
}
