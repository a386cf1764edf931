package org.patchgate.content.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgate.content.ContentBusyException;
import org.patchgate.content.ContentQuotaExceededException;
import org.patchgate.content.ContentVerificationException;
import org.patchgate.content.PartialContent;
import org.patchgate.content.StoredContent;
import org.patchgate.content.TestContent;

class FileContentStoreTest {

    @TempDir
    Path root;

    private final TestContent content = TestContent.random(100_000, 1);

    @Test
    void put_matchingBytes_storedUnderShardedSha256Path() throws IOException {
        FileContentStore store = FileContentStore.builder(root).build();

        StoredContent stored = store.put(content.sha256(), new ByteArrayInputStream(content.bytes()));

        String hex = content.sha256().hex();
        assertEquals(new StoredContent(content.sha256(), content.size()), stored);
        assertTrue(Files.isRegularFile(root.resolve("sha256").resolve(hex.substring(0, 2))
                .resolve(hex.substring(2, 4)).resolve(hex)));
        assertTrue(store.exists(content.sha256()));
        assertEquals(OptionalLong.of(content.size()), store.size(content.sha256()));
        try (InputStream in = store.open(content.sha256())) {
            assertArrayEquals(content.bytes(), in.readAllBytes());
        }
        assertEquals(content.size(), store.usedBytes());
    }

    @Test
    void put_bytesNotHashingToAddress_refusedAndNothingStored() throws IOException {
        FileContentStore store = FileContentStore.builder(root).build();

        ContentVerificationException e = assertThrows(ContentVerificationException.class,
                () -> store.put(content.sha256(), new ByteArrayInputStream(content.tampered().bytes())));

        assertEquals(content.sha256().asDigest(), e.expected());
        assertEquals(content.tampered().sha256().asDigest(), e.actual());
        assertFalse(store.exists(content.sha256()));
        assertFalse(store.exists(content.tampered().sha256()));
        assertEquals(0, store.usedBytes());
        assertEquals(List.of(), filesUnder(root));
    }

    @Test
    void put_overQuota_refusedNamingQuotaUsedAndNeeded_andNothingRemains() throws IOException {
        TestContent small = TestContent.random(30_000, 2);
        FileContentStore store = FileContentStore.builder(root).quotaBytes(120_000).build();
        store.put(small.sha256(), new ByteArrayInputStream(small.bytes()));

        ContentQuotaExceededException e = assertThrows(ContentQuotaExceededException.class,
                () -> store.put(content.sha256(), new ByteArrayInputStream(content.bytes())));

        assertEquals(120_000, e.quotaBytes());
        assertEquals(30_000, e.usedBytes());
        assertTrue(e.neededBytes() > 90_000, "needed " + e.neededBytes());
        assertTrue(e.getMessage().contains("quota 120000 bytes"), e.getMessage());
        assertFalse(store.exists(content.sha256()));
        assertEquals(30_000, store.usedBytes());
        assertEquals(List.of(), filesUnder(root.resolve("tmp")));
    }

    @Test
    void checkRoom_beyondQuota_refusedBeforeAnyWrite() throws IOException {
        FileContentStore store = FileContentStore.builder(root).quotaBytes(1000).build();

        store.checkRoom(1000);
        ContentQuotaExceededException e = assertThrows(ContentQuotaExceededException.class, () -> store.checkRoom(1001));
        assertEquals(1001, e.neededBytes());
    }

    @Test
    void put_streamFailingMidway_leavesNothingVisibleOrOnDisk() throws IOException {
        FileContentStore store = FileContentStore.builder(root).build();
        InputStream failing = new FilterInputStream(new ByteArrayInputStream(content.bytes())) {
            private int served;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (served > 50_000) {
                    throw new IOException("connection reset");
                }
                int n = super.read(b, off, Math.min(len, 10_000));
                served += n;
                return n;
            }
        };

        assertThrows(IOException.class, () -> store.put(content.sha256(), failing));

