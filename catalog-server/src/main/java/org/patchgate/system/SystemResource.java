package org.patchgate.system;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.patchgate.security.RequiresRole;
import org.patchgate.security.Role;
import org.patchgate.server.StartupState;

/** What the site server says about itself. */
@RequestScoped
@Path("system")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.VIEWER)
public class SystemResource {

    @Inject
    private StartupState state;

    @Inject
    private ServerVersion version;

    @Inject
    private DatabaseInfo database;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "patchgate.db.embedded", defaultValue = "false")
    private boolean embeddedDatabase;

    @GET
    @Operation(summary = "Version, schema version, database (embedded or external) and uptime")
    public SystemInfo get() {
        Instant now = clock.instant();
        return new SystemInfo(version.text(), state.schemaVersion(),
                new SystemInfo.Database(embeddedDatabase ? "embedded" : "external", database.productVersion()),
                state.startedAt(), Duration.between(state.startedAt(), now).toSeconds());
    }

    /**
     * The server's description.
     *
     * @param version Patchgate's version
     * @param schemaVersion the database schema version (Flyway)
     * @param database which database the server uses
     * @param startedAt when this server process started serving
     * @param uptimeSeconds seconds since then
     */
    public record SystemInfo(String version, String schemaVersion, Database database, Instant startedAt,
                             long uptimeSeconds) {
        /** The database: {@code embedded} (started by Patchgate) or {@code external}, and its server version. */
        public record Database(String mode, String serverVersion) {
        }
    }
}
