package org.patchgate.content.service;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.patchgate.catalog.model.Architecture;
import org.patchgate.catalog.model.Digest;
import org.patchgate.catalog.model.HashAlgorithm;
import org.patchgate.catalog.model.InstallScope;
import org.patchgate.catalog.model.Installer;
import org.patchgate.catalog.model.InstallerType;
import org.patchgate.catalog.model.Sha256;
import org.patchgate.content.ContentOutcome;
import org.patchgate.content.ContentState;
import org.patchgate.content.application.ContentFetcher;
import org.patchgate.content.download.DownloadPolicy;
import org.patchgate.content.local.LocalContentRepository;
import org.patchgate.content.store.FileContentStore;
import org.patchgate.server.DataDirectory;
import org.patchgate.server.PatchgateDataSource;
import org.patchgate.server.problem.ProblemException;

/**
 * Fetches the installers of selected updates into the content store, in the background, and records
 * each installer's state ({@code missing → downloading → verified | failed}) in the catalog.
 */
@ApplicationScoped
public class ContentService {

    private static final Logger LOG = Logger.getLogger(ContentService.class.getName());

    @Resource(lookup = PatchgateDataSource.JNDI_NAME)
    private DataSource dataSource;

    @Resource
    private ManagedExecutorService executor;

    @Inject
    private DataDirectory dataDirectory;

    @Inject
    private ContentSettings settings;

    @Inject
    private Clock clock;

    private volatile ContentFetcher fetcher;

    /**
     * Marks every installer of the update that is not yet verified as downloading and fetches them.
     *
     * @return how many installers were queued
     */
    public int select(long updateId) {
        List<InstallerRow> rows = claim(updateId);
        for (InstallerRow row : rows) {
            executor.submit(() -> fetchAndRecord(row));
        }
        return rows.size();
    }

    private List<InstallerRow> claim(long updateId) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM catalog_update WHERE id = ?")) {
                exists.setLong(1, updateId);
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next()) {
                        throw ProblemException.notFound("update " + updateId);
                    }
                }
            }
            List<InstallerRow> rows = new ArrayList<>();
            // Claiming by UPDATE ... RETURNING: two admins selecting the same update start one download.
            try (PreparedStatement claim = c.prepareStatement("UPDATE installer SET content_state = 'downloading',"
                    + " content_error = NULL, content_updated_at = ? WHERE update_id = ?"
                    + " AND content_state IN ('missing', 'failed')"
                    + " RETURNING id, url, sha256, vendor_digest, architecture, scope, installer_type")) {
                claim.setTimestamp(1, Timestamp.from(clock.instant()));
                claim.setLong(2, updateId);
                try (ResultSet rs = claim.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new InstallerRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7)));
                    }
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot queue the content of update " + updateId, e);
        }
    }

    private void fetchAndRecord(InstallerRow row) {
        ContentOutcome outcome;
        try {
            outcome = fetcher().fetch(row.toModel(), new LoggingListener(row.id()));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Fetching installer " + row.id() + " failed unexpectedly", e);
            record(row.id(), ContentState.FAILED, null, "internal error: " + e);
            return;
        }
        if (outcome.state() == ContentState.VERIFIED) {
            record(row.id(), ContentState.VERIFIED, outcome.sha256().hex(), null);
        } else {
            record(row.id(), ContentState.FAILED, null, outcome.failure().message());
        }
    }

    private void record(long installerId, ContentState state, String sha256, String error) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE installer SET content_state = ?, content_sha256 = ?,"
                     + " content_error = ?, content_updated_at = ? WHERE id = ?")) {
            update.setString(1, state.name().toLowerCase(Locale.ROOT));
            update.setString(2, sha256);
            update.setString(3, error == null ? null : error.substring(0, Math.min(error.length(), 2000)));
            update.setTimestamp(4, Timestamp.from(clock.instant()));
            update.setLong(5, installerId);
            update.executeUpdate();
        } catch (SQLException e) {
            LOG.log(Level.SEVERE, "Could not record the content state of installer " + installerId, e);
        }
    }

    private ContentFetcher fetcher() {
        ContentFetcher f = fetcher;
        if (f == null) {
            synchronized (this) {
                if (fetcher == null) {
                    fetcher = build();
                }
                f = fetcher;
            }
        }
        return f;
    }

    private ContentFetcher build() {
        try {
            Path root = dataDirectory.resolve("content");
            FileContentStore store = FileContentStore.builder(root).quotaBytes(settings.quotaBytes()).clock(clock).build();
            ContentFetcher.Builder builder = ContentFetcher.builder().store(store).clock(clock)
                    .policy(DownloadPolicy.defaults().withMaxBytes(settings.maxDownloadBytes()));
            settings.localRepository().ifPresent(dir -> builder.localRepository(new LocalContentRepository(Path.of(dir))));
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the content store under " + dataDirectory.resolve("content"), e);
        }
    }

    /** What the fetcher needs of a stored installer. */
    private record InstallerRow(long id, String url, String sha256, String vendorDigest, String architecture, String scope,
                                String type) {
        Installer toModel() {
            return new Installer(Architecture.valueOf(architecture), InstallScope.valueOf(scope), null,
                    InstallerType.valueOf(type), null, URI.create(url), sha256 == null ? null : new Sha256(sha256),
                    vendorDigest == null ? null : parseDigest(vendorDigest), null, null, null);
        }

        /** Stored as {@code sha1:<hex>}, as {@link Digest#toString()} writes it. */
        private static Digest parseDigest(String stored) {
            int colon = stored.indexOf(':');
            return new Digest(HashAlgorithm.valueOf(stored.substring(0, colon).toUpperCase(Locale.ROOT)), stored.substring(colon + 1));
        }
    }

    private record LoggingListener(long installerId) implements org.patchgate.content.ContentListener {
        @Override
        public void stateChanged(ContentState state) {
            LOG.fine(() -> "installer " + installerId + ": " + state);
        }
    }
}
