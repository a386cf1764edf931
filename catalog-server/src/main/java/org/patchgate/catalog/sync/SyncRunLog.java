package org.patchgate.catalog.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.patchgate.catalog.format.EntryProblem;

/**
 * The {@code sync_run} row of one sync and its {@code sync_problem} rows, written on a connection of
 * their own in auto-commit mode: other connections see the run and its progress while the catalog
 * transaction is still open, and the record of a failed sync survives that transaction's rollback.
 */
final class SyncRunLog implements AutoCloseable {

    /** SQLSTATE unique_violation (PostgreSQL appendix A). */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int MAX_ERROR = 4000;
    private static final int MAX_PATH = 1024;
    private static final int PROBLEM_BATCH = 500;

    private final Connection connection;
    private final long runId;
    private final PreparedStatement problems;
    private int pendingProblems;

    private SyncRunLog(Connection connection, long runId) throws SQLException {
        this.connection = connection;
        this.runId = runId;
        this.problems = connection.prepareStatement(
                "INSERT INTO sync_problem (sync_run_id, source_path, reason) VALUES (?, ?, ?)");
    }

    /**
     * Inserts the {@code running} row.
     *
     * @throws SyncAlreadyRunningException if another sync of the source is running
     */
    static SyncRunLog start(Connection connection, long sourceId, String trigger, Instant now) throws SQLException {
        connection.setAutoCommit(true);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO sync_run (source_id, trigger, state, started_at) VALUES (?, ?, 'running', ?) RETURNING id")) {
            insert.setLong(1, sourceId);
            insert.setString(2, trigger);
            insert.setTimestamp(3, Timestamp.from(now));
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return new SyncRunLog(connection, rs.getLong(1));
            }
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new SyncAlreadyRunningException(sourceId, e);
            }
            throw e;
        }
    }

    long runId() {
        return runId;
    }

    void progress(int total, int done) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE sync_run SET entries_total = ?, entries_done = ? WHERE id = ?")) {
            update.setInt(1, total);
            update.setInt(2, done);
            update.setLong(3, runId);
            update.executeUpdate();
        }
    }

    void problem(EntryProblem problem) throws SQLException {
        problems.setLong(1, runId);
        problems.setString(2, truncate(problem.sourcePath(), MAX_PATH));
        problems.setString(3, truncate(problem.reason(), MAX_ERROR));
        problems.addBatch();
        if (++pendingProblems >= PROBLEM_BATCH) {
            flushProblems();
        }
    }

    void flushProblems() throws SQLException {
        if (pendingProblems > 0) {
            problems.executeBatch();
            pendingProblems = 0;
        }
    }

    /** Ends the run: state, counts and (for a failure) the error. */
    void finish(SyncState state, SyncCounts counts, int total, String error, Instant now) throws SQLException {
        flushProblems();
        try (PreparedStatement update = connection.prepareStatement("UPDATE sync_run SET state = ?, finished_at = ?,"
                + " entries_total = ?, entries_done = ?, added = ?, changed = ?, removed = ?, unchanged = ?,"
                + " problems = ?, error = ? WHERE id = ?")) {
            update.setString(1, state.column());
            update.setTimestamp(2, Timestamp.from(now));
            update.setInt(3, Math.max(total, counts.done()));
            update.setInt(4, counts.done());
            update.setInt(5, counts.added);
            update.setInt(6, counts.changed);
            update.setInt(7, counts.removed);
            update.setInt(8, counts.unchanged);
            update.setInt(9, counts.problems);
            update.setString(10, error == null ? null : truncate(error, MAX_ERROR));
            update.setLong(11, runId);
            update.executeUpdate();
        }
    }

    /** The newest successful sync of the source before this one, if any. */
    Optional<PreviousRun> lastSucceeded(long sourceId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, read_key, unchanged_since_run, problems"
                + " FROM sync_run WHERE source_id = ? AND state = 'succeeded' AND id <> ?"
                + " ORDER BY finished_at DESC, id DESC LIMIT 1")) {
            select.setLong(1, sourceId);
            select.setLong(2, runId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long id = rs.getLong(1);
                long since = rs.getLong(3);
                boolean readItself = rs.wasNull();
                return Optional.of(new PreviousRun(id, rs.getString(2), readItself ? id : since, rs.getInt(4)));
            }
        }
    }

    /** Repeats the problems of {@code run} under this run: the entries are as bad as they were. */
    void copyProblemsFrom(long run) throws SQLException {
        try (PreparedStatement copy = connection.prepareStatement("INSERT INTO sync_problem (sync_run_id, source_path, reason)"
                + " SELECT ?, source_path, reason FROM sync_problem WHERE sync_run_id = ? ORDER BY id")) {
            copy.setLong(1, runId);
            copy.setLong(2, run);
            copy.executeUpdate();
        }
    }

    /** What this run read ({@code unchangedSince} null) or found unchanged since that run. */
    void revision(SourceRevision revision, Long unchangedSince) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE sync_run SET source_revision = ?, read_key = ?, unchanged_since_run = ? WHERE id = ?")) {
            update.setString(1, revision.description());
            update.setString(2, revision.key());
            update.setObject(3, unchangedSince, java.sql.Types.BIGINT);
            update.setLong(4, runId);
            update.executeUpdate();
        }
    }

    /**
     * A successful sync.
     *
     * @param readKey its {@link SourceRevision#key()}, or null if the source had none
     * @param resultOf the run that actually read what stands: itself, or the run it found unchanged
     */
    record PreviousRun(long id, String readKey, long resultOf, int problems) {
    }

    /**
     * Deletes the source's runs beyond the newest {@code keep} (their problems go with them), so a
     * source synced every few minutes does not grow the history without end. A running sync is kept,
     * and so is an older run whose result a kept run says still stands.
     *
     * @return how many runs were deleted
     */
    int pruneHistory(long sourceId, int keep) throws SQLException {
        // A run that kept runs point at (unchanged_since_run: "its result stands") is kept with them.
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sync_run WHERE source_id = ?"
                + " AND state <> 'running' AND id NOT IN (SELECT id FROM sync_run WHERE source_id = ?"
                + " ORDER BY started_at DESC, id DESC LIMIT ?) AND id NOT IN (SELECT unchanged_since_run FROM"
                + " (SELECT unchanged_since_run FROM sync_run WHERE source_id = ? ORDER BY started_at DESC, id DESC LIMIT ?) kept"
                + " WHERE unchanged_since_run IS NOT NULL)")) {
            delete.setLong(1, sourceId);
            delete.setLong(2, sourceId);
            delete.setInt(3, keep);
            delete.setLong(4, sourceId);
            delete.setInt(5, keep);
            return delete.executeUpdate();
        }
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    @Override
    public void close() throws SQLException {
        try {
            problems.close();
        } finally {
            connection.close();
        }
    }
}
