package org.patchgate.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchgate.testing.Api;
import org.patchgate.testing.Deployments;

/**
 * Admin authentication, roles, CSRF, lockout and the audit log, through the real API. The server
 * runs with a lockout threshold of 3 (arquillian.xml). Every test makes its own users, so tests do
 * not depend on each other's order.
 */
@ExtendWith(ArquillianExtension.class)
class AdminSecurityIT {

    private static final String ADMIN_PASSWORD = System.getProperty("patchgate.test.admin.password");
    private static final String PASSWORD = "correct horse battery staple";

    @ArquillianResource
    private URL url;

    private Api api;
    private String adminToken;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.siteServer();
    }

    @BeforeEach
    void ready() {
        api = new Api(url);
        api.awaitReady();
        adminToken = api.login("admin", ADMIN_PASSWORD);
    }

    private String newUser(String role) {
        String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = api.send("POST", "api/v1/users", Map.of("username", name, "password", PASSWORD, "role", role),
                adminToken, Map.of());
        assertEquals(201, created.status(), created.body());
        return name;
    }

    @Test
    void login_withCorrectPassword_returnsTokenAndHttpOnlySessionCookie() {
        String user = newUser("viewer");
        Api.Reply login = api.send("POST", "api/v1/auth/login", Map.of("username", user, "password", PASSWORD), null, Map.of());
        assertEquals(200, login.status(), login.body());
        assertTrue(login.json().get("token").asText().startsWith("pgs_"));
        assertNotNull(login.json().get("csrfToken").asText());
        String cookie = login.header("Set-Cookie");
        assertTrue(cookie.startsWith("patchgate_session=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        Api.Reply me = api.get("api/v1/auth/me", login.json().get("token").asText());
        assertEquals(user, me.json().get("username").asText());
        assertEquals("viewer", me.json().get("role").asText());
    }

    @Test
    void login_withWrongPassword_is401ProblemWithoutSayingWhichPartWasWrong() {
        String user = newUser("viewer");
        Api.Reply wrongPassword = api.send("POST", "api/v1/auth/login", Map.of("username", user, "password", "not the password"), null, Map.of());
        Api.Reply unknownUser = api.send("POST", "api/v1/auth/login", Map.of("username", "ghost-" + user, "password", PASSWORD), null, Map.of());
        assertEquals(401, wrongPassword.status());
        assertEquals(401, unknownUser.status());
        assertEquals("application/problem+json", wrongPassword.header("Content-Type"));
        assertEquals(wrongPassword.json().get("detail"), unknownUser.json().get("detail"));
    }

    @Test
    void login_afterRepeatedFailures_locksEvenTheRightPassword_untilAnAdminUnlocks() {
        String user = newUser("operator");
        for (int i = 0; i < 3; i++) {
            assertEquals(401, api.send("POST", "api/v1/auth/login", Map.of("username", user, "password", "guess " + i), null, Map.of()).status());
        }
        Api.Reply locked = api.send("POST", "api/v1/auth/login", Map.of("username", user, "password", PASSWORD), null, Map.of());
        assertEquals(429, locked.status(), locked.body());
        assertTrue(Long.parseLong(locked.header("Retry-After")) > 0);
        assertTrue(api.get("api/v1/users/" + user, adminToken).json().get("locked").asBoolean());

        assertEquals(204, api.send("POST", "api/v1/users/" + user + "/unlock", null, adminToken, Map.of()).status());
        assertEquals(200, api.send("POST", "api/v1/auth/login", Map.of("username", user, "password", PASSWORD), null, Map.of()).status());
    }

    @Test
    void unauthenticatedCall_is401WithChallenge() {
        Api.Reply reply = api.get("api/v1/system", null);
        assertEquals(401, reply.status());
        assertEquals("application/problem+json", reply.header("Content-Type"));
        assertTrue(reply.header("WWW-Authenticate").startsWith("Bearer"));
        assertEquals(401, api.get("api/v1/system", "pgs_forged-token").status());
    }

    @Test
    void viewer_canRead_butIsRefusedAChange_with403() {
        String viewer = api.login(newUser("viewer"), PASSWORD);
        assertEquals(200, api.get("api/v1/system", viewer).status());
        Api.Reply change = api.send("PUT", "api/v1/settings/site.name", Map.of("value", "x"), viewer, Map.of());
        assertEquals(403, change.status(), change.body());
        assertEquals(403, api.get("api/v1/users", viewer).status());
        assertEquals(404, api.get("api/v1/settings/site.name", adminToken).status(), "the refused change did not happen");
    }

    @Test
    void cookieSession_changeWithoutCsrfToken_isRefused_andWithItAccepted() {
        Api.Reply login = api.send("POST", "api/v1/auth/login", Map.of("username", "admin", "password", ADMIN_PASSWORD), null, Map.of());
        String cookie = "patchgate_session=" + login.json().get("token").asText();
        String csrf = login.json().get("csrfToken").asText();
        String key = "csrf.test." + UUID.randomUUID().toString().substring(0, 8);

        Api.Reply noToken = api.send("PUT", "api/v1/settings/" + key, Map.of("value", "1"), null, Map.of("Cookie", cookie));
        assertEquals(403, noToken.status(), noToken.body());
        assertTrue(noToken.json().get("type").asText().endsWith("csrf-token-invalid"));

        Api.Reply withToken = api.send("PUT", "api/v1/settings/" + key, Map.of("value", "1"), null,
                Map.of("Cookie", cookie, "X-CSRF-Token", csrf));
        assertEquals(200, withToken.status(), withToken.body());
        assertEquals(200, api.send("GET", "api/v1/settings/" + key, null, null, Map.of("Cookie", cookie)).status());
    }

    @Test
    void everyChange_landsInTheAuditLog_withActorActionAndOutcome() {
        String viewerName = newUser("viewer");
        String viewer = api.login(viewerName, PASSWORD);
        String key = "audit.test." + UUID.randomUUID().toString().substring(0, 8);
        api.send("PUT", "api/v1/settings/" + key, Map.of("value", "on"), adminToken, Map.of());     // success
        api.send("PUT", "api/v1/settings/" + key, Map.of("value", "off"), viewer, Map.of());        // denied
        api.send("PUT", "api/v1/settings/Bad.Key", Map.of("value", "x"), adminToken, Map.of());     // failure
        api.send("POST", "api/v1/auth/login", Map.of("username", viewerName, "password", "nope"), null, Map.of());

        JsonNode created = audit("action=user.create&actor=admin");
        assertTrue(created.toString().contains(viewerName), created.toString());
        JsonNode settings = audit("action=setting.set");
        assertTrue(contains(settings, "admin", "/api/v1/settings/" + key, "success"), settings.toString());
        assertTrue(contains(settings, viewerName, "/api/v1/settings/" + key, "denied"), settings.toString());
        assertTrue(contains(settings, "admin", "/api/v1/settings/Bad.Key", "failure"), settings.toString());
        JsonNode logins = audit("action=auth.login&actor=" + viewerName);
        assertTrue(contains(logins, viewerName, "/api/v1/auth/login", "denied"), logins.toString());
        assertTrue(contains(logins, viewerName, "/api/v1/auth/login", "success"), logins.toString());
    }

    @Test
    void auditLog_isForAdminsOnly_andRejectsBadFilters() {
        String operator = api.login(newUser("operator"), PASSWORD);
        assertEquals(403, api.get("api/v1/audit", operator).status());
        Api.Reply bad = api.get("api/v1/audit?since=yesterday", adminToken);
        assertEquals(400, bad.status());
        assertEquals("since", bad.json().at("/errors/0/field").asText());
    }

    @Test
    void lastEnabledAdmin_cannotBeDemoted_andNobodyDeletesThemselves() {
        // No test in this class creates another admin, so "admin" is the only enabled one.
        Api.Reply demote = api.send("PUT", "api/v1/users/admin", Map.of("role", "viewer"), adminToken, Map.of());
        assertEquals(409, demote.status(), demote.body());
        Api.Reply delete = api.send("DELETE", "api/v1/users/admin", null, adminToken, Map.of());
        assertEquals(409, delete.status(), delete.body());
        assertEquals("admin", api.get("api/v1/users/admin", adminToken).json().get("role").asText());
    }

    private JsonNode audit(String query) {
        Api.Reply reply = api.get("api/v1/audit?limit=500&" + query, adminToken);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().get("items");
    }

    private static boolean contains(JsonNode items, String actor, String target, String outcome) {
        for (JsonNode e : items) {
            if (e.get("actor").asText().equals(actor) && e.get("target").asText().equals(target)
                    && e.get("outcome").asText().equals(outcome)) {
                return true;
            }
        }
        return false;
    }
}
