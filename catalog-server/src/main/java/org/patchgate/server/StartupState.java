package org.patchgate.server;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * Where the site server is in its start: migrating the database, ready, or failed (with the reason).
 * Readiness and the API gate read it; {@link SchemaMigration} moves it forward.
 */
@ApplicationScoped
public class StartupState {

    /** The phases a start goes through. */
    public enum Phase { WAITING_FOR_DATABASE, MIGRATING, READY, FAILED }

    private volatile Phase phase = Phase.WAITING_FOR_DATABASE;
    private volatile String failure;
    private volatile String schemaVersion;
    private final Instant startedAt;

    public StartupState() {
        this(Clock.systemUTC());
    }

    StartupState(Clock clock) {
        this.startedAt = clock.instant();
    }

    public Phase phase() {
        return phase;
    }

    public boolean ready() {
        return phase == Phase.READY;
    }

    /** Why the start failed, or {@code null}. */
    public String failure() {
        return failure;
    }

    /** The schema version Flyway reports after migrating, or {@code null} before. */
    public String schemaVersion() {
        return schemaVersion;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public void markMigrating() {
        this.phase = Phase.MIGRATING;
    }

    public void markReady(String schemaVersion) {
        this.schemaVersion = schemaVersion;
        this.phase = Phase.READY;
    }

    public void markFailed(String reason) {
        this.failure = reason;
        this.phase = Phase.FAILED;
    }
}
