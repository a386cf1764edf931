package org.patchgate.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code java -jar patchgate.jar}: starts a complete Patchgate site and stops it cleanly on Ctrl-C.
 *
 * <p>Exit codes: 2 configuration error (the message names the key), 3 embedded database did not
 * start, 4 the server did not boot, 5 the server did not become ready.
 */
public final class Launcher {

    static final int CONFIG_ERROR = 2;
    static final int DATABASE_ERROR = 3;
    static final int BOOT_ERROR = 4;
    static final int NOT_READY = 5;

    /** System property naming the WAR to run (default: {@code ROOT.war} beside the launcher jar). */
    static final String WAR_PROPERTY = "patchgate.war";
    /** System property naming the distribution folder (default: the launcher jar's folder). */
    static final String HOME_PROPERTY = "patchgate.home";

    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(run(asMap(System.getProperties()), System.getenv(), Path.of("").toAbsolutePath()));
    }

    static int run(Map<String, String> systemProperties, Map<String, String> environment, Path workingDirectory) {
        ConfigSources sources;
        LauncherConfig config;
        try {
            sources = ConfigSources.load(systemProperties, environment, workingDirectory);
            config = LauncherConfig.from(sources, workingDirectory);
            Preflight.portIsFree(sources, config.httpPort());
            Preflight.dataDirectoryIsWritable(sources, config.dataDirectory());
            if (config.externalDatabase().isPresent()) {
                Preflight.externalDatabaseAnswers(sources, config.externalDatabase().get());
            }
        } catch (ConfigException e) {
            System.err.println("patchgate: configuration error: " + e.getMessage());
            return CONFIG_ERROR;
        }

        // The distribution's parts, checked before anything is started: a missing one is a message, not
        // an embedded PostgreSQL started for nothing.
        Path war;
        Path serverLibs;
        Path payaraJar;
        try {
            Path home = home(systemProperties);
            war = war(home, systemProperties);
            serverLibs = serverLibs(home);
            payaraJar = SiteServer.payaraJar(home.resolve("lib"));
        } catch (IOException e) {
            System.err.println("patchgate: the distribution is incomplete: " + e.getMessage());
            return BOOT_ERROR;
        }

        CompletableFuture<EmbeddedDatabase> embeddedStart = null;
        Map<String, String> server = new HashMap<>(config.serverProperties());
        // The server keeps its files (content store, downloaded catalogs) under the same data directory.
        server.put(LauncherConfig.DATA_DIR, config.dataDirectory().toString());
        if (config.externalDatabase().isPresent()) {
            LauncherConfig.ExternalDatabase db = config.externalDatabase().get();
            server.put(LauncherConfig.DB_URL, withBatchedInserts(db.url()));
            server.put(LauncherConfig.DB_USER, db.user());
            server.put(LauncherConfig.DB_PASSWORD, db.password());
            server.put("patchgate.db.embedded", "false");
        } else {
            // PostgreSQL starts (on a first start: initdb) while Payara boots; the server waits for it
            // before migrating, so the two take the time of the longer, not of both.
            int port;
            try {
                port = config.embeddedDatabasePort() > 0 ? config.embeddedDatabasePort() : Preflight.freePort();
            } catch (IOException e) {
                System.err.println("patchgate: no free port for the embedded PostgreSQL: " + e.getMessage());
                return DATABASE_ERROR;
            }
            embeddedStart = CompletableFuture.supplyAsync(() -> {
                try {
                    return EmbeddedDatabase.start(config.dataDirectory(), port);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            server.put(LauncherConfig.DB_URL, withBatchedInserts(EmbeddedDatabase.jdbcUrl(port)));
            server.put(LauncherConfig.DB_USER, EmbeddedDatabase.USER);
            // The embedded server trusts connections from 127.0.0.1 only; MicroProfile Config treats an
            // empty value as missing, so the datasource gets a placeholder it never checks.
            server.put(LauncherConfig.DB_PASSWORD, "embedded");
            server.put("patchgate.db.embedded", "true");
        }
        // Settings the operator gave as system properties reach the server too (as environment variables).
        systemProperties.forEach((key, value) -> {
            if (key.startsWith("patchgate.") && !server.containsKey(key)) {
                server.put(key, value);
            }
        });
        server.put(LauncherConfig.HTTP_PORT, Integer.toString(config.httpPort()));

        SiteServer site;
        try {
            // Payara's runtime folder holds nothing worth keeping; a fresh one starts faster than a reused one.
            deleteTree(config.dataDirectory().resolve("payara"));
            site = SiteServer.start(war, serverLibs, payaraJar, config.httpPort(), config.dataDirectory().resolve("payara"),
                    server, config.serverJavaOptions());
        } catch (IOException | RuntimeException e) {
            System.err.println("patchgate: the site server did not start: " + e.getMessage());
            closeQuietly(embeddedStart == null ? null : embeddedStart.exceptionally(t -> null).join());
            return BOOT_ERROR;
        }
        EmbeddedDatabase embedded = null;
        if (embeddedStart != null) {
            try {
                embedded = embeddedStart.join();
            } catch (CompletionException e) {
                System.err.println("patchgate: the embedded PostgreSQL did not start in "
                        + config.dataDirectory().resolve("postgres") + ": " + e.getCause().getMessage());
                site.stop();
                return DATABASE_ERROR;
            }
        }
        EmbeddedDatabase database = embedded;
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            site.stop();
            closeQuietly(database);
        }, "patchgate-shutdown"));

        try {
            String notReady = site.awaitReady(config.startupTimeout());
            if (notReady != null) {
                System.err.println("patchgate: the site server did not become ready within "
                        + config.startupTimeout().toSeconds() + " s: " + notReady);
                return NOT_READY; // System.exit runs the shutdown hook, which stops server and database
            }
            System.out.println("patchgate: ready on http://localhost:" + config.httpPort() + "/  ("
                    + (embedded == null ? "external database" : "embedded database in " + config.dataDirectory()) + ")");
            int code = site.waitFor();
            if (stopping.get()) {
                return 0; // Ctrl-C or SIGTERM: the shutdown hook stops everything
            }
            System.err.println("patchgate: the site server ended by itself (exit code " + code + ")");
            return code == 0 ? 0 : BOOT_ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NOT_READY;
        }
    }

    /**
     * pgjdbc sends a JDBC batch of INSERTs as multi-row statements only with this option; catalog syncs
     * write tens of thousands of rows in batches. An explicit setting in the admin's URL wins.
     */
    static String withBatchedInserts(String url) {
        if (url.contains("reWriteBatchedInserts=")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }

    /** The distribution folder: where the launcher jar lies, beside {@code ROOT.war} and {@code lib/}. */
    private static Path home(Map<String, String> systemProperties) throws IOException {
        String named = systemProperties.get(HOME_PROPERTY);
        if (named != null) {
            return Path.of(named);
        }
        try {
            return Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the launcher jar", e);
        }
    }

    private static Path war(Path home, Map<String, String> systemProperties) throws IOException {
        String named = systemProperties.get(WAR_PROPERTY);
        Path war = named != null ? Path.of(named) : home.resolve("ROOT.war");
        if (!Files.isRegularFile(war)) {
            throw new IOException("the site server's WAR is missing: " + war);
        }
        return war;
    }

    /** {@code lib/server/}: the site server's libraries, given to Payara Micro beside the thin WAR. */
    private static Path serverLibs(Path home) throws IOException {
        Path libs = home.resolve("lib").resolve("server");
        try (var jars = Files.list(libs)) {
            if (jars.noneMatch(p -> p.getFileName().toString().endsWith(".jar"))) {
                throw new IOException("the site server's libraries are missing: no jar in " + libs);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("the site server's libraries are missing: " + libs + " does not exist", e);
        }
        return libs;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void closeQuietly(EmbeddedDatabase database) {
        if (database == null) {
            return;
        }
        try {
            database.close();
        } catch (IOException e) {
            System.err.println("patchgate: the embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    private static Map<String, String> asMap(Properties properties) {
        Map<String, String> map = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }
}
