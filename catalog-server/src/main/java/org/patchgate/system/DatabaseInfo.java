package org.patchgate.system;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.patchgate.server.PatchgateDataSource;

/** Facts about the database server, read once and kept. */
@ApplicationScoped
public class DatabaseInfo {

    @Resource(lookup = PatchgateDataSource.JNDI_NAME)
    private DataSource dataSource;

    private volatile String productVersion;

    /** e.g. {@code PostgreSQL 16.4}; {@code unknown} while the database does not answer. */
    public String productVersion() {
        String version = productVersion;
        if (version == null) {
            try (Connection connection = dataSource.getConnection()) {
                version = connection.getMetaData().getDatabaseProductName() + " "
                        + connection.getMetaData().getDatabaseProductVersion();
                productVersion = version;
            } catch (SQLException e) {
                return "unknown";
            }
        }
        return version;
    }
}
