package org.patchgate.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Readiness follows the start: down while migrating or failed, up only when migrated and the database answers. */
class ReadinessCheckTest {

    private final StartupState state = new StartupState(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    @Test
    void whileWaitingForTheDatabase_isDown() {
        ReadinessCheck.Verdict response = ReadinessCheck.evaluate(state, () -> null);
        assertFalse(response.up());
        assertEquals("waiting_for_database", response.data().get("phase"));
    }

    @Test
    void whileMigrating_isDown_evenIfTheDatabaseAnswers() {
        state.markMigrating();
        ReadinessCheck.Verdict response = ReadinessCheck.evaluate(state, () -> null);
        assertFalse(response.up());
        assertEquals("migrating", response.data().get("phase"));
    }

    @Test
    void migrated_andDatabaseAnswers_isUp() {
        state.markReady("1");
        assertTrue(ReadinessCheck.evaluate(state, () -> null).up());
    }

    @Test
    void migrated_butDatabaseGone_isDownWithTheReason() {
        state.markReady("1");
        ReadinessCheck.Verdict response = ReadinessCheck.evaluate(state, () -> "database does not answer: refused");
        assertFalse(response.up());
        assertEquals("database does not answer: refused", response.data().get("error"));
    }

    @Test
    void failedMigration_isDownWithTheFailure() {
        state.markFailed("Validate failed: Detected applied migration not resolved locally: 99");
        ReadinessCheck.Verdict response = ReadinessCheck.evaluate(state, () -> null);
        assertFalse(response.up());
        assertEquals("failed", response.data().get("phase"));
    }
}
