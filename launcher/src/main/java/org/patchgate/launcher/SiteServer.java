package org.patchgate.launcher;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Payara Micro running the site server's WAR, as a child process of the launcher: exactly the way
 * Payara Micro is meant to run ({@code java -jar payara-micro.jar --deploy ROOT.war}) and the way the
 * integration tests run it. (Booted inside the launcher's JVM instead, Payara's class loading misses
 * the Java 16+ parts of its multi-release jars, and JSON-B then cannot handle records.)
 *
 * <p>Settings reach the server as environment variables, which MicroProfile Config reads, so that no
 * password shows in the process list.
 */
final class SiteServer {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final int port;

    private SiteServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts Payara Micro with the WAR at the root context: no clustering (Hazelcast off; a data grid is
     * opt-in for scale-out) and no phone-home — Patchgate contacts no address the admin did not give.
     *
     * @param serverLibs the folder of the site server's libraries, which the thin WAR leaves out
     *     (Payara scans every class inside a WAR at deployment, about 3 s for these)
     */
    static SiteServer start(Path war, Path serverLibs, Path payaraJar, int port, Path rootDirectory,
                            Map<String, String> settings, List<String> jvmOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", payaraJar.toString(),
                "--deploy", war.toString(),
                "--addlibs", serverLibs.toString(),
                "--port", Integer.toString(port),
                // Not --nocluster: it starts a local Hazelcast (2-3 s) even with --nohazelcast.
                "--nohazelcast", "--disablephonehome",
                "--rootdir", rootDirectory.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        settings.forEach((key, value) -> builder.environment().put(ConfigSources.environmentName(key), value));
        return new SiteServer(builder.start(), port);
    }

    /** Payara Micro's jar among the launcher's libraries. */
    static Path payaraJar(Path libDirectory) throws IOException {
        try (Stream<Path> files = Files.list(libDirectory)) {
            return files.filter(f -> f.getFileName().toString().matches("payara-micro-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IOException("Payara Micro is missing from " + libDirectory));
        }
    }

    /**
     * Waits until {@code /health/ready} answers 200.
     *
     * @return {@code null} once ready, else the last readiness answer (or why there was none)
     */
    String awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                return "the server process ended with exit code " + process.exitValue();
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return null;
                }
                last = response.body();
                if (last.contains("\"phase\":\"failed\"")) {
                    return last; // a failed migration does not heal by waiting
                }
            } catch (ConnectException notListeningYet) {
                last = "not listening on port " + port;
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        return last;
    }

    /** Blocks until the server process ends; returns its exit code. */
    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** Asks Payara Micro to shut down (SIGTERM) and waits for it; kills it if it does not stop in time. */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                System.err.println("patchgate: the server did not stop within " + STOP_TIMEOUT.toSeconds() + " s; killing it");
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
