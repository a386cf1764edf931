package org.patchgate.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LauncherConfigTest {

    @TempDir
    Path dir;

    private LauncherConfig config(Map<String, String> sys, Map<String, String> env) throws ConfigException {
        return LauncherConfig.from(ConfigSources.load(sys, env, dir), dir);
    }

    @Test
    void defaults_port8080_dataDirBesideWorkingDirectory_embeddedDatabase() throws Exception {
        LauncherConfig config = config(Map.of(), Map.of());
        assertEquals(8080, config.httpPort());
        assertEquals(dir.resolve("patchgate-data"), config.dataDirectory());
        assertTrue(config.externalDatabase().isEmpty());
    }

    @Test
    void malformedNumber_namesTheEnvironmentVariable() {
        ConfigException e = assertThrows(ConfigException.class, () -> config(Map.of(), Map.of("PATCHGATE_HTTP_PORT", "80a")));
        assertEquals("PATCHGATE_HTTP_PORT", e.key());
        assertTrue(e.getMessage().contains("'80a' is not a whole number"), e.getMessage());
    }

    @Test
    void outOfRangeNumber_namesKeyAndRange() {
        ConfigException e = assertThrows(ConfigException.class, () -> config(Map.of("patchgate.http.port", "70000"), Map.of()));
        assertEquals("patchgate.http.port", e.key());
        assertTrue(e.getMessage().contains("1 to 65535"), e.getMessage());
    }

    @Test
    void serverNumbers_areCheckedByTheLauncherToo() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> config(Map.of(), Map.of("PATCHGATE_AUTH_LOCKOUT_THRESHOLD", "five")));
        assertEquals("PATCHGATE_AUTH_LOCKOUT_THRESHOLD", e.key());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PATCHGATE_CONTENT_QUOTA_GIB", "PATCHGATE_CONTENT_MAX_DOWNLOAD_MIB",
            "PATCHGATE_CATALOG_SYNC_HISTORY_RUNS", "PATCHGATE_STARTUP_DATABASE_WAIT_SECONDS"})
    void everyNumberTheServerReads_isCheckedBeforeStarting(String variable) {
        ConfigException malformed = assertThrows(ConfigException.class, () -> config(Map.of(), Map.of(variable, "lots")));
        assertEquals(variable, malformed.key());
        ConfigException zero = assertThrows(ConfigException.class, () -> config(Map.of(), Map.of(variable, "0")));
        assertTrue(zero.getMessage().contains("1 to "), zero.getMessage());
    }

    @Test
    void databaseUrlThatIsNotPostgres_isRefused() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> config(Map.of(), Map.of("PATCHGATE_DB_URL", "jdbc:mysql://db/patchgate")));
        assertEquals("PATCHGATE_DB_URL", e.key());
    }

    @Test
    void shortAdminPassword_isRefused() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> config(Map.of(), Map.of("PATCHGATE_ADMIN_PASSWORD", "secret")));
        assertEquals("PATCHGATE_ADMIN_PASSWORD", e.key());
    }

    @Test
    void precedence_systemPropertyThenEnvironmentThenFile() throws Exception {
        Files.writeString(dir.resolve("patchgate.properties"), "patchgate.http.port=8001\npatchgate.data.dir=from-file\n");
        assertEquals(8001, config(Map.of(), Map.of()).httpPort());
        assertEquals(dir.resolve("from-file"), config(Map.of(), Map.of()).dataDirectory());
        assertEquals(8002, config(Map.of(), Map.of("PATCHGATE_HTTP_PORT", "8002")).httpPort());
        assertEquals(8003, config(Map.of("patchgate.http.port", "8003"), Map.of("PATCHGATE_HTTP_PORT", "8002")).httpPort());
    }

    @Test
    void valueFromFile_errorNamesKeyAndFile() throws Exception {
        Files.writeString(dir.resolve("patchgate.properties"), "patchgate.http.port=eighty\n");
        ConfigException e = assertThrows(ConfigException.class, () -> config(Map.of(), Map.of()));
        assertTrue(e.key().startsWith("patchgate.http.port (in "), e.key());
    }

    @Test
    void namedConfigFileThatDoesNotExist_isRefused() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> config(Map.of(), Map.of("PATCHGATE_CONFIG_FILE", "missing.properties")));
        assertEquals("PATCHGATE_CONFIG_FILE", e.key());
    }

    @Test
    void batchedInserts_areAddedToTheJdbcUrl_unlessTheAdminSetThem() {
        assertEquals("jdbc:postgresql://db/p?reWriteBatchedInserts=true", Launcher.withBatchedInserts("jdbc:postgresql://db/p"));
        assertEquals("jdbc:postgresql://db/p?ssl=true&reWriteBatchedInserts=true",
                Launcher.withBatchedInserts("jdbc:postgresql://db/p?ssl=true"));
        assertEquals("jdbc:postgresql://db/p?reWriteBatchedInserts=false",
                Launcher.withBatchedInserts("jdbc:postgresql://db/p?reWriteBatchedInserts=false"));
    }
}
