package org.patchgate.server;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;
import org.patchgate.migrations.Migrations;

/**
 * Brings the database schema up to date when the site server starts, then checks that every entity
 * matches it. Runs in the background so that the server answers {@code /health/ready} with DOWN
 * while migrating instead of not answering at all; the API answers 503 until it is done.
 *
 * <p>Flyway's advisory lock makes concurrent starts of several site servers on one database safe:
 * one migrates, the others wait.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = PatchgateDataSource.JNDI_NAME)
    private DataSource dataSource;

    @PersistenceUnit(unitName = "patchgate")
    private EntityManagerFactory entityManagerFactory;

    @Resource
    private ManagedExecutorService executor;

    @Inject
    private StartupState state;

    @Inject
    private Event<DatabaseMigrated> migrated;

    @Inject
    @ConfigProperty(name = "patchgate.startup.database-wait-seconds", defaultValue = "120")
    private int databaseWaitSeconds;

    @PostConstruct
    void start() {
        executor.submit(this::migrateAndValidate);
    }

    private void migrateAndValidate() {
        try {
            awaitDatabase();
            state.markMigrating();
            Flyway flyway = Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations(Migrations.LOCATION)
                    .validateMigrationNaming(true)
                    .load();
            boolean fresh = flyway.info().applied().length == 0;
            MigrateResult result = flyway.migrate();
            LOG.info(() -> "Database schema migrated: " + result.migrationsExecuted + " migration(s) applied, now at version "
                    + result.targetSchemaVersion);
            // Hibernate's own validator: a mismatch between an entity and the schema stops the start.
            entityManagerFactory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
            MigrationInfo current = flyway.info().current();
            String version = current == null ? "none" : current.getVersion().getVersion();
            migrated.fire(new DatabaseMigrated(version, fresh));
            state.markReady(version);
            LOG.info("Patchgate site server is ready");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Patchgate cannot start: database migration or schema validation failed", e);
            state.markFailed(describe(e));
        }
    }

    /**
     * Waits until the database accepts a connection: the launcher starts the embedded PostgreSQL while
     * Payara boots, and an external database may come up after the server.
     */
    private void awaitDatabase() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(databaseWaitSeconds));
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                return;
            } catch (SQLException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the database did not accept a connection within "
                            + databaseWaitSeconds + " s: " + e.getMessage(), e);
                }
                if (attempt == 20) {
                    LOG.info(() -> "Waiting for the database: " + e.getMessage());
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the database", interrupted);
                }
            }
        }
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 1000; t = t.getCause()) {
            if (text.length() > 0) {
                text.append(": ");
            }
            text.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        }
        return text.toString();
    }
}
