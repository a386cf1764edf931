package org.patchgate.catalog.source;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Finds enabled sources whose scheduled sync is due and claims each with a conditional UPDATE that
 * moves {@code next_sync_at} one interval on. When several site servers share the database, exactly
 * one of them wins each claim, so a scheduled sync fires once per cluster.
 */
final class DueSyncClaims {

    private final DataSource dataSource;

    DueSyncClaims(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The sources this caller claimed at {@code now}. */
    List<Long> claim(Instant now) throws SQLException {
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
                    // The value as read, to the microsecond: only a caller that read it can win.
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
