package org.patchgate.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchgate.testing.Api;
import org.patchgate.testing.Deployments;
import org.patchgate.testing.TestDatabase;

/** The site server as operators and scripts see it: health, metrics, OpenAPI, system, errors, schema. */
@ExtendWith(ArquillianExtension.class)
class SiteServerIT {

    static final String ADMIN_PASSWORD = System.getProperty("patchgate.test.admin.password");

    @ArquillianResource
    private URL url;

    private Api api;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.siteServer();
    }

    @BeforeEach
    void ready() {
        api = new Api(url);
        api.awaitReady();
    }

    @Test
    void healthReady_isUpWithSchemaVersion_onceMigrated() {
        Api.Reply ready = api.get("/health/ready", null);
        assertEquals(200, ready.status(), ready.body());
        assertEquals("UP", ready.json().get("status").asText());
        assertTrue(ready.body().contains("patchgate-database"), ready.body());
        assertEquals(200, api.get("/health/live", null).status());
    }

    @Test
    void migrations_applyOnEmptyDatabase_andHibernateValidates() throws Exception {
        String jdbc = "jdbc:postgresql://127.0.0.1:" + System.getProperty(TestDatabase.PORT_PROPERTY) + "/postgres";
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), bool_and(success), max(version::int) FROM flyway_schema_history"
                     + " WHERE version IS NOT NULL")) {
            assertTrue(rs.next());
            assertTrue(rs.getInt(1) >= 2, "baseline and catalog migrations recorded");
            assertTrue(rs.getBoolean(2), "every migration succeeded");
            // Ready is only reported after Hibernate's schema validation passed, with the latest version.
            assertEquals(Integer.toString(rs.getInt(3)),
                    api.get("/health/ready", null).json().at("/checks/0/data/schemaVersion").asText());
        }
    }

    @Test
    void openApi_listsSystemEndpoint() {
        Api.Reply openapi = api.send("GET", "/openapi", null, null, Map.of("Accept", "application/json"));
        assertEquals(200, openapi.status());
        assertTrue(openapi.body().contains("/api/v1/system"), openapi.body());
    }

    @Test
    void metrics_arePrometheusText_withLoginFailures() {
        api.send("POST", "/api/v1/auth/login", Map.of("username", "nobody", "password", "wrong-password-x"), null, Map.of());
        Api.Reply metrics = api.send("GET", "/metrics", null, null, Map.of("Accept", "text/plain"));
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("# TYPE"), "Prometheus exposition format");
        assertTrue(metrics.body().contains("patchgate_login_failures"), "our own counter is exported");
    }

    @Test
    void system_reportsVersionSchemaEmbeddedDatabaseAndUptime() {
        String token = api.login("admin", ADMIN_PASSWORD);
        Api.Reply system = api.get("api/v1/system", token);
        assertEquals(200, system.status(), system.body());
        JsonNode body = system.json();
        assertFalse(body.get("version").asText().isBlank());
        assertEquals(api.get("/health/ready", null).json().at("/checks/0/data/schemaVersion").asText(),
                body.get("schemaVersion").asText());
        assertTrue(body.get("schemaVersion").asInt() >= 2);
        assertEquals("embedded", body.at("/database/mode").asText());
        assertTrue(body.at("/database/serverVersion").asText().startsWith("PostgreSQL"), body.toString());
        assertTrue(body.get("uptimeSeconds").asLong() >= 0);
        assertNotNull(body.get("startedAt"));
    }

    @Test
    void unknownRoute_isProblemJson404() {
        String token = api.login("admin", ADMIN_PASSWORD);
        Api.Reply reply = api.get("api/v1/no-such-thing", token);
        assertEquals(404, reply.status());
        assertEquals("application/problem+json", reply.header("Content-Type"));
        assertEquals(404, reply.json().get("status").asInt());
    }

    @Test
    void invalidInput_isProblemJson400_namingTheField() {
        String token = api.login("admin", ADMIN_PASSWORD);
        Api.Reply reply = api.send("POST", "api/v1/users",
                Map.of("username", "someone", "password", "long-enough-password", "role", "emperor"), token, Map.of());
        assertEquals(400, reply.status(), reply.body());
        assertEquals("application/problem+json", reply.header("Content-Type"));
        assertEquals("role", reply.json().at("/errors/0/field").asText());
    }

    @Test
    void malformedJson_isProblemJson400() {
        String token = api.login("admin", ADMIN_PASSWORD);
        Api.Reply reply = api.send("POST", "api/v1/users", "{\"username\": ", token, Map.of());
        assertEquals(400, reply.status(), reply.body());
        assertEquals("application/problem+json", reply.header("Content-Type"));
    }
}
