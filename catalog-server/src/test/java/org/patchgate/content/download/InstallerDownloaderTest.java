package org.patchgate.content.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgate.catalog.model.HashAlgorithm;
import org.patchgate.content.ContentListener;
import org.patchgate.content.ContentQuotaExceededException;
import org.patchgate.content.ContentVerificationException;
import org.patchgate.content.LoopbackHttpServer;
import org.patchgate.content.StoredContent;
import org.patchgate.content.TestContent;
import org.patchgate.content.store.FileContentStore;

/** Downloads from the JDK's HTTP server: the well-behaved paths, redirects and size limits. */
class InstallerDownloaderTest {

    @TempDir
    Path root;

    private final TestContent content = TestContent.random(200_000, 7);
    private final LoopbackHttpServer server;
    private FileContentStore store;

    InstallerDownloaderTest() throws IOException {
        server = new LoopbackHttpServer();
    }

    @BeforeEach
    void openStore() throws IOException {
        store = FileContentStore.builder(root).build();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private InstallerDownloader downloader(DownloadPolicy policy) {
        return InstallerDownloader.builder().store(store).policy(policy).build();
    }

    private InstallerDownloader downloader() {
        return downloader(DownloadPolicy.defaults().withIdleTimeout(Duration.ofSeconds(5)));
    }

    @Test
    void download_matchingSha256_landsInStoreWithProgressToTotal() throws IOException {
        server.serve("/app-1.0.msi", content.bytes());
        List<long[]> progress = new CopyOnWriteArrayList<>();
        ContentListener listener = new ContentListener() {
            @Override
            public void progress(long done, long total) {
                progress.add(new long[] {done, total});
            }
        };

        StoredContent stored = downloader().download(server.uri("/app-1.0.msi"), content.sha256().asDigest(), listener);

        assertEquals(new StoredContent(content.sha256(), content.size()), stored);
        try (InputStream in = store.open(content.sha256())) {
            assertArrayEquals(content.bytes(), in.readAllBytes());
        }
        long[] last = progress.get(progress.size() - 1);
        assertArrayEquals(new long[] {content.size(), content.size()}, last);
        assertEquals(List.of(), files(root.resolve("partial")));
    }

    @Test
    void download_vendorSha1_verifiedAndStoredUnderComputedSha256() throws IOException {
        server.serve("/tool.exe", content.bytes());

        StoredContent stored = downloader().download(server.uri("/tool.exe"), content.digest(HashAlgorithm.SHA1),
                ContentListener.NONE);

        assertEquals(content.sha256(), stored.sha256());
        assertTrue(store.exists(content.sha256()));
    }

    @Test
    void download_tamperedBytes_refusedWithExpectedAndActual_nothingStoredNoPartialLeft() throws IOException {
        server.serve("/app.msi", content.tampered().bytes());

        ContentVerificationException e = assertThrows(ContentVerificationException.class,
                () -> downloader().download(server.uri("/app.msi"), content.sha256().asDigest(), ContentListener.NONE));

        assertEquals(content.sha256().asDigest(), e.expected());
        assertEquals(content.tampered().sha256().asDigest(), e.actual());
        assertFalse(store.exists(content.sha256()));
        assertFalse(store.exists(content.tampered().sha256()));
        assertEquals(List.of(), files(root));
    }

    @Test
    void download_tamperedBytesAgainstVendorMd5_refused() throws IOException {
        server.serve("/app.msi", content.tampered().bytes());

        ContentVerificationException e = assertThrows(ContentVerificationException.class,
                () -> downloader().download(server.uri("/app.msi"), content.digest(HashAlgorithm.MD5),
                        ContentListener.NONE));

        assertEquals(HashAlgorithm.MD5, e.actual().algorithm());
        assertEquals(List.of(), files(root));
    }

    @Test
    void download_redirectsWithinLimit_followedRelativeAndAbsolute() throws IOException {
        server.redirect("/latest", 302, "/r/2")
                .redirect("/r/2", 301, server.uri("/files/app.msi").toString())
                .serve("/files/app.msi", content.bytes());

        StoredContent stored = downloader().download(server.uri("/latest"), content.sha256().asDigest(),
                ContentListener.NONE);

        assertEquals(content.sha256(), stored.sha256());
        assertEquals(List.of("/latest", "/r/2", "/files/app.msi"), server.requestedPaths());
    }

    @Test
    void download_redirectLoop_failsNamingTheLoop() {
        server.redirect("/a", 302, "/b").redirect("/b", 307, "/a");

        RedirectException e = assertThrows(RedirectException.class,
                () -> downloader().download(server.uri("/a"), content.sha256().asDigest(), ContentListener.NONE));

        assertEquals(RedirectException.Kind.LOOP, e.kind());
        assertTrue(e.getMessage().contains("redirect loop"), e.getMessage());
        assertEquals(List.of("/a", "/b"), server.requestedPaths());
    }

    @Test
    void download_moreRedirectsThanPolicy_failsAfterTheLimit() {
        for (int i = 0; i < 10; i++) {
            server.redirect("/hop" + i, 302, "/hop" + (i + 1));
        }

        RedirectException e = assertThrows(RedirectException.class,
                () -> downloader(DownloadPolicy.defaults().withMaxRedirects(3))
                        .download(server.uri("/hop0"), content.sha256().asDigest(), ContentListener.NONE));

        assertEquals(RedirectException.Kind.TOO_MANY, e.kind());
        assertTrue(e.getMessage().contains("more than 3 redirects"), e.getMessage());
        assertEquals(4, server.requestedPaths().size());
    }

    @Test
    void download_redirectToOtherScheme_refused() {
        server.redirect("/app.msi", 302, "ftp://mirror.example/app.msi");

        RedirectException e = assertThrows(RedirectException.class,
                () -> downloader().download(server.uri("/app.msi"), content.sha256().asDigest(), ContentListener.NONE));

        assertEquals(RedirectException.Kind.SCHEME, e.kind());
    }

    @Test
    void download_redirectWithoutLocation_refused() {
        server.on("/app.msi", exchange -> exchange.sendResponseHeaders(302, -1));

        RedirectException e = assertThrows(RedirectException.class,
                () -> downloader().download(server.uri("/app.msi"), content.sha256().asDigest(), ContentListener.NONE));

        assertEquals(RedirectException.Kind.BAD_LOCATION, e.kind());
    }

    @Test
    void download_contentLengthOverCap_refusedBeforeTheBodyIsStored() throws IOException {
        server.serve("/big.iso", content.bytes());

        DownloadTooLargeException e = assertThrows(DownloadTooLargeException.class,
                () -> downloader(DownloadPolicy.defaults().withMaxBytes(100_000))
                        .download(server.uri("/big.iso"), content.sha256().asDigest(), ContentListener.NONE));

        assertTrue(e.declared());
        assertEquals(content.size(), e.sizeBytes());
        assertEquals(100_000, e.capBytes());
        assertEquals(List.of(), files(root));
    }

    @Test
    void download_chunkedStreamPassingCap_abortedAndNothingKept() throws IOException {
        server.on("/big.iso", exchange -> LoopbackHttpServer.sendChunked(exchange, content.bytes()));

        DownloadTooLargeException e = assertThrows(DownloadTooLargeException.class,
                () -> downloader(DownloadPolicy.defaults().withMaxBytes(100_000))
                        .download(server.uri("/big.iso"), content.sha256().asDigest(), ContentListener.NONE));

        assertFalse(e.declared());
        assertTrue(e.sizeBytes() > 100_000);
        assertEquals(List.of(), files(root));
    }

    @Test
    void download_contentLengthOverQuota_refusedUpFront() throws IOException {
        store = FileContentStore.builder(root).quotaBytes(50_000).build();
        server.serve("/app.msi", content.bytes());

        ContentQuotaExceededException e = assertThrows(ContentQuotaExceededException.class,
                () -> downloader().download(server.uri("/app.msi"), content.sha256().asDigest(), ContentListener.NONE));

        assertEquals(50_000, e.quotaBytes());
        assertEquals(content.size(), e.neededBytes());
        assertFalse(store.exists(content.sha256()));
        assertEquals(List.of(), files(root));
    }

    @Test
    void download_notFound_failsWithStatus() {
        server.on("/gone.msi", exchange -> exchange.sendResponseHeaders(404, -1));

        HttpStatusException e = assertThrows(HttpStatusException.class,
                () -> downloader().download(server.uri("/gone.msi"), content.sha256().asDigest(), ContentListener.NONE));

        assertEquals(404, e.status());
    }

    @Test
    void download_nonHttpUrl_refusedWithoutConnecting() {
        assertThrows(UnsupportedUrlException.class, () -> downloader().download(URI.create("file:///etc/passwd"),
                content.sha256().asDigest(), ContentListener.NONE));
    }

    @Test
    void build_clientFollowingRedirectsItself_isRejected() {
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

        assertThrows(IllegalArgumentException.class,
                () -> InstallerDownloader.builder().store(store).httpClient(following).build());
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
