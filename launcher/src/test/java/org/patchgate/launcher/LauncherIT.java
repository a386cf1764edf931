package org.patchgate.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built distribution ({@code java -jar patchgate.jar}) as a newcomer runs it: it starts with the
 * embedded database, serves, stops cleanly on SIGTERM, and a second start finds what the first stored
 * (the generated admin password still works, and no new one is printed).
 */
class LauncherIT {

    private static final Pattern PASSWORD = Pattern.compile("password: (\\S+)");
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path workDir;

    @Test
    void distribution_startsServesStopsCleanly_andKeepsDataAcrossRestart() throws Exception {
        int port = freePort();
        Path log1 = workDir.resolve("first.log");
        Process first = start(port, log1);
        try {
            awaitReady(port, first, log1);
            assertEquals(200, get(port, "/openapi").statusCode());
            assertTrue(get(port, "/openapi").body().contains("/api/v1/system"));
        } finally {
            stop(first);
        }
        assertFalse(Files.exists(workDir.resolve("patchgate-data/postgres/postmaster.pid")),
                "the embedded PostgreSQL was shut down cleanly");
        Matcher generated = PASSWORD.matcher(Files.readString(log1));
        assertTrue(generated.find(), "the first start prints the generated admin password");

        Path log2 = workDir.resolve("second.log");
        Process second = start(port, log2);
        try {
            awaitReady(port, second, log2);
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + generated.group(1) + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode(), login.body());
            assertFalse(PASSWORD.matcher(Files.readString(log2)).find(), "no second initial admin");
        } finally {
            stop(second);
        }
    }

    private Process start(int port, Path log) throws IOException {
        Path jar = Path.of(System.getProperty("patchgate.test.dist"), "patchgate.jar");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("PATCHGATE_"));
        builder.environment().put("PATCHGATE_HTTP_PORT", Integer.toString(port));
        return builder.start();
    }

    private void awaitReady(int port, Process process, Path log) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (!process.isAlive()) {
                throw new AssertionError("launcher exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                if (get(port, "/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not ready:\n" + Files.readString(log));
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy(); // SIGTERM: runs the shutdown hook, as Ctrl-C does
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not stop within 120 s of SIGTERM");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
