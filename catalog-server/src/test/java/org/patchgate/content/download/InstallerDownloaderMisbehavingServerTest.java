package org.patchgate.content.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgate.content.ContentBusyException;
import org.patchgate.content.ContentListener;
import org.patchgate.content.ContentVerificationException;
import org.patchgate.content.PartialContent;
import org.patchgate.content.ScriptedServer;
import org.patchgate.content.ScriptedServer.Responder;
import org.patchgate.content.StoredContent;
import org.patchgate.content.TestContent;
import org.patchgate.content.store.FileContentStore;

/** Servers that close early, stall, trickle or answer a Range request oddly, over raw loopback sockets. */
class InstallerDownloaderMisbehavingServerTest {

    /** Short so a stall test ends quickly; tests assert the kind of failure, never its timing. */
    private static final Duration SHORT_IDLE = Duration.ofMillis(200);
    /** For tests that must not time out, even on a loaded machine. */
    private static final Duration PATIENT_IDLE = Duration.ofSeconds(10);

    @TempDir
    Path root;

    private final TestContent content = TestContent.random(100_000, 11);
    private FileContentStore store;
    private ScriptedServer server;

    @BeforeEach
    void openStore() throws IOException {
        store = FileContentStore.builder(root).build();
    }

    @AfterEach
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private StoredContent download() throws IOException {
        return download(PATIENT_IDLE);
    }

    private StoredContent download(Duration idle) throws IOException {
        return InstallerDownloader.builder().store(store).policy(DownloadPolicy.defaults().withIdleTimeout(idle))
                .build().download(server.uri("/app.msi"), content.sha256().asDigest(), ContentListener.NONE);
    }

    /** 200 with the full Content-Length, but only the first {@code sent} bytes, then the connection closes. */
    private Responder truncatedAt(int sent) {
        return (head, out) -> {
            out.write(ScriptedServer.head("200 OK", "Content-Length: " + content.size() + "\r\n"));
            out.write(content.bytes(), 0, sent);
            return true;
        };
    }

    private Responder partialFrom(int offset) {
        return (head, out) -> {
            out.write(ScriptedServer.head("206 Partial Content",
                    "Content-Range: bytes " + offset + "-" + (content.size() - 1) + "/" + content.size() + "\r\n"
                            + "Content-Length: " + (content.size() - offset) + "\r\n"));
            out.write(content.bytes(), offset, content.size() - offset);
            return true;
        };
    }

    private Responder whole() {
        return (head, out) -> {
            out.write(ScriptedServer.head("200 OK", "Content-Length: " + content.size() + "\r\n"));
            out.write(content.bytes());
            return true;
        };
    }

    @Test
    void download_connectionClosedEarly_failsTruncatedAndKeepsPartial_thenResumesWithRange() throws Exception {
        server = new ScriptedServer(truncatedAt(40_000), partialFrom(40_000));

        TruncatedDownloadException e = assertThrows(TruncatedDownloadException.class, this::download);

        assertEquals(content.size(), e.expectedBytes());
        assertEquals(40_000, e.receivedBytes());
        assertFalse(store.exists(content.sha256()));
        try (PartialContent partial = store.partial(InstallerDownloader.slotKey(content.sha256().asDigest()))) {
            assertEquals(40_000, partial.length());
        }

        StoredContent stored = download();

        assertTrue(server.requests().get(1).contains("\r\nRange: bytes=40000-\r\n"), server.requests().get(1));
        assertFalse(server.requests().get(0).contains("Range:"));
        assertEquals(new StoredContent(content.sha256(), content.size()), stored);
        try (InputStream in = store.open(content.sha256())) {
            assertArrayEquals(content.bytes(), in.readAllBytes());
        }
        assertEquals(0, Files.list(root.resolve("partial")).count());
    }

    @Test
    void resume_serverIgnoresRangeWith200_restartsFromScratchAndVerifies() throws Exception {
        server = new ScriptedServer(truncatedAt(30_000), whole());
        assertThrows(TruncatedDownloadException.class, this::download);

        StoredContent stored = download();

        assertTrue(server.requests().get(1).contains("Range: bytes=30000-"));
        assertEquals(content.size(), stored.size());
        try (InputStream in = store.open(content.sha256())) {
            assertArrayEquals(content.bytes(), in.readAllBytes());
        }
    }

    @Test
    void resume_serverAnswers416_restartsWithoutRange() throws Exception {
        Responder unsatisfiable = (head, out) -> {
            out.write(ScriptedServer.head("416 Range Not Satisfiable",
                    "Content-Range: bytes */" + content.size() + "\r\nContent-Length: 0\r\n"));
            return true;
        };
        server = new ScriptedServer(truncatedAt(30_000), unsatisfiable, whole());
        assertThrows(TruncatedDownloadException.class, this::download);

        StoredContent stored = download();

        assertEquals(3, server.requests().size());
        assertFalse(server.requests().get(2).contains("Range:"), server.requests().get(2));
        assertEquals(content.sha256(), stored.sha256());
    }

