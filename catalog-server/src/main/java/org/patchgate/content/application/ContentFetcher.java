package org.patchgate.content.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.patchgate.catalog.model.Digest;
import org.patchgate.catalog.model.Installer;
import org.patchgate.content.ContentException;
import org.patchgate.content.ContentFailure;
import org.patchgate.content.ContentListener;
import org.patchgate.content.ContentOrigin;
import org.patchgate.content.ContentOutcome;
import org.patchgate.content.ContentState;
import org.patchgate.content.ContentStore;
import org.patchgate.content.FailureReason;
import org.patchgate.content.StoredContent;
import org.patchgate.content.download.DownloadPolicy;
import org.patchgate.content.download.InstallerDownloader;
import org.patchgate.content.local.LocalContentRepository;

/**
 * Makes an installer's content {@link ContentState#VERIFIED} or says why it cannot:
 * <ol>
 *   <li>no catalog hash → FAILED ({@link FailureReason#NO_HASH}): Patchgate stores only what it can
 *       verify;</li>
 *   <li>the store already holds the catalog's SHA-256 → VERIFIED, nothing read;</li>
 *   <li>the local content repository has a file that verifies → imported, VERIFIED;</li>
 *   <li>otherwise downloaded, verified and stored → VERIFIED, or FAILED with the reason.</li>
 * </ol>
 * Two fetches of the same content in this process run one after the other, so the second finds
 * it stored instead of downloading it again. Failures are returned, not thrown, so a batch goes on with the next installer; only programming
 * errors escape as exceptions.
 */
public final class ContentFetcher {

    private final ContentStore store;
    private final InstallerDownloader downloader;
    private final LocalContentRepository localRepository;
    private final Clock clock;
    /** Fetches of the same content wait for each other; the second then finds it stored. */
    private final KeyedLocks inFlight = new KeyedLocks();

    private ContentFetcher(Builder b) {
        this.store = b.store;
        this.localRepository = b.localRepository;
        this.clock = b.clock;
        InstallerDownloader.Builder download = InstallerDownloader.builder()
                .store(b.store).clock(b.clock).policy(b.policy);
        if (b.httpClient != null) {
            download.httpClient(b.httpClient);
        }
        this.downloader = download.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public ContentOutcome fetch(Installer installer, ContentListener listener) {
        Objects.requireNonNull(installer, "installer");
        Objects.requireNonNull(listener, "listener");
        Digest expected = installer.sha256() != null ? installer.sha256().asDigest() : installer.vendorDigest();
        if (expected == null) {
            return fail(listener, new ContentFailure(FailureReason.NO_HASH,
                    "the catalog gives no hash for " + installer.url() + "; only verified content is stored"));
        }
        try (KeyedLocks.Held ignored = inFlight.lock(expected.toString())) {
            if (installer.sha256() != null) {
                var size = store.size(installer.sha256());
                if (size.isPresent()) {
                    return verified(listener, new StoredContent(installer.sha256(), size.getAsLong()),
                            ContentOrigin.ALREADY_STORED);
                }
            }
            listener.stateChanged(ContentState.DOWNLOADING);
            if (localRepository != null) {
                Optional<StoredContent> local = localRepository.importInto(store, installer);
                if (local.isPresent()) {
                    return verified(listener, local.get(), ContentOrigin.LOCAL_REPOSITORY);
                }
            }
            StoredContent downloaded = downloader.download(installer.url(), expected, listener);
            return verified(listener, downloaded, ContentOrigin.DOWNLOADED);
        } catch (IOException e) {
            return fail(listener, failure(installer, e));
        } catch (UncheckedIOException e) {
            return fail(listener, failure(installer, e.getCause()));
        }
    }

    /** Typed failures carry their own message; for others (connection refused, disk full) name the URL. */
    private static ContentFailure failure(Installer installer, IOException e) {
        if (e instanceof ContentException typed) {
            return typed.failure();
        }
        String detail = e.getMessage() == null || e.getMessage().isBlank()
                ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new ContentFailure(FailureReason.IO_ERROR, "fetching " + installer.url() + " failed: " + detail);
    }

    private ContentOutcome verified(ContentListener listener, StoredContent content, ContentOrigin origin) {
        listener.progress(content.size(), content.size());
        listener.stateChanged(ContentState.VERIFIED);
        return ContentOutcome.verified(content, origin, clock.instant());
    }

    private ContentOutcome fail(ContentListener listener, ContentFailure failure) {
        listener.stateChanged(ContentState.FAILED);
        return ContentOutcome.failed(failure, clock.instant());
    }

    /** Assembles a fetcher; only the store is required. */
    public static final class Builder {

        private ContentStore store;
        private HttpClient httpClient;
        private DownloadPolicy policy = DownloadPolicy.defaults();
        private LocalContentRepository localRepository;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder store(ContentStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** Must not follow redirects itself; default: one built from the policy. */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        public Builder policy(DownloadPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Optional: consulted before the network. */
        public Builder localRepository(LocalContentRepository localRepository) {
            this.localRepository = localRepository;
            return this;
        }

        /** Stamps outcomes and times the download deadline. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public ContentFetcher build() {
            Objects.requireNonNull(store, "store is required");
            return new ContentFetcher(this);
        }
    }
}
