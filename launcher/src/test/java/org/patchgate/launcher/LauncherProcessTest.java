package org.patchgate.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad configuration, as an operator meets it: the launcher process prints a message naming the key
 * and what is wrong, and exits non-zero, before starting anything.
 */
class LauncherProcessTest {

    @TempDir
    Path dir;

    private record Outcome(int exitCode, String stderr) {
    }

    private Outcome launch(Map<String, String> env, String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Launcher.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(k -> k.startsWith("PATCHGATE_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "launcher ended");
        return new Outcome(process.exitValue(), stderr);
    }

    @Test
    void malformedNumber_exitsNonZero_namingTheKey() throws Exception {
        Outcome outcome = launch(Map.of("PATCHGATE_HTTP_PORT", "eighty"));
        assertEquals(Launcher.CONFIG_ERROR, outcome.exitCode());
        assertTrue(outcome.stderr().contains("PATCHGATE_HTTP_PORT: 'eighty' is not a whole number"), outcome.stderr());
    }

    @Test
    void portAlreadyInUse_exitsNonZero_namingTheKey() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            Outcome outcome = launch(Map.of("PATCHGATE_HTTP_PORT", Integer.toString(taken.getLocalPort()),
                    "PATCHGATE_DATA_DIR", dir.resolve("data").toString()));
            assertEquals(Launcher.CONFIG_ERROR, outcome.exitCode());
            assertTrue(outcome.stderr().contains("PATCHGATE_HTTP_PORT: port " + taken.getLocalPort() + " is already in use"),
                    outcome.stderr());
        }
    }

    @Test
    void dataDirectoryNotWritable_exitsNonZero_namingTheKey() throws Exception {
        // Tests may run as root, for whom permission bits do not stop a write: use a path under a file.
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        Outcome outcome = launch(Map.of("PATCHGATE_HTTP_PORT", Integer.toString(freePort()),
                "PATCHGATE_DATA_DIR", file.resolve("data").toString()));
        assertEquals(Launcher.CONFIG_ERROR, outcome.exitCode());
        assertTrue(outcome.stderr().contains("PATCHGATE_DATA_DIR: cannot create " + file.resolve("data")), outcome.stderr());
    }

    @Test
    void unreachableExternalDatabase_exitsNonZero_namingTheKey() throws Exception {
        int closedPort = freePort(); // nothing listens there once the probe socket is closed
        Outcome outcome = launch(Map.of("PATCHGATE_HTTP_PORT", Integer.toString(freePort()),
                "PATCHGATE_DATA_DIR", dir.resolve("data").toString(),
                "PATCHGATE_DB_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/patchgate"));
        assertEquals(Launcher.CONFIG_ERROR, outcome.exitCode());
        assertTrue(outcome.stderr().contains("PATCHGATE_DB_URL: cannot connect to jdbc:postgresql://127.0.0.1:" + closedPort),
                outcome.stderr());
    }

    @Test
    void distributionWithoutTheServerLibraries_exitsNonZero_beforeStartingAnything() throws Exception {
        Path home = Files.createDirectories(dir.resolve("dist"));
        Files.writeString(home.resolve("ROOT.war"), "a WAR");
        Files.createDirectories(home.resolve("lib"));
        Path data = dir.resolve("data");

        Outcome outcome = launch(Map.of("PATCHGATE_HTTP_PORT", Integer.toString(freePort()), "PATCHGATE_DATA_DIR",
                data.toString()), "-D" + Launcher.HOME_PROPERTY + "=" + home);

        assertEquals(Launcher.BOOT_ERROR, outcome.exitCode());
        assertTrue(outcome.stderr().contains("patchgate: the distribution is incomplete: the site server's libraries are missing: "
                + home.resolve("lib").resolve("server") + " does not exist"), outcome.stderr());
        assertTrue(Files.notExists(data.resolve("postgres")), "no PostgreSQL was started for nothing");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
