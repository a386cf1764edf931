package org.patchgate.catalog.source;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.patchgate.server.DatabaseMigrated;
import org.patchgate.server.PatchgateDataSource;

/**
 * A sync left "running" by a server that stopped in the middle would block its source for ever (one
 * running sync per source). At start, such runs are closed as failed: every one with the embedded
 * database (no other server can be running them), and with a shared database those older than
 * {@value #STALE_HOURS} hours, which no real sync takes.
 */
@ApplicationScoped
public class InterruptedSyncs {

    static final int STALE_HOURS = 6;

    private static final Logger LOG = Logger.getLogger(InterruptedSyncs.class.getName());

    @Resource(lookup = PatchgateDataSource.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "patchgate.db.embedded", defaultValue = "false")
    private boolean embeddedDatabase;

    /** Before any other observer: the demo catalog starts syncs of its own, which are not interrupted ones. */
    void onMigrated(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) DatabaseMigrated migrated) throws SQLException {
        Instant now = clock.instant();
        Instant startedBefore = embeddedDatabase ? now : now.minus(Duration.ofHours(STALE_HOURS));
        try (Connection c = dataSource.getConnection();
             PreparedStatement close = c.prepareStatement("UPDATE sync_run SET state = 'failed', finished_at = ?,"
                     + " error = 'interrupted: the server stopped during this sync' WHERE state = 'running' AND started_at < ?")) {
            close.setTimestamp(1, Timestamp.from(now));
            close.setTimestamp(2, Timestamp.from(startedBefore));
            int closed = close.executeUpdate();
            if (closed > 0) {
                LOG.warning(() -> closed + " interrupted sync(s) closed as failed");
            }
        }
    }
}
