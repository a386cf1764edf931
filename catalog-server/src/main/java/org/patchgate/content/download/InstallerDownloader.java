package org.patchgate.content.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.TimeoutException;
import org.patchgate.catalog.model.Digest;
import org.patchgate.catalog.model.HashAlgorithm;
import org.patchgate.content.ContentHasher;
import org.patchgate.content.ContentListener;
import org.patchgate.content.ContentQuotaExceededException;
import org.patchgate.content.ContentStore;
import org.patchgate.content.ContentVerificationException;
import org.patchgate.content.PartialContent;
import org.patchgate.content.StoredContent;

/**
 * Downloads one installer into a {@link ContentStore}: into the store's staging slot for the expected
 * digest, resuming what an earlier attempt left there, then verifies the whole file against the
 * catalog's digest and commits it under the SHA-256 computed on the way. Named for what it downloads:
 * it knows nothing about installers but their URL and digest, yet every rule here (size cap,
 * verification, resume) is chosen for vendor installers.
 */
public final class InstallerDownloader {

    private static final int COPY_BUFFER = 64 * 1024;

    private final ContentStore store;
    private final HttpSource source;
    private final Clock clock;
    private final DownloadPolicy policy;

    private InstallerDownloader(Builder b) {
        this.store = b.store;
        this.policy = b.policy;
        this.clock = b.clock;
        this.source = new HttpSource(b.client, b.policy);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Downloads {@code url} and stores it if it hashes to {@code expected}.
     *
     * @throws ContentVerificationException if it does not; the partial file is deleted, nothing stored
     * @throws TruncatedDownloadException if the connection ended early; the partial file is kept
     * @throws DownloadTimeoutException if the server stalled or the deadline passed; partial kept
     * @throws DownloadTooLargeException if larger than the size cap; nothing kept
     * @throws RedirectException, HttpStatusException, UnsupportedUrlException, and the store's
     *     {@code ContentQuotaExceededException} and {@code ContentBusyException}
     */
    public StoredContent download(URI url, Digest expected, ContentListener listener) throws IOException {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(listener, "listener");
        requireHttp(url);
        try (PartialContent partial = store.partial(slotKey(expected))) {
            Deadline deadline = new Deadline(clock, policy.overallTimeout());
            ContentHasher.Result hashed = receive(url, expected.algorithm(), partial, deadline, listener);
            try {
                hashed.verify(expected);
            } catch (ContentVerificationException e) {
                partial.discard();
                throw e;
            }
            return partial.commit(hashed.sha256());
        }
    }

    /** The staging slot is named by the digest, so a retry of the same installer finds its partial file. */
    static String slotKey(Digest expected) {
        return expected.algorithm().name().toLowerCase(Locale.ROOT) + "-" + expected.hex();
    }

    private static void requireHttp(URI url) throws UnsupportedUrlException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new UnsupportedUrlException(url);
        }
    }

    private ContentHasher.Result receive(URI url, HashAlgorithm algorithm, PartialContent partial,
            Deadline deadline, ContentListener listener) throws IOException {
        boolean mayResume = true;
        while (true) {
            if (!mayResume) {
                partial.truncate();
            }
            long offset = partial.length();
            HttpSource.Opened opened = source.open(url, offset, deadline);
            try {
                long total;
                int status = opened.status();
                if (offset > 0 && status == 206) {
                    ContentRange range = ContentRange.parse(opened.headers().firstValue("Content-Range").orElse(null));
                    if (range == null || range.first() != offset) {
                        mayResume = false; // not the range asked for: start again without one
                        continue;
                    }
                    total = range.complete();
                } else if (status == 200) {
                    if (offset > 0) {
                        partial.truncate(); // RFC 9110 14.2: a server may ignore Range and send it all
                        offset = 0;
                    }
                    total = contentLength(opened);
                } else if (offset > 0 && status == 416 && unsatisfiedLength(opened) == offset) {
                    // RFC 9110 15.5.17: "bytes */N" gives the current length; equal to what is staged
                    // means an earlier attempt got every byte but stopped before committing them.
                    return hashStaged(partial, algorithm, listener);
                } else if (offset > 0) {
                    mayResume = false; // 416 (partial file longer than the resource) or anything else
                    continue;
                } else {
                    throw new HttpStatusException(opened.uri(), status);
                }
                return stream(opened, offset, total, algorithm, partial, deadline, listener);
            } finally {
                opened.body().cancel();
            }
        }
    }

    private ContentHasher.Result stream(HttpSource.Opened opened, long offset, long total, HashAlgorithm algorithm,
            PartialContent partial, Deadline deadline, ContentListener listener) throws IOException {
        if (total > policy.maxBytes()) {
            partial.discard();
            throw new DownloadTooLargeException(opened.uri(), policy.maxBytes(), total, true);
        }
        if (total >= 0) {
            try {
                store.checkRoom(total);
            } catch (ContentQuotaExceededException e) {
                partial.discard(); // it cannot be stored: keep no staged bytes for it either
                throw e;
            }
        }
        ContentHasher hasher = new ContentHasher(algorithm);
        if (offset > 0) {
            try (InputStream staged = partial.openRead()) {
                hasher.updateAll(staged); // the address is the SHA-256 of the whole file, resumed part too
            }
        }
        long received = offset;
        listener.progress(received, total);
        try (OutputStream out = partial.openAppend()) {
            byte[] copy = new byte[COPY_BUFFER];
            ByteBuffer chunk;
            while ((chunk = nextChunk(opened, deadline, total, received)) != null) {
                int n = chunk.remaining();
                if (n > policy.maxBytes() - received) {
                    throw new DownloadTooLargeException(opened.uri(), policy.maxBytes(), received + n, false);
                }
                while (chunk.hasRemaining()) {
                    int k = Math.min(chunk.remaining(), copy.length);
                    chunk.get(copy, 0, k);
                    out.write(copy, 0, k);
                    hasher.update(copy, 0, k);
                }
                received += n;
                listener.progress(received, total);
            }
        } catch (DownloadTooLargeException e) {
            partial.discard(); // after closing the file: a file being written cannot be deleted on Windows
            throw e;
        }
        if (total >= 0 && received < total) {
            throw new TruncatedDownloadException(opened.uri(), total, received, null);
        }
        return hasher.finish();
    }

    private ByteBuffer nextChunk(HttpSource.Opened opened, Deadline deadline, long total, long received)
            throws IOException {
        if (deadline.passed()) {
            throw new DownloadTimeoutException(DownloadTimeoutException.Kind.DEADLINE, deadline.budget(),
                    opened.uri(), received, null);
        }
        try {
            return opened.body().next(deadline.nextWait(policy.idleTimeout()));
        } catch (TimeoutException e) {
            boolean deadlineHit = deadline.passed();
            throw new DownloadTimeoutException(
                    deadlineHit ? DownloadTimeoutException.Kind.DEADLINE : DownloadTimeoutException.Kind.IDLE,
                    deadlineHit ? deadline.budget() : policy.idleTimeout(), opened.uri(), received, e);
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            // The JDK client reports a connection closed before Content-Length (or before the last chunk
            // of a chunked body) as an IOException on the body stream.
            throw new TruncatedDownloadException(opened.uri(), total, received, e);
        }
    }

    private static ContentHasher.Result hashStaged(PartialContent partial, HashAlgorithm algorithm,
            ContentListener listener) throws IOException {
        ContentHasher hasher = new ContentHasher(algorithm);
        try (InputStream staged = partial.openRead()) {
            hasher.updateAll(staged);
        }
        listener.progress(hasher.length(), hasher.length());
        return hasher.finish();
    }

    /** The N of a 416's {@code Content-Range: bytes *}{@code /N}, or -1. */
    private static long unsatisfiedLength(HttpSource.Opened opened) {
        String header = opened.headers().firstValue("Content-Range").orElse("").strip();
        if (!header.matches("bytes \\*/\\d{1,18}")) {
            return -1;
        }
        return Long.parseLong(header.substring(header.indexOf('/') + 1));
    }

    private static long contentLength(HttpSource.Opened opened) {
        OptionalLong declared = opened.headers().firstValueAsLong("Content-Length");
        return declared.isPresent() && declared.getAsLong() >= 0 ? declared.getAsLong() : -1;
    }

    /** Assembles a downloader; only the store is required. */
    public static final class Builder {

        private ContentStore store;
        private HttpClient client;
        private Clock clock = Clock.systemUTC();
        private DownloadPolicy policy = DownloadPolicy.defaults();

        private Builder() {
        }

        public Builder store(ContentStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** The client to use; it must not follow redirects itself. Default: one built from the policy. */
        public Builder httpClient(HttpClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /** Read for the overall deadline only. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder policy(DownloadPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public InstallerDownloader build() {
            Objects.requireNonNull(store, "store is required");
            if (client == null) {
                client = HttpClient.newBuilder()
                        .connectTimeout(policy.connectTimeout())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
            } else if (client.followRedirects() != HttpClient.Redirect.NEVER) {
                throw new IllegalArgumentException("the HttpClient must use Redirect.NEVER: the downloader "
                        + "follows redirects itself to limit their number and schemes");
            }
            return new InstallerDownloader(this);
        }
    }
}