    @Test
    void resume_partialAlreadyComplete_416WithSameLength_verifiesStagedBytesWithoutRedownload() throws Exception {
        try (PartialContent partial = store.partial(InstallerDownloader.slotKey(content.sha256().asDigest()));
                OutputStream out = partial.openAppend()) {
            out.write(content.bytes()); // an earlier attempt got everything, then the process stopped
        }
        server = new ScriptedServer((head, out) -> {
            out.write(ScriptedServer.head("416 Range Not Satisfiable",
                    "Content-Range: bytes */" + content.size() + "\r\nContent-Length: 0\r\n"));
            return true;
        });

        StoredContent stored = download();

        assertEquals(new StoredContent(content.sha256(), content.size()), stored);
        assertEquals(1, server.requests().size());
        assertTrue(server.requests().get(0).contains("Range: bytes=" + content.size() + "-"));
    }

    @Test
    void resume_206ForAnotherOffset_restartsWithoutRange() throws Exception {
        server = new ScriptedServer(truncatedAt(30_000), partialFrom(10_000), whole());
        assertThrows(TruncatedDownloadException.class, this::download);

        StoredContent stored = download();

        assertFalse(server.requests().get(2).contains("Range:"));
        assertEquals(content.sha256(), stored.sha256());
    }

    @Test
    void download_serverStallsMidBody_failsWithIdleTimeoutAndKeepsPartial() throws Exception {
        server = new ScriptedServer((head, out) -> {
            out.write(ScriptedServer.head("200 OK", "Content-Length: " + content.size() + "\r\n"));
            out.write(content.bytes(), 0, 20_000);
            return false; // headers and some bytes, then nothing, connection left open
        });

        DownloadTimeoutException e = assertThrows(DownloadTimeoutException.class, () -> download(SHORT_IDLE));

        assertEquals(DownloadTimeoutException.Kind.IDLE, e.kind());
        assertTrue(e.getMessage().contains("idle timeout"), e.getMessage());
        assertFalse(store.exists(content.sha256()));
        try (PartialContent partial = store.partial(InstallerDownloader.slotKey(content.sha256().asDigest()))) {
            assertEquals(20_000, partial.length());
        }
    }

    @Test
    void download_serverNeverAnswers_failsWithIdleTimeout() throws Exception {
        server = new ScriptedServer((head, out) -> false);

        DownloadTimeoutException e = assertThrows(DownloadTimeoutException.class, () -> download(SHORT_IDLE));

        assertEquals(DownloadTimeoutException.Kind.IDLE, e.kind());
    }

    @Test
    void download_serverTricklesForever_endsAtOverallDeadline() throws Exception {
        server = new ScriptedServer((head, out) -> {
            out.write(ScriptedServer.head("200 OK", "Content-Length: " + content.size() + "\r\n"));
            for (int i = 0; i < content.size(); i++) {
                out.write(content.bytes()[i]);
                out.flush();
                Thread.sleep(20); // far inside the idle timeout, so only the deadline can end it
            }
            return true;
        });
        InstallerDownloader downloader = InstallerDownloader.builder().store(store)
                .policy(DownloadPolicy.defaults().withIdleTimeout(PATIENT_IDLE)
                        .withOverallTimeout(Duration.ofMillis(300)))
                .build();

        DownloadTimeoutException e = assertThrows(DownloadTimeoutException.class,
                () -> downloader.download(server.uri("/app.msi"), content.sha256().asDigest(), ContentListener.NONE));

        assertEquals(DownloadTimeoutException.Kind.DEADLINE, e.kind());
    }

    @Test
    void download_sameContentAlreadyDownloading_refusedAsBusy() throws Exception {
        server = new ScriptedServer(whole());
        try (PartialContent held = store.partial(InstallerDownloader.slotKey(content.sha256().asDigest()))) {

            assertThrows(ContentBusyException.class, this::download);

            assertEquals(0, server.requests().size());
        }
    }

    @Test
    void download_resumedPrefixCorrupted_failsVerificationAndDropsPartial() throws Exception {
        server = new ScriptedServer(truncatedAt(40_000), partialFrom(40_000), whole());
        assertThrows(TruncatedDownloadException.class, this::download);
        Path partialFile = root.resolve("partial")
                .resolve(InstallerDownloader.slotKey(content.sha256().asDigest()) + ".part");
        byte[] staged = Files.readAllBytes(partialFile);
        Arrays.fill(staged, 0, 100, (byte) 0);
        Files.write(partialFile, staged);

        assertThrows(ContentVerificationException.class, this::download);
        assertFalse(Files.exists(partialFile));

        assertEquals(content.sha256(), download().sha256());
        assertFalse(server.requests().get(2).contains("Range:"));
    }
}
