package org.patchgate.content.download;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Sends one GET and follows redirects itself, so that their number, their schemes and loops are
 * checked (the JDK client's own {@code Redirect.NORMAL} allows 5 hops but does not report loops and
 * cannot be told to keep a Range header).
 */
final class HttpSource {

    private final HttpClient client;
    private final DownloadPolicy policy;

    HttpSource(HttpClient client, DownloadPolicy policy) {
        this.client = client;
        this.policy = policy;
    }

    /** A final (non-redirect) response whose body is still to be read. */
    record Opened(URI uri, int status, HttpHeaders headers, BodyChunks body) {
    }

    /**
     * @param rangeStart if positive, asks for the bytes from there on ({@code Range: bytes=N-}, RFC 9110
     *     14.1.2), on every hop
     */
    Opened open(URI start, long rangeStart, Deadline deadline) throws IOException {
        URI current = start;
        Set<String> visited = new HashSet<>();
        visited.add(identity(start));
        int redirects = 0;
        while (true) {
            HttpResponse<BodyChunks> response = send(current, rangeStart, deadline);
            int status = response.statusCode();
            if (!isRedirect(status)) {
                return new Opened(current, status, response.headers(), response.body());
            }
            response.body().cancel();
            String location = response.headers().firstValue("Location").orElse(null);
            URI next = resolve(current, location);
            if (++redirects > policy.maxRedirects()) {
                throw new RedirectException(RedirectException.Kind.TOO_MANY, current, location,
                        "more than " + policy.maxRedirects() + " redirects from " + start);
            }
            if (!visited.add(identity(next))) {
                throw new RedirectException(RedirectException.Kind.LOOP, current, location,
                        "redirect loop, " + next + " was already visited");
            }
            current = next;
        }
    }

    private HttpResponse<BodyChunks> send(URI uri, long rangeStart, Deadline deadline) throws IOException {
        Duration wait = deadline.nextWait(policy.idleTimeout());
        if (wait.isZero()) {
            throw new DownloadTimeoutException(DownloadTimeoutException.Kind.DEADLINE, deadline.budget(), uri, 0, null);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(wait)
                .header("User-Agent", policy.userAgent());
        if (rangeStart > 0) {
            request.header("Range", "bytes=" + rangeStart + "-");
        }
        try {
            return client.send(request.build(), info -> new BodyChunks());
        } catch (HttpConnectTimeoutException e) {
            throw new DownloadTimeoutException(DownloadTimeoutException.Kind.CONNECT,
                    client.connectTimeout().orElse(policy.connectTimeout()), uri, 0, e);
        } catch (HttpTimeoutException e) {
            boolean deadlineHit = deadline.passed();
            throw new DownloadTimeoutException(
                    deadlineHit ? DownloadTimeoutException.Kind.DEADLINE : DownloadTimeoutException.Kind.IDLE,
                    deadlineHit ? deadline.budget() : wait, uri, 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while requesting " + uri);
        }
    }

    private static boolean isRedirect(int status) {
        // RFC 9110 15.4: 301, 302, 303, 307, 308 carry a Location to follow; 300 and 304 do not.
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    static URI resolve(URI current, String location) throws RedirectException {
        if (location == null || location.isBlank()) {
            throw new RedirectException(RedirectException.Kind.BAD_LOCATION, current, location,
                    "redirect without a Location header");
        }
        URI next;
        try {
            next = current.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw new RedirectException(RedirectException.Kind.BAD_LOCATION, current, location,
                    "Location is not a valid URI");
        }
        String from = current.getScheme().toLowerCase(Locale.ROOT);
        String to = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
        if (!to.equals("http") && !to.equals("https")) {
            throw new RedirectException(RedirectException.Kind.SCHEME, current, location,
                    "only http and https are followed");
        }
        if (from.equals("https") && to.equals("http")) {
            throw new RedirectException(RedirectException.Kind.SCHEME, current, location,
                    "a downgrade from https to http is not followed");
        }
        if (next.getHost() == null) {
            throw new RedirectException(RedirectException.Kind.BAD_LOCATION, current, location,
                    "Location has no host");
        }
        return next;
    }

    /** What makes two URLs the same resource for loop detection: no fragment, case-folded host. */
    private static String identity(URI uri) {
        URI n = uri.normalize();
        return n.getScheme().toLowerCase(Locale.ROOT) + "://" + n.getRawAuthority().toLowerCase(Locale.ROOT)
                + (n.getRawPath() == null || n.getRawPath().isEmpty() ? "/" : n.getRawPath())
                + (n.getRawQuery() == null ? "" : "?" + n.getRawQuery());
    }
}
