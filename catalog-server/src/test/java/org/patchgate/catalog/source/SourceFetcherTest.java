package org.patchgate.catalog.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** URL sources, fetched from a real HTTP server on loopback. */
class SourceFetcherTest {

    @TempDir
    Path work;

    private HttpServer server;
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final SourceFetcher fetcher = new SourceFetcher(Duration.ofSeconds(5), Duration.ofSeconds(10), 1 << 20, 1 << 20);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI serve(String path, int status, byte[] body) {
        server.createContext(path, exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void singleFile_isDownloadedUnderItsOwnName_withBasicCredentials() throws Exception {
        URI url = serve("/catalogs/vendor.cab", 200, "MSCF...".getBytes(StandardCharsets.UTF_8));
        SourceFetcher.Fetched fetched = fetcher.fetch(url, "reader", "s3cret", work.resolve("src"));
        Path file = fetched.location();
        assertEquals("vendor.cab", file.getFileName().toString());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("MSCF...".getBytes(StandardCharsets.UTF_8))), fetched.sha256());
        assertEquals("MSCF...", Files.readString(file));
        assertEquals("Basic " + Base64.getEncoder().encodeToString("reader:s3cret".getBytes(StandardCharsets.UTF_8)),
                authorization.get());
    }

    @Test
    void zipArchive_isUnpackedIntoAFolder() throws Exception {
        URI url = serve("/bucket.zip", 200, zip(Map.of("bucket/jq.json", "{}", "bucket/git.json", "{}")));
        Path dir = fetcher.fetch(url, null, null, work.resolve("src")).location();
        assertTrue(Files.isRegularFile(dir.resolve("bucket/jq.json")));
        assertEquals(null, authorization.get(), "no credentials configured, none sent");
    }

    @Test
    void archiveEntryPointingOutside_isRefused_andNothingIsWrittenThere() throws Exception {
        URI url = serve("/evil.zip", 200, zip(Map.of("../../escaped.txt", "owned")));
        IOException e = assertThrows(IOException.class, () -> fetcher.fetch(url, null, null, work.resolve("src")));
        assertTrue(e.getMessage().contains("points outside the archive"), e.getMessage());
        assertFalse(Files.exists(work.resolve("escaped.txt")));
    }

    @Test
    void zipBomb_stopsAtTheUnpackLimit() throws Exception {
        URI url = serve("/bomb.zip", 200, zip(Map.of("big.txt", "0".repeat(2 << 20))));
        IOException e = assertThrows(IOException.class, () -> fetcher.fetch(url, null, null, work.resolve("src")));
        assertTrue(e.getMessage().contains("exceeds the limit"), e.getMessage());
    }

    @Test
    void downloadOverTheSizeCap_isRefused() throws Exception {
        URI url = serve("/huge.json", 200, new byte[(1 << 20) + 1]);
        IOException e = assertThrows(IOException.class, () -> fetcher.fetch(url, null, null, work.resolve("src")));
        assertTrue(e.getMessage().contains("download of " + url + " exceeds the limit"), e.getMessage());
    }

    @Test
    void httpError_namesTheUrlAndStatus() {
        URI url = serve("/missing.json", 404, new byte[0]);
        IOException e = assertThrows(IOException.class, () -> fetcher.fetch(url, null, null, work.resolve("src")));
        assertEquals("cannot download " + url + ": the server answered HTTP 404", e.getMessage());
    }
}
