package org.patchgate.content.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgate.catalog.model.HashAlgorithm;
import org.patchgate.catalog.model.Installer;
import org.patchgate.content.ContentFailure;
import org.patchgate.content.ContentListener;
import org.patchgate.content.ContentOrigin;
import org.patchgate.content.ContentOutcome;
import org.patchgate.content.ContentState;
import org.patchgate.content.FailureReason;
import org.patchgate.content.LoopbackHttpServer;
import org.patchgate.content.StoredContent;
import org.patchgate.content.TestContent;
import org.patchgate.content.TestInstallers;
import org.patchgate.content.download.DownloadPolicy;
import org.patchgate.content.local.LocalContentRepository;
import org.patchgate.content.store.FileContentStore;

class ContentFetcherTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:30:00Z");

    @TempDir
    Path storeRoot;

    @TempDir
    Path repositoryRoot;

    private final TestContent content = TestContent.random(80_000, 31);
    private final LoopbackHttpServer server;
    private final RecordingListener listener = new RecordingListener();
    private FileContentStore store;

    ContentFetcherTest() throws IOException {
        server = new LoopbackHttpServer();
    }

    @BeforeEach
    void openStore() throws IOException {
        store = FileContentStore.builder(storeRoot).build();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private ContentFetcher fetcher() {
        return ContentFetcher.builder().store(store)
                .localRepository(new LocalContentRepository(repositoryRoot))
                .policy(DownloadPolicy.defaults().withIdleTimeout(Duration.ofSeconds(5)))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
    }

    @Test
    void fetch_downloadVerifies_outcomeVerifiedWithSha256SizeAndProgress() {
        server.serve("/app.msi", content.bytes());

        ContentOutcome outcome = fetcher().fetch(
                TestInstallers.withSha256(server.uri("/app.msi"), content.sha256()), listener);

        assertEquals(ContentOutcome.verified(new StoredContent(content.sha256(), content.size()),
                ContentOrigin.DOWNLOADED, NOW), outcome);
        assertEquals(List.of(ContentState.DOWNLOADING, ContentState.VERIFIED), listener.states);
        assertEquals(content.size(), listener.lastDone);
        assertEquals(content.size(), listener.lastTotal);
    }

    @Test
    void fetch_localRepositoryHasFile_usedBeforeNetworkAndServerGetsNoRequest() throws IOException {
        server.serve("/app.msi", content.bytes());
        Files.write(repositoryRoot.resolve("app.msi"), content.bytes());

        ContentOutcome outcome = fetcher().fetch(
                TestInstallers.withSha256(server.uri("/app.msi"), content.sha256()), listener);

        assertEquals(ContentState.VERIFIED, outcome.state());
        assertEquals(ContentOrigin.LOCAL_REPOSITORY, outcome.origin());
        assertEquals(List.of(), server.requestedPaths());
        assertTrue(store.exists(content.sha256()));
    }

    @Test
    void fetch_localFileDoesNotVerify_fallsBackToNetwork() throws IOException {
        server.serve("/app.msi", content.bytes());
        Files.write(repositoryRoot.resolve("app.msi"), content.tampered().bytes());

        ContentOutcome outcome = fetcher().fetch(
                TestInstallers.withSha256(server.uri("/app.msi"), content.sha256()), listener);

        assertEquals(ContentOrigin.DOWNLOADED, outcome.origin());
        assertEquals(List.of("/app.msi"), server.requestedPaths());
    }

    @Test
    void fetch_alreadyStored_verifiedWithoutAnyRequest() throws IOException {
        store.put(content.sha256(), new ByteArrayInputStream(content.bytes()));
        server.serve("/app.msi", content.bytes());

        ContentOutcome outcome = fetcher().fetch(
                TestInstallers.withSha256(server.uri("/app.msi"), content.sha256()), listener);

        assertEquals(ContentOrigin.ALREADY_STORED, outcome.origin());
        assertEquals(List.of(), server.requestedPaths());
    }

    @Test
    void fetch_tamperedDownload_failedWithVerificationReasonNamingBothHashes() {
        server.serve("/app.msi", content.tampered().bytes());

        ContentOutcome outcome = fetcher().fetch(
                TestInstallers.withSha256(server.uri("/app.msi"), content.sha256()), listener);

        assertEquals(ContentState.FAILED, outcome.state());
        assertEquals(FailureReason.VERIFICATION_FAILED, outcome.failure().reason());
        assertTrue(outcome.failure().message().contains(content.sha256().hex()), outcome.failure().message());
        assertTrue(outcome.failure().message().contains(content.tampered().sha256().hex()));
        assertNull(outcome.sha256());
        assertEquals(NOW, outcome.decidedAt());
        assertEquals(List.of(ContentState.DOWNLOADING, ContentState.FAILED), listener.states);
        assertEquals(0, store.usedBytes());
    }

    @Test
    void fetch_vendorMd5Only_verifiedAndAddressedBySha256() {
        server.serve("/tool.exe", content.bytes());
        Installer installer = TestInstallers.withVendorDigest(server.uri("/tool.exe"), content.digest(HashAlgorithm.MD5));

        ContentOutcome outcome = fetcher().fetch(installer, listener);

        assertEquals(ContentState.VERIFIED, outcome.state());
        assertEquals(content.sha256(), outcome.sha256());
    }

    @Test
    void fetch_catalogGivesNoHash_failedWithoutDownloading() {
        server.serve("/app.msi", content.bytes());

        ContentOutcome outcome = fetcher().fetch(TestInstallers.withoutHash(server.uri("/app.msi")), listener);

        assertEquals(FailureReason.NO_HASH, outcome.failure().reason());
        assertEquals(List.of(), server.requestedPaths());
    }

    @Test
    void fetch_serverRefuses_failedWithHttpStatusReason() {
        server.on("/app.msi", exchange -> exchange.sendResponseHeaders(403, -1));

        ContentOutcome outcome = fetcher().fetch(
                TestInstallers.withSha256(server.uri("/app.msi"), content.sha256()), listener);

        assertEquals(new ContentFailure(FailureReason.HTTP_STATUS, server.uri("/app.msi") + " answered HTTP 403"),
                outcome.failure());
    }

    @Test
    void fetch_connectionRefused_failedWithIoErrorNamingTheUrl() throws IOException {
        URI closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/app.msi");
        }

        ContentOutcome outcome = fetcher().fetch(TestInstallers.withSha256(closedPort, content.sha256()), listener);

        assertEquals(FailureReason.IO_ERROR, outcome.failure().reason());
        assertTrue(outcome.failure().message().startsWith("fetching " + closedPort + " failed: "),
                outcome.failure().message());
    }

    @Test
    void fetch_sameContentTwiceAtOnce_secondWaitsAndFindsItStored_oneDownload() throws Exception {
        CountDownLatch firstRequestArrived = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        server.on("/x64.msi", exchange -> {
            firstRequestArrived.countDown();
            try {
                releaseFirst.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, content.size());
            exchange.getResponseBody().write(content.bytes());
        });
        server.serve("/x86.msi", content.bytes());
        ContentFetcher fetcher = fetcher();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<ContentOutcome> first = pool.submit(() -> fetcher.fetch(
                    TestInstallers.withSha256(server.uri("/x64.msi"), content.sha256()), ContentListener.NONE));
            firstRequestArrived.await();
            Thread[] second = new Thread[1];
            Future<ContentOutcome> secondOutcome = pool.submit(() -> {
                second[0] = Thread.currentThread();
                return fetcher.fetch(TestInstallers.withSha256(server.uri("/x86.msi"), content.sha256()), ContentListener.NONE);
            });
            while (second[0] == null || second[0].getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
            releaseFirst.countDown();

            assertEquals(ContentOrigin.DOWNLOADED, first.get().origin());
            assertEquals(ContentOrigin.ALREADY_STORED, secondOutcome.get().origin());
            assertEquals(List.of("/x64.msi"), server.requestedPaths());
        } finally {
            releaseFirst.countDown();
            pool.shutdownNow();
        }
    }

    private static final class RecordingListener implements ContentListener {
        final List<ContentState> states = new CopyOnWriteArrayList<>();
        volatile long lastDone = -1;
        volatile long lastTotal = -1;

        @Override
        public void stateChanged(ContentState state) {
            states.add(state);
        }

        @Override
        public void progress(long bytesDone, long bytesTotal) {
            lastDone = bytesDone;
            lastTotal = bytesTotal;
        }
    }
}
