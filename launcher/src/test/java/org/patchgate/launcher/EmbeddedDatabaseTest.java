package org.patchgate.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestart_andStopLeavesNoRunningServer() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, 0);
             Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (note text)");
            s.execute("INSERT INTO kept VALUES ('written before the restart')");
        }
        assertFalse(Files.exists(dataDir.resolve("postgres/postmaster.pid")), "PostgreSQL shut down cleanly");

        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, 0);
             Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT note FROM kept")) {
            assertTrue(rs.next());
            assertEquals("written before the restart", rs.getString(1));
        }
    }
}
