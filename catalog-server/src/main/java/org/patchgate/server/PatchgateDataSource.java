package org.patchgate.server;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The one JTA datasource of the site server. Its URL and credentials come from MicroProfile Config
 * ({@code patchgate.db.url} / {@code PATCHGATE_DB_URL} …); the launcher sets them to the embedded
 * database when no external one is configured.
 */
@Singleton
@DataSourceDefinition(
        name = PatchgateDataSource.JNDI_NAME,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=patchgate.db.url}",
        user = "${MPCONFIG=patchgate.db.user}",
        password = "${MPCONFIG=patchgate.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=auto-commit",
            "fish.payara.fail-all-connections=true",
            "ApplicationName=patchgate"
        })
public class PatchgateDataSource {

    /** Where the datasource is bound; persistence.xml names the same. */
    public static final String JNDI_NAME = "java:app/jdbc/patchgate";
}
