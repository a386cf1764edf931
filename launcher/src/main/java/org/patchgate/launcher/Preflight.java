package org.patchgate.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Checks that a configuration can work before anything is started, so that a wrong value ends the
 * start at once with a message naming its key, instead of a stack trace from deep inside the server.
 */
final class Preflight {

    private static final int DB_CONNECT_TIMEOUT_SECONDS = 10;

    private Preflight() {
    }

    static void portIsFree(ConfigSources sources, int port) throws ConfigException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new ConfigException(sources.nameOf(LauncherConfig.HTTP_PORT),
                    "port " + port + " is already in use (" + e.getMessage() + "); stop what uses it or choose another port");
        }
    }

    static void dataDirectoryIsWritable(ConfigSources sources, Path dir) throws ConfigException {
        String key = sources.nameOf(LauncherConfig.DATA_DIR);
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new ConfigException(key, dir + " exists and is not a directory");
        } catch (IOException e) {
            throw new ConfigException(key, "cannot create " + dir + ": " + describe(e));
        }
        try {
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new ConfigException(key, dir + " is not writable: " + describe(e));
        }
    }

    static void externalDatabaseAnswers(ConfigSources sources, LauncherConfig.ExternalDatabase db) throws ConfigException {
        Properties props = new Properties();
        props.setProperty("user", db.user());
        props.setProperty("password", db.password());
        props.setProperty("connectTimeout", Integer.toString(DB_CONNECT_TIMEOUT_SECONDS));
        props.setProperty("loginTimeout", Integer.toString(DB_CONNECT_TIMEOUT_SECONDS));
        try (Connection connection = new org.postgresql.Driver().connect(db.url(), props)) {
            if (connection == null) {
                throw new ConfigException(sources.nameOf(LauncherConfig.DB_URL), "'" + db.url() + "' is not a PostgreSQL URL");
            }
        } catch (SQLException e) {
            throw new ConfigException(sources.nameOf(LauncherConfig.DB_URL),
                    "cannot connect to " + db.url() + " as '" + db.user() + "': " + e.getMessage());
        }
    }

    /** A port on 127.0.0.1 that is free now (for the embedded PostgreSQL). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String describe(IOException e) {
        String type = e.getClass().getSimpleName();
        return e.getMessage() == null ? type : type + " " + e.getMessage();
    }
}
