package org.patchgate.catalog.source;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.patchgate.server.PatchgateDataSource;
import org.patchgate.server.StartupState;
import org.patchgate.server.problem.ProblemException;

/**
 * Starts scheduled syncs. Every minute it looks for enabled sources whose {@code next_sync_at} has
 * come, and claims each with a conditional UPDATE that moves {@code next_sync_at} one interval on:
 * when several site servers share the database, exactly one wins the claim, so each scheduled sync
 * fires once per cluster.
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
            for (long sourceId : claimDueSources(clock.instant())) {
                try {
                    coordinator.start(sourceId, "schedule");
                } catch (ProblemException alreadyRunning) {
                    LOG.info(() -> "Scheduled sync of source " + sourceId + " skipped: " + alreadyRunning.getMessage());
                }
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not look for due syncs", e);
        }
    }

    private List<Long> claimDueSources(Instant now) throws SQLException {
        List<Long> claimed = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<Due> due = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT id, schedule_minutes, next_sync_at FROM catalog_source"
                    + " WHERE enabled AND schedule_minutes IS NOT NULL AND next_sync_at <= ?")) {
                select.setTimestamp(1, Timestamp.from(now));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        due.add(new Due(rs.getLong(1), rs.getInt(2), rs.getTimestamp(3)));
                    }
                }
            }
            for (Due d : due) {
                try (PreparedStatement claim = c.prepareStatement("UPDATE catalog_source SET next_sync_at = ?"
                        + " WHERE id = ? AND next_sync_at = ?")) {
                    claim.setTimestamp(1, Timestamp.from(now.plusSeconds(60L * d.minutes())));
                    claim.setLong(2, d.sourceId());
                    // The value as read, to the microsecond: only the server that read it can win.
                    claim.setTimestamp(3, d.nextSyncAt());
                    if (claim.executeUpdate() == 1) {
                        claimed.add(d.sourceId());
                    }
                }
            }
        }
        return claimed;
    }

    private record Due(long sourceId, int minutes, Timestamp nextSyncAt) {
    }
}
