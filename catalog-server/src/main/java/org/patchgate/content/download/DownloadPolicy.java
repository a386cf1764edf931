package org.patchgate.content.download;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits every download runs under.
 *
 * @param connectTimeout to open a TCP (and TLS) connection; used when the downloader builds its own
 *     HttpClient
 * @param idleTimeout to wait for response headers, and then between any two chunks of the body: a
 *     server that stalls is dropped after this long
 * @param overallTimeout for the whole download, all redirects and the resume restart included, so a
 *     server trickling one byte per idle period still ends
 * @param maxRedirects redirects followed before giving up (browsers allow ~20; vendor CDNs use 1–3)
 * @param maxBytes largest file accepted, by declared size or by bytes received
 * @param userAgent sent with every request; some vendor CDNs refuse requests without one
 */
public record DownloadPolicy(
        Duration connectTimeout,
        Duration idleTimeout,
        Duration overallTimeout,
        int maxRedirects,
        long maxBytes,
        String userAgent) {

    public DownloadPolicy {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(idleTimeout, "idleTimeout");
        requirePositive(overallTimeout, "overallTimeout");
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects is negative: " + maxRedirects);
        }
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes is negative: " + maxBytes);
        }
        Objects.requireNonNull(userAgent, "userAgent");
    }

    /** 10 s connect, 30 s idle, 4 h overall, 5 redirects, 16 GiB, a Patchgate user agent. */
    public static DownloadPolicy defaults() {
        return new DownloadPolicy(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofHours(4), 5,
                16L * 1024 * 1024 * 1024, "Patchgate-Content/0.1");
    }

    public DownloadPolicy withIdleTimeout(Duration idle) {
        return new DownloadPolicy(connectTimeout, idle, overallTimeout, maxRedirects, maxBytes, userAgent);
    }

    public DownloadPolicy withOverallTimeout(Duration overall) {
        return new DownloadPolicy(connectTimeout, idleTimeout, overall, maxRedirects, maxBytes, userAgent);
    }

    public DownloadPolicy withMaxRedirects(int redirects) {
        return new DownloadPolicy(connectTimeout, idleTimeout, overallTimeout, redirects, maxBytes, userAgent);
    }

    public DownloadPolicy withMaxBytes(long bytes) {
        return new DownloadPolicy(connectTimeout, idleTimeout, overallTimeout, maxRedirects, bytes, userAgent);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
