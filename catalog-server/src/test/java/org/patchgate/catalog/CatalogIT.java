package org.patchgate.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchgate.catalog.source.GitRepo;
import org.patchgate.testing.Api;
import org.patchgate.testing.Deployments;

/**
 * The catalog through the real API on the real server: sources of every format synced from real
 * vendor data (the adapters' test resources, read by the server from disk), incremental re-sync,
 * supersedence, the sync report, search, and verified content from a real HTTP server on loopback.
 */
@ExtendWith(ArquillianExtension.class)
class CatalogIT {

    private static final String ADMIN_PASSWORD = System.getProperty("patchgate.test.admin.password");
    private static final Path FORMATS = Path.of("../catalog-formats/src/test/resources").toAbsolutePath().normalize();
    private static final Path SYNC = Path.of("src/test/resources/sync").toAbsolutePath();

    @ArquillianResource
    private URL url;

    private Api api;
    private String token;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.siteServer();
    }

    @BeforeEach
    void ready() {
        api = new Api(url);
        api.awaitReady();
        token = api.login("admin", ADMIN_PASSWORD);
    }

    private long createSource(String format, Path location) {
        return createSource(format, location.toString());
    }

    private long createSource(String format, String location) {
        Api.Reply created = api.send("POST", "api/v1/sources", Map.of("name", format + " " + UUID.randomUUID().toString().substring(0, 6),
                "format", format, "location", location), token, Map.of());
        assertEquals(201, created.status(), created.body());
        return created.json().get("id").asLong();
    }

    /** Starts a sync and waits for it to finish; returns the run. */
    private JsonNode sync(long sourceId) throws InterruptedException {
        return sync(sourceId, "");
    }

    private JsonNode sync(long sourceId, String query) throws InterruptedException {
        // The run row appears only once the sync has started (after a download or the git check), so
        // wait for a run newer than the last one rather than for the newest run to end.
        JsonNode previous = api.get("api/v1/sources/" + sourceId + "/syncs?limit=1", token).json();
        long lastRun = previous.size() > 0 ? previous.get(0).get("id").asLong() : 0;
        Api.Reply started = api.send("POST", "api/v1/sources/" + sourceId + "/sync" + query, null, token, Map.of());
        assertEquals(202, started.status(), started.body());
        for (int i = 0; i < 600; i++) {
            JsonNode runs = api.get("api/v1/sources/" + sourceId + "/syncs?limit=1", token).json();
            if (runs.size() > 0 && runs.get(0).get("id").asLong() > lastRun
                    && !runs.get(0).get("state").asText().equals("running")) {
                return runs.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("sync of source " + sourceId + " did not finish");
    }

    /** Null fields are left out of the API's JSON. */
    private static boolean absent(JsonNode node, String field) {
        return node.path(field).isMissingNode() || node.path(field).isNull();
    }

    /** Syncs twice and checks the second wrote nothing; returns both runs. */
    private List<JsonNode> assertSyncs(String format, Path location, int expectedProblems) throws Exception {
        long source = createSource(format, location);
        JsonNode first = sync(source);
        assertEquals("succeeded", first.get("state").asText(), first.toString());
        assertTrue(first.get("added").asInt() > 0, first.toString());
        assertEquals(expectedProblems, first.get("problems").asInt(), first.toString());
        assertEquals(first.get("entriesTotal").asInt(), first.get("entriesDone").asInt());

        JsonNode second = sync(source);
        assertEquals(0, second.get("added").asInt() + second.get("changed").asInt() + second.get("removed").asInt(),
                "an unchanged source writes nothing: " + second);
        assertEquals(first.get("added").asInt(), second.get("unchanged").asInt());
        return List.of(first, second);
    }

    @Test
    void wingetSource_syncsRealManifests_andResyncWritesNothing() throws Exception {
        assertSyncs("winget", SYNC.resolve("winget-base"), 0);
    }

    @Test
    void scoopBucket_syncs_multiUrlManifestsReportedAsProblems() throws Exception {
        assertSyncs("scoop", FORMATS.resolve("scoop/main"), 6);
    }

    @Test
    void scupCatalogCab_syncs_andTheSameFileAgainIsNotRead() throws Exception {
        List<JsonNode> runs = assertSyncs("scup", FORMATS.resolve("scup/cab/hp-excerpt-mszip.cab"), 0);
        assertTrue(runs.get(0).get("sourceRevision").asText().matches("sha256 [0-9a-f]{64} of the file"), runs.toString());
        assertEquals(runs.get(0).get("id").asLong(), runs.get(1).get("unchangedSinceRun").asLong(), runs.toString());
    }

    @Test
    void gitCheckout_unchangedCommitIsNotRead_newCommitIs_fullSyncReadsAnyway(@TempDir Path dir) throws Exception {
        Path checkout = dir.resolve("winget-pkgs");
        copyTree(SYNC.resolve("winget-base"), checkout);
        GitRepo repo = GitRepo.initAndCommit(checkout);
        long source = createSource("winget", checkout);

        JsonNode first = sync(source);
        assertEquals("git commit " + repo.head() + " (clean working tree)", first.get("sourceRevision").asText(),
                first.toString());
        assertTrue(absent(first, "unchangedSinceRun"), first.toString());

        JsonNode second = sync(source);
        assertEquals(first.get("id").asLong(), second.get("unchangedSinceRun").asLong(), second.toString());
        assertEquals(first.get("added").asInt(), second.get("unchanged").asInt());

        JsonNode full = sync(source, "?full=true");
        assertTrue(absent(full, "unchangedSinceRun"), "a full sync reads: " + full);
        assertEquals(first.get("added").asInt(), full.get("unchanged").asInt());

        copyTree(SYNC.resolve("winget-newer"), checkout);
        repo.commitAll("Git 2.48.1");
        JsonNode afterCommit = sync(source);
        assertTrue(absent(afterCommit, "unchangedSinceRun"), afterCommit.toString());
        assertEquals(1, afterCommit.get("added").asInt(), afterCommit.toString());
        assertTrue(afterCommit.get("sourceRevision").asText().contains(repo.head()));
    }

    @Test
    void chocolateyPackages_sync_thoseWithoutVerifiableDownloadReported() throws Exception {
        assertSyncs("chocolatey", FORMATS.resolve("chocolatey/repo"), 22);
    }

    @Test
    void patchgateJson_syncs() throws Exception {
        assertSyncs("patchgate-json", FORMATS.resolve("patchgate-json/examples"), 0);
    }

    @Test
    void badEntries_appearInTheReportWithFileAndReason_andTheRestLands() throws Exception {
        long source = createSource("chocolatey", FORMATS.resolve("chocolatey/repo"));
        JsonNode run = sync(source);
        JsonNode detail = api.get("api/v1/sources/" + source + "/syncs/" + run.get("id").asLong(), token).json();
        assertEquals(22, detail.get("problems").size());
        JsonNode problem = detail.get("problems").get(0);
        assertFalse(problem.get("sourcePath").asText().isBlank());
        assertFalse(problem.get("reason").asText().isBlank());
        assertEquals(28, run.get("added").asInt());
    }

    @Test
    void urlSource_isDownloadedAndSynced_sameBytesAgainAreNotRead_aMissingOneIsAFailedRun() throws Exception {
        byte[] cab = Files.readAllBytes(FORMATS.resolve("scup/cab/hp-excerpt-mszip.cab"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/catalogs/hp.cab", exchange -> send(exchange, cab));
        server.createContext("/catalogs/gone.cab", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/catalogs/";
            long source = createSource("scup", base + "hp.cab");
            JsonNode first = sync(source);
            assertEquals("succeeded", first.get("state").asText(), first.toString());
            assertTrue(first.get("added").asInt() > 0, first.toString());
            assertTrue(first.get("sourceRevision").asText().matches("sha256 [0-9a-f]{64} of the download"), first.toString());

            JsonNode second = sync(source);
            assertEquals(first.get("id").asLong(), second.get("unchangedSinceRun").asLong(), second.toString());

            long gone = createSource("scup", base + "gone.cab");
            JsonNode failed = sync(gone);
            assertEquals("failed", failed.get("state").asText(), failed.toString());
            assertTrue(failed.get("error").asText().contains("HTTP 404"), failed.toString());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void newVersion_appearsAsNewUpdate_thatSupersedesTheOld(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path repo = dir.resolve("winget");
        copyTree(SYNC.resolve("winget-base"), repo);
        long source = createSource("winget", repo);
        sync(source);
        JsonNode before = api.get("api/v1/catalog/updates?source=" + source + "&q=git", token).json();
        assertEquals("2.45.2", before.at("/items/0/version").asText(), before.toString());

        copyTree(SYNC.resolve("winget-newer"), repo);
        JsonNode run = sync(source);
        assertEquals(1, run.get("added").asInt(), run.toString());
        JsonNode current = api.get("api/v1/catalog/updates?source=" + source + "&q=git", token).json();
        assertEquals("2.48.1", current.at("/items/0/version").asText(), current.toString());
        JsonNode all = api.get("api/v1/catalog/updates?source=" + source + "&q=git&includeSuperseded=true", token).json();
        long newest = current.at("/items/0/id").asLong();
        boolean linked = false;
        for (JsonNode u : all.get("items")) {
            if (u.get("version").asText().equals("2.45.2")) {
                assertEquals(newest, u.get("supersededById").asLong(), "2.45.2 is superseded by 2.48.1, not deleted");
                linked = true;
            }
        }
        assertTrue(linked, all.toString());
    }

    @Test
    void search_filtersAndPaging_useQueryParameters_andRejectBadValues() throws Exception {
        long source = createSource("winget", SYNC.resolve("winget-base"));
        sync(source);
        JsonNode x64 = api.get("api/v1/catalog/updates?source=" + source + "&architecture=x64&limit=1", token).json();
        assertTrue(x64.get("total").asInt() >= 1);
        assertEquals(1, x64.get("items").size());
        assertEquals(400, api.get("api/v1/catalog/updates?architecture=sparc", token).status());
        assertEquals(400, api.get("api/v1/catalog/updates?limit=100000", token).status());
        JsonNode vendors = api.get("api/v1/catalog/vendors?q=git", token).json();
        assertTrue(vendors.get("total").asInt() >= 1, vendors.toString());
    }

    @Test
    void content_verifiedDownloadIsStored_tamperedOneIsRefused(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        byte[] good = "the real installer bytes".getBytes(StandardCharsets.UTF_8);
        byte[] otherGood = "the other tool's real installer bytes".getBytes(StandardCharsets.UTF_8);
        byte[] tampered = "the other tool's real installer bytez".getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/good.zip", exchange -> send(exchange, good));
        server.createContext("/tampered.zip", exchange -> send(exchange, tampered));
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(good));
            // The tampered tool's catalog hash is its own: were it the good tool's, the store would
            // already hold that content and the installer would rightly be verified without a download.
            String otherSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(otherGood));
            Files.writeString(dir.resolve("catalog.json"), """
                    {"formatVersion": 1, "entries": [
                      {"vendor": "Contoso", "product": "Good Tool", "productKey": "Contoso.GoodTool", "version": "1.0",
                       "classification": "tools",
                       "installers": [{"architecture": "x64", "type": "zip", "url": "%s/good.zip", "sha256": "%s"}]},
                      {"vendor": "Contoso", "product": "Tampered Tool", "productKey": "Contoso.TamperedTool", "version": "1.0",
                       "classification": "tools",
                       "installers": [{"architecture": "x64", "type": "zip", "url": "%s/tampered.zip", "sha256": "%s"}]}
                    ]}""".formatted(base, sha, base, otherSha));
            long source = createSource("patchgate-json", dir);
            sync(source);
            JsonNode items = api.get("api/v1/catalog/updates?source=" + source, token).json().get("items");
            for (JsonNode item : items) {
                assertEquals(202, api.send("POST", "api/v1/catalog/updates/" + item.get("id").asLong() + "/content", null, token,
                        Map.of()).status());
            }
            for (JsonNode item : items) {
                JsonNode installer = awaitContent(item.get("id").asLong());
                if (item.get("product").asText().equals("Good Tool")) {
                    assertEquals("verified", installer.get("contentState").asText(), installer.toString());
                    assertEquals(sha, installer.get("contentSha256").asText());
                } else {
                    assertEquals("failed", installer.get("contentState").asText(), installer.toString());
                    assertTrue(installer.get("contentError").asText().contains(otherSha), installer.toString());
                    assertTrue(installer.path("contentSha256").isMissingNode() || installer.path("contentSha256").isNull(),
                            "nothing stored for a tampered download");
                }
            }
        } finally {
            server.stop(0);
        }
    }

    private JsonNode awaitContent(long updateId) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            JsonNode installer = api.get("api/v1/catalog/updates/" + updateId, token).json().at("/installers/0");
            String state = installer.get("contentState").asText();
            if (state.equals("verified") || state.equals("failed")) {
                return installer;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("content of update " + updateId + " was not decided");
    }

    private static void send(com.sun.net.httpserver.HttpExchange exchange, byte[] body) throws IOException {
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Test
    void demoCatalog_isLoadedOnFirstStart() {
        JsonNode sources = api.get("api/v1/sources", token).json();
        boolean demo = false;
        for (JsonNode s : sources) {
            demo |= s.get("name").asText().startsWith("Demo: ");
        }
        assertTrue(demo, sources.toString());
        assertNotNull(api.get("api/v1/catalog/updates?q=git", token).json().get("items").get(0));
    }
}
