package org.patchgate.server;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once migrations are done and the database answers a query. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    private static final int QUERY_TIMEOUT_SECONDS = 2;

    @Resource(lookup = PatchgateDataSource.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private StartupState state;

    @Override
    public HealthCheckResponse call() {
        return evaluate(state, this::databaseAnswers);
    }

    /** The decision, apart from where its inputs come from, so that it can be tested on its own. */
    static HealthCheckResponse evaluate(StartupState state, DatabaseProbe probe) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("patchgate-database")
                .withData("phase", state.phase().name().toLowerCase());
        if (state.phase() == StartupState.Phase.FAILED) {
            return response.withData("error", state.failure()).down().build();
        }
        if (!state.ready()) {
            return response.down().build();
        }
        String problem = probe.problem();
        if (problem != null) {
            return response.withData("error", problem).down().build();
        }
        return response.withData("schemaVersion", state.schemaVersion()).up().build();
    }

    private String databaseAnswers() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            statement.execute("SELECT 1");
            return null;
        } catch (SQLException e) {
            return "database does not answer: " + e.getMessage();
        }
    }

    /** Asks the database for a sign of life; {@code null} when it answers, else why not. */
    @FunctionalInterface
    interface DatabaseProbe {
        String problem();
    }
}
