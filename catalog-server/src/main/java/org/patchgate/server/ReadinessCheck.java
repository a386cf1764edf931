package org.patchgate.server;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
        Verdict verdict = evaluate(state, this::databaseAnswers);
        HealthCheckResponseBuilder response = HealthCheckResponse.named("patchgate-database").status(verdict.up());
        verdict.data().forEach(response::withData);
        return response.build();
    }

    /** The decision, apart from where its inputs come from, so that it can be tested on its own. */
    static Verdict evaluate(StartupState state, DatabaseProbe probe) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("phase", state.phase().name().toLowerCase(Locale.ROOT));
        if (state.phase() == StartupState.Phase.FAILED) {
            data.put("error", state.failure());
            return new Verdict(false, data);
        }
        if (!state.ready()) {
            return new Verdict(false, data);
        }
        String problem = probe.problem();
        if (problem != null) {
            data.put("error", problem);
            return new Verdict(false, data);
        }
        data.put("schemaVersion", state.schemaVersion());
        return new Verdict(true, data);
    }

    /** Ready or not, with what the health endpoint shows about it. */
    record Verdict(boolean up, Map<String, String> data) {
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
