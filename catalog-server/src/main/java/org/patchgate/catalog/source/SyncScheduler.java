package org.patchgate.catalog.source;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.patchgate.server.PatchgateDataSource;
import org.patchgate.server.StartupState;
import org.patchgate.server.problem.ProblemException;

/**
 * Starts scheduled syncs: every minute, the due sources this server wins ({@link DueSyncClaims})
 * are synced.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SyncScheduler {

    private static final Logger LOG = Logger.getLogger(SyncScheduler.class.getName());

    @Resource(lookup = PatchgateDataSource.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private StartupState state;

    @Inject
    private SyncCoordinator coordinator;

    @Inject
    private Clock clock;

    @Schedule(second = "7", minute = "*", hour = "*", persistent = false)
    void tick() {
        if (!state.ready()) {
            return;
        }
        try {
            for (long sourceId : new DueSyncClaims(dataSource).claim(clock.instant())) {
                try {
                    coordinator.start(sourceId, "schedule", false);
                } catch (ProblemException alreadyRunning) {
                    LOG.info(() -> "Scheduled sync of source " + sourceId + " skipped: " + alreadyRunning.getMessage());
                }
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not look for due syncs", e);
        }
    }
}
