package org.patchgate.content.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.patchgate.catalog.model.Sha256;
import org.patchgate.content.ContentBusyException;
import org.patchgate.content.ContentHasher;
import org.patchgate.content.ContentQuotaExceededException;
import org.patchgate.content.ContentStore;
import org.patchgate.content.ContentVerificationException;
import org.patchgate.content.PartialContent;
import org.patchgate.content.StoredContent;

/**
 * A {@link ContentStore} in a directory:
 * <pre>
 * root/sha256/ab/cd/abcd…   stored objects, named by their SHA-256
 * root/tmp/                 puts being written; swept at start when older than {@code staleAfter}
 * root/partial/key.part     resumable downloads; swept at start when untouched for {@code partialsKeptFor}
 * </pre>
 * Bytes are written to {@code tmp/} or {@code partial/}, hashed, forced to disk and only then renamed
 * into {@code sha256/} with an atomic move — the three folders share one filesystem, so a crash
 * leaves either the whole object or none of it visible. One instance per root directory.
 */
public final class FileContentStore implements ContentStore {

    private static final System.Logger LOG = System.getLogger(FileContentStore.class.getName());
    private static final Pattern SLOT_KEY = Pattern.compile("[a-z0-9-]{1,200}");
    private static final int BUFFER = 64 * 1024;

    private final Path objects;
    private final Path tmp;
    private final Path partials;
    private final QuotaLedger ledger;
    private final Set<String> heldSlots = ConcurrentHashMap.newKeySet();
    /** Serialises "is it there? move it in, count it" so concurrent puts of one object count it once. */
    private final Object installLock = new Object();

    private FileContentStore(Builder b) throws IOException {
        this.objects = Files.createDirectories(b.root.resolve("sha256"));
        this.tmp = Files.createDirectories(b.root.resolve("tmp"));
        this.partials = Files.createDirectories(b.root.resolve("partial"));
        // Temporaries are the remains of puts cut off by a crash (young ones may belong to a put still
        // running in another instance); partials are downloads nobody resumed, e.g. of a withdrawn update.
        sweep(tmp, b.clock.instant().minus(b.staleAfter));
        sweep(partials, b.clock.instant().minus(b.partialsKeptFor));
        this.ledger = new QuotaLedger(b.quotaBytes, sumObjectSizes());
    }

    public static Builder builder(Path root) {
        return new Builder(root);
    }

    @Override
    public boolean exists(Sha256 address) {
        return Files.isRegularFile(pathOf(address));
    }