        assertFalse(store.exists(content.sha256()));
        assertEquals(List.of(), filesUnder(root));
        assertEquals(0, store.usedBytes());
    }

    @Test
    void put_inProgress_objectNotVisibleUntilComplete() throws Exception {
        FileContentStore store = FileContentStore.builder(root).build();
        CountDownLatch halfWritten = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        InputStream slow = new FilterInputStream(new ByteArrayInputStream(content.bytes())) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, Math.min(len, content.size() / 2));
                if (n > 0 && halfWritten.getCount() > 0) {
                    halfWritten.countDown();
                    await(release);
                }
                return n;
            }
        };
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<StoredContent> put = pool.submit(() -> store.put(content.sha256(), slow));
            assertTrue(halfWritten.await(5, TimeUnit.SECONDS));

            assertFalse(store.exists(content.sha256()));
            assertEquals(OptionalLong.empty(), store.size(content.sha256()));
            assertThrows(NoSuchFileException.class, () -> store.open(content.sha256()));
            assertEquals(List.of(), filesUnder(root.resolve("sha256")));

            release.countDown();
            assertEquals(content.size(), put.get(5, TimeUnit.SECONDS).size());
            assertTrue(store.exists(content.sha256()));
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void put_sameObjectConcurrently_storedOnceAndCountedOnce() throws Exception {
        FileContentStore store = FileContentStore.builder(root).quotaBytes(content.size() * 8L).build();
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<StoredContent>> puts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                puts.add(pool.submit(() -> {
                    start.await();
                    return store.put(content.sha256(), new ByteArrayInputStream(content.bytes()));
                }));
            }
            for (Future<StoredContent> put : puts) {
                assertEquals(new StoredContent(content.sha256(), content.size()), put.get(5, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(content.size(), store.usedBytes());
        assertEquals(1, filesUnder(root.resolve("sha256")).size());
        assertEquals(List.of(), filesUnder(root.resolve("tmp")));
        try (InputStream in = store.open(content.sha256())) {
            assertArrayEquals(content.bytes(), in.readAllBytes());
        }
    }

    @Test
    void delete_removesObjectAndFreesQuota() throws IOException {
        FileContentStore store = FileContentStore.builder(root).quotaBytes(content.size()).build();
        store.put(content.sha256(), new ByteArrayInputStream(content.bytes()));

        assertTrue(store.delete(content.sha256()));
        assertFalse(store.delete(content.sha256()));

        assertFalse(store.exists(content.sha256()));
        assertEquals(0, store.usedBytes());
        store.checkRoom(content.size());
    }

    @Test
    void build_existingRoot_countsStoredBytesAndSweepsOnlyStaleStagingFiles() throws IOException {
        FileContentStore.builder(root).build().put(content.sha256(), new ByteArrayInputStream(content.bytes()));
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        Path stale = Files.writeString(root.resolve("tmp/put-1.tmp"), "half an object");
        Files.setLastModifiedTime(stale, FileTime.from(now.minus(Duration.ofHours(2))));
        Path young = Files.writeString(root.resolve("tmp/put-2.tmp"), "a put still running");
        Files.setLastModifiedTime(young, FileTime.from(now.minus(Duration.ofMinutes(5))));

        Path abandoned = Files.writeString(root.resolve("partial/sha256-aa.part"), "nobody resumed this");
        Files.setLastModifiedTime(abandoned, FileTime.from(now.minus(Duration.ofDays(8))));
        Path resumable = Files.writeString(root.resolve("partial/sha256-bb.part"), "cut off yesterday");
        Files.setLastModifiedTime(resumable, FileTime.from(now.minus(Duration.ofDays(1))));

        FileContentStore reopened = FileContentStore.builder(root).clock(Clock.fixed(now, ZoneOffset.UTC)).build();

        assertEquals(content.size(), reopened.usedBytes());
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(young));
        assertFalse(Files.exists(abandoned));
        assertTrue(Files.exists(resumable));
    }

    @Test
    void partial_heldByAnotherFetch_isBusyUntilClosed() throws IOException {
        FileContentStore store = FileContentStore.builder(root).build();

        try (PartialContent first = store.partial("sha256-" + content.sha256().hex())) {
            assertThrows(ContentBusyException.class, () -> store.partial(first.key()));
        }
        store.partial("sha256-" + content.sha256().hex()).close();
    }

    @Test
    void partial_unsafeKey_isRejected() throws IOException {
        FileContentStore store = FileContentStore.builder(root).build();

        assertThrows(IllegalArgumentException.class, () -> store.partial("../sha256/ab"));
    }

    @Test
    void partialCommit_wrongAddress_deletesStagedBytesAndStoresNothing() throws IOException {
        FileContentStore store = FileContentStore.builder(root).build();
        try (PartialContent partial = store.partial("test-slot")) {
            try (OutputStream out = partial.openAppend()) {
                out.write(content.tampered().bytes());
            }

            assertThrows(ContentVerificationException.class, () -> partial.commit(content.sha256()));

            assertEquals(0, partial.length());
        }
        assertFalse(store.exists(content.sha256()));
        assertEquals(List.of(), filesUnder(root));
    }

    @Test
    void partialCommit_overQuota_deletesStagedBytes() throws IOException {
        FileContentStore store = FileContentStore.builder(root).quotaBytes(content.size() - 1).build();
        try (PartialContent partial = store.partial("test-slot")) {
            try (OutputStream out = partial.openAppend()) {
                out.write(content.bytes());
            }

            ContentQuotaExceededException e = assertThrows(ContentQuotaExceededException.class,
                    () -> partial.commit(content.sha256()));

            assertEquals(content.size(), e.neededBytes());
            assertEquals(0, partial.length());
        }
        assertEquals(List.of(), filesUnder(root));
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static void await(CountDownLatch latch) throws IOException {
        try {
            if (!latch.await(5, TimeUnit.SECONDS)) {
                throw new IOException("test latch timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
