package org.patchgate.launcher;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The launcher's settings, resolved and checked before anything starts. Every key is documented in
 * docs/configuration.md.
 *
 * @param httpPort port the site server listens on
 * @param dataDirectory where the embedded database and the server's files live
 * @param externalDatabase the external PostgreSQL, or empty for the embedded one
 * @param embeddedDatabasePort port of the embedded PostgreSQL on 127.0.0.1 (0: any free port)
 * @param startupTimeout how long to wait for the server to become ready before giving up
 * @param serverProperties settings handed to the site server (as environment variables MicroProfile Config reads)
 * @param serverJavaOptions JVM options of the site server process, e.g. {@code -Xmx2g}
 */
public record LauncherConfig(int httpPort, Path dataDirectory, Optional<ExternalDatabase> externalDatabase,
                             int embeddedDatabasePort, Duration startupTimeout, Map<String, String> serverProperties,
                             List<String> serverJavaOptions) {

    public static final String HTTP_PORT = "patchgate.http.port";
    public static final String DATA_DIR = "patchgate.data.dir";
    public static final String DB_URL = "patchgate.db.url";
    public static final String DB_USER = "patchgate.db.user";
    public static final String DB_PASSWORD = "patchgate.db.password";
    public static final String DB_EMBEDDED_PORT = "patchgate.db.embedded-port";
    public static final String STARTUP_TIMEOUT = "patchgate.startup.timeout-seconds";
    public static final String ADMIN_PASSWORD = "patchgate.admin.password";
    public static final String SERVER_JAVA_OPTIONS = "patchgate.server.java-options";

    /** Settings the site server reads that must be whole numbers in a range: checked here, named on error. */
    private static final Map<String, long[]> SERVER_NUMBERS = Map.of(
            "patchgate.auth.session-ttl-minutes", new long[] {1, 60L * 24 * 30},
            "patchgate.auth.lockout.threshold", new long[] {1, 1000},
            "patchgate.auth.lockout.base-seconds", new long[] {1, 86_400},
            "patchgate.auth.lockout.max-seconds", new long[] {1, 7 * 86_400},
            "patchgate.startup.database-wait-seconds", new long[] {1, 3600},
            "patchgate.content.quota-gib", new long[] {1, 1_000_000},
            "patchgate.content.max-download-mib", new long[] {1, 1_048_576},
            "patchgate.catalog.sync-history-runs", new long[] {1, 100_000});

    /** An external PostgreSQL. */
    public record ExternalDatabase(String url, String user, String password) {
    }

    public static LauncherConfig from(ConfigSources sources, Path workingDirectory) throws ConfigException {
        int port = (int) number(sources, HTTP_PORT, 8080, 1, 65_535);
        Path dataDir = path(sources, DATA_DIR, workingDirectory, "patchgate-data");
        int embeddedPort = (int) number(sources, DB_EMBEDDED_PORT, 0, 0, 65_535);
        Duration timeout = Duration.ofSeconds(number(sources, STARTUP_TIMEOUT, 300, 10, 3600));

        Map<String, String> server = new HashMap<>(sources.fileProperties());
        for (Map.Entry<String, long[]> n : SERVER_NUMBERS.entrySet()) {
            number(sources, n.getKey(), n.getValue()[0], n.getValue()[0], n.getValue()[1]);
        }
        Optional<String> adminPassword = sources.value(ADMIN_PASSWORD);
        if (adminPassword.isPresent() && adminPassword.get().codePointCount(0, adminPassword.get().length()) < 12) {
            throw new ConfigException(sources.nameOf(ADMIN_PASSWORD), "must be at least 12 characters long");
        }

        Optional<ExternalDatabase> external = Optional.empty();
        Optional<String> url = sources.value(DB_URL);
        if (url.isPresent()) {
            if (!url.get().startsWith("jdbc:postgresql://")) {
                throw new ConfigException(sources.nameOf(DB_URL),
                        "must be a PostgreSQL JDBC URL such as jdbc:postgresql://db.example.org:5432/patchgate, got '" + url.get() + "'");
            }
            external = Optional.of(new ExternalDatabase(url.get(), sources.value(DB_USER).orElse("patchgate"),
                    sources.value(DB_PASSWORD).orElse("")));
        }
        List<String> javaOptions = sources.value(SERVER_JAVA_OPTIONS).map(o -> List.of(o.split("\\s+"))).orElse(List.of());
        for (String option : javaOptions) {
            if (!option.startsWith("-")) {
                throw new ConfigException(sources.nameOf(SERVER_JAVA_OPTIONS), "'" + option + "' is not a JVM option (they start with '-')");
            }
        }
        return new LauncherConfig(port, dataDir, external, embeddedPort, timeout, server, javaOptions);
    }

    private static long number(ConfigSources sources, String key, long fallback, long min, long max) throws ConfigException {
        Optional<String> text = sources.value(key);
        if (text.isEmpty()) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text.get());
        } catch (NumberFormatException e) {
            throw new ConfigException(sources.nameOf(key), "'" + text.get() + "' is not a whole number");
        }
        if (value < min || value > max) {
            throw new ConfigException(sources.nameOf(key), value + " is out of range; use " + min + " to " + max);
        }
        return value;
    }

    private static Path path(ConfigSources sources, String key, Path workingDirectory, String fallback) throws ConfigException {
        String text = sources.value(key).orElse(fallback);
        try {
            return workingDirectory.resolve(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new ConfigException(sources.nameOf(key), "'" + text + "' is not a valid path: " + e.getReason());
        }
    }
}
