package org.patchgate.catalog.source;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.patchgate.catalog.format.SourceFormat;
import org.patchgate.catalog.sync.CatalogMaintenance;
import org.patchgate.catalog.sync.SourceRevision;
import org.patchgate.catalog.sync.SyncAlreadyRunningException;
import org.patchgate.catalog.sync.SyncEngine;
import org.patchgate.catalog.sync.SyncOptions;
import org.patchgate.catalog.sync.SyncProgress;
import org.patchgate.catalog.sync.SyncReport;
import org.patchgate.server.DataDirectory;
import org.patchgate.server.PatchgateDataSource;
import org.patchgate.server.problem.ProblemException;
import org.patchgate.system.ServerVersion;

/**
 * Runs syncs in the background for "sync now" and the scheduler: the {@link SyncEngine} records the
 * run, then has this class bring a URL source onto disk and work out the source's revision, then
 * reads it with the format's adapter. Syncs run
 * outside any container transaction: the engine commits the catalog changes in one transaction of its
 * own and the run's progress in another, so that progress is visible while it runs.
 */
@ApplicationScoped
public class SyncCoordinator {

    private static final Logger LOG = Logger.getLogger(SyncCoordinator.class.getName());

    @Resource(lookup = PatchgateDataSource.JNDI_NAME)
    private DataSource dataSource;

    @Resource
    private ManagedExecutorService executor;

    @Resource
    private ManagedThreadFactory threadFactory;

    @Inject
    private AdapterRegistry adapters;

    @Inject
    private DataDirectory dataDirectory;

    @Inject
    private Clock clock;

    @Inject
    private ServerVersion version;

    @Inject
    @ConfigProperty(name = "patchgate.catalog.git-command", defaultValue = "git")
    String gitCommand;

    @Inject
    @ConfigProperty(name = "patchgate.catalog.sync-history-runs", defaultValue = "100")
    int keepRuns;

    private final SourceFetcher fetcher = new SourceFetcher(Duration.ofSeconds(20), Duration.ofMinutes(30));

    private volatile SourceRevisions revisions;

    /**
     * Starts a sync of the source in the background.
     *
     * @param full read and parse every entry, even if the source or an entry looks unchanged
     * @throws ProblemException 404 for an unknown source, 409 when a sync of it is already running
     */
    public void start(long sourceId, String trigger, boolean full) {
        SourceSnapshot source = snapshot(sourceId);
        executor.submit(() -> run(source, trigger, full));
    }

    private void run(SourceSnapshot source, String trigger, boolean full) {
        try {
            // The adapter reads on a thread of its own (container-managed) while the engine writes on
            // this one. Not a task of the shared executor: this code itself may run on that pool, and a
            // saturated pool would leave the reader queued behind the writer waiting for it.
            SyncReport report = SyncEngine.builder().dataSource(dataSource).clock(clock).keepRuns(keepRuns)
                    .readExecutor(reader -> threadFactory.newThread(reader).start()).build()
                    .sync(source.id(), trigger, SyncProgress.NONE, () -> prepare(source, full));
            LOG.info(() -> "Sync of source " + source.id() + " (" + trigger + "): " + report);
            CatalogMaintenance.afterSync(dataSource, report);
        } catch (SyncAlreadyRunningException e) {
            LOG.info(() -> "Sync of source " + source.id() + " not started: " + e.getMessage());
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.SEVERE, "Sync of source " + source.id() + " could not run", e);
        }
    }

    /**
     * Runs once the sync is recorded as running (a second one is then refused): downloads a URL source
     * into {@code <data dir>/sources/<id>/}, and works out the source's revision.
     */
    private SyncEngine.PreparedSource prepare(SourceSnapshot source, boolean full) throws IOException {
        Path location;
        Optional<SourceRevision> revision;
        if (source.location().startsWith("http")) {
            SourceFetcher.Fetched fetched = fetcher.fetch(URI.create(source.location()), source.user(), source.secret(),
                    dataDirectory.resolve("sources/" + source.id()));
            location = fetched.location();
            revision = Optional.of(revisions().ofDownload(source.format(), source.location(), fetched.sha256()));
        } else {
            location = Path.of(source.location());
            revision = revisions().ofLocal(source.format(), source.location(), location);
        }
        return new SyncEngine.PreparedSource(adapters.forFormat(source.format()), location,
                new SyncOptions(revision.orElse(null), full));
    }

    private SourceRevisions revisions() throws IOException {
        SourceRevisions r = revisions;
        if (r == null) {
            // git is given this empty file as its excludes file (see GitCheckout).
            Path empty = dataDirectory.resolve("tmp/git-excludes-none");
            Files.createDirectories(empty.getParent());
            if (!Files.exists(empty)) {
                Files.createFile(empty);
            }
            r = new SourceRevisions(version.build(), new GitCheckout(gitCommand, Duration.ofMinutes(2), empty));
            revisions = r;
        }
        return r;
    }

    private SourceSnapshot snapshot(long sourceId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT s.format, s.location, s.credential_user, s.credential_secret,"
                     + " EXISTS (SELECT 1 FROM sync_run r WHERE r.source_id = s.id AND r.state = 'running')"
                     + " FROM catalog_source s WHERE s.id = ?")) {
            select.setLong(1, sourceId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("source " + sourceId);
                }
                if (rs.getBoolean(5)) {
                    throw ProblemException.conflict("a sync of source " + sourceId + " is already running");
                }
                return new SourceSnapshot(sourceId, SourceFormat.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read source " + sourceId, e);
        }
    }

    private record SourceSnapshot(long id, SourceFormat format, String location, String user, String secret) {
    }
}