    @Override
    public OptionalLong size(Sha256 address) throws IOException {
        try {
            return OptionalLong.of(Files.size(pathOf(address)));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public InputStream open(Sha256 address) throws IOException {
        return Files.newInputStream(pathOf(address));
    }

    @Override
    public StoredContent put(Sha256 address, InputStream content) throws IOException {
        Objects.requireNonNull(address, "address");
        OptionalLong existing = size(address);
        if (existing.isPresent()) {
            return new StoredContent(address, existing.getAsLong());
        }
        Path temp = Files.createTempFile(tmp, "put-", ".tmp");
        long reserved = 0;
        try {
            ContentHasher hasher = ContentHasher.sha256Only();
            try (OutputStream out = new SyncingOutputStream(FileChannel.open(temp, StandardOpenOption.WRITE))) {
                byte[] buffer = new byte[BUFFER];
                int n;
                while ((n = content.read(buffer)) != -1) {
                    ledger.reserve(n, reserved);
                    reserved += n;
                    out.write(buffer, 0, n);
                    hasher.update(buffer, 0, n);
                }
            }
            ContentHasher.Result hashed = hasher.finish();
            if (!hashed.sha256().equals(address)) {
                throw new ContentVerificationException(address.asDigest(), hashed.sha256().asDigest());
            }
            long reservation = reserved;
            reserved = 0; // install() takes the reservation over
            return install(temp, address, hashed.length(), reservation);
        } finally {
            ledger.release(reserved);
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public boolean delete(Sha256 address) throws IOException {
        synchronized (installLock) {
            Path path = pathOf(address);
            OptionalLong size = size(address);
            if (size.isEmpty() || !Files.deleteIfExists(path)) {
                return false;
            }
            ledger.removed(size.getAsLong());
            return true;
        }
    }

    @Override
    public long usedBytes() {
        return ledger.used();
    }

    @Override
    public long quotaBytes() {
        return ledger.quota();
    }

    @Override
    public void checkRoom(long bytes) throws ContentQuotaExceededException {
        ledger.check(bytes, 0);
    }

    @Override
    public PartialContent partial(String key) throws IOException {
        if (!SLOT_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("staging key must be 1-200 of [a-z0-9-]: " + key);
        }
        if (!heldSlots.add(key)) {
            throw new ContentBusyException(key);
        }
        return new FilePartialContent(this, key, partials.resolve(key + ".part"));
    }

    void releaseSlot(String key) {
        heldSlots.remove(key);
    }

    /** Verifies a staged file and moves it in; the staged file is gone afterwards unless I/O failed. */
    StoredContent commitStaged(Path staged, Sha256 address) throws IOException {
        ContentHasher hasher = ContentHasher.sha256Only();
        try (InputStream in = Files.newInputStream(staged)) {
            hasher.updateAll(in);
        }
        ContentHasher.Result hashed = hasher.finish();
        if (!hashed.sha256().equals(address)) {
            Files.deleteIfExists(staged);
            throw new ContentVerificationException(address.asDigest(), hashed.sha256().asDigest());
        }
        try {
            ledger.reserve(hashed.length(), 0);
        } catch (ContentQuotaExceededException e) {
            Files.deleteIfExists(staged);
            throw e;
        }
        try (FileChannel channel = FileChannel.open(staged, StandardOpenOption.WRITE)) {
            channel.force(false);
        } catch (IOException e) {
            ledger.release(hashed.length());
            throw e;
        }
        return install(staged, address, hashed.length(), hashed.length());
    }

    /**
     * Moves a verified file to its address and turns its quota reservation into used bytes. If another
     * put stored the same object first, the file is dropped and the reservation released.
     */
    private StoredContent install(Path verified, Sha256 address, long size, long reservation) throws IOException {
        Path target = pathOf(address);
        boolean counted = false;
        try {
            synchronized (installLock) {
                if (Files.isRegularFile(target)) {
                    Files.deleteIfExists(verified);
                    return new StoredContent(address, Files.size(target));
                }
                Files.createDirectories(target.getParent());
                moveAtomically(verified, target);
                ledger.stored(size, reservation);
                counted = true;
            }
            syncDirectory(target.getParent());
            return new StoredContent(address, size);
        } finally {
            if (!counted) {
                ledger.release(reservation);
            }
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // Only if someone mounted sha256/ on another filesystem than tmp/: refuse rather than copy,
            // since a copy could be seen half-written.
            throw new IOException("content store folders must be on one filesystem: " + e.getMessage(), e);
        }
    }

    /** Best effort: makes the rename durable on POSIX filesystems; not supported on Windows. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "could not sync directory {0}: {1}", directory, e.getMessage());
        }
    }

    Path pathOf(Sha256 address) {
        String hex = address.hex();
        return objects.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    private long sumObjectSizes() throws IOException {
        try (Stream<Path> files = Files.walk(objects)) {
            return files.filter(Files::isRegularFile).mapToLong(FileContentStore::sizeOf).sum();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sweep(Path directory, Instant olderThan) throws IOException {
        FileTime cutoff = FileTime.from(olderThan);
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.getLastModifiedTime(file).compareTo(cutoff) < 0) {
                    Files.deleteIfExists(file);
                    LOG.log(Level.INFO, "removed stale content staging file {0}", file);
                }
            }
        }
    }

    /** Options of a {@link FileContentStore}. */
    public static final class Builder {

        private final Path root;
        private long quotaBytes = Long.MAX_VALUE;
        private Clock clock = Clock.systemUTC();
        private Duration staleAfter = Duration.ofHours(1);
        private Duration partialsKeptFor = Duration.ofDays(7);

        private Builder(Path root) {
            this.root = Objects.requireNonNull(root, "root");
        }

        /** Most bytes stored objects may take; staging (partial downloads) is not counted. */
        public Builder quotaBytes(long quotaBytes) {
            if (quotaBytes < 0) {
                throw new IllegalArgumentException("quota is negative: " + quotaBytes);
            }
            this.quotaBytes = quotaBytes;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Age after which a leftover temporary file is taken for the remains of a crashed put. */
        public Builder staleAfter(Duration staleAfter) {
            this.staleAfter = Objects.requireNonNull(staleAfter, "staleAfter");
            return this;
        }

        /** How long an untouched partial download is kept for a resume. */
        public Builder partialsKeptFor(Duration partialsKeptFor) {
            this.partialsKeptFor = Objects.requireNonNull(partialsKeptFor, "partialsKeptFor");
            return this;
        }

        /** Creates the folders if needed, sweeps stale temporaries and counts stored bytes. */
        public FileContentStore build() throws IOException {
            return new FileContentStore(this);
        }
    }
}
