package org.patchgate.content.download;

import java.net.URI;
import java.time.Duration;
import org.patchgate.content.ContentException;
import org.patchgate.content.FailureReason;

/** A download took too long; what was received is kept for resuming. */
public final class DownloadTimeoutException extends ContentException {

    private static final long serialVersionUID = 1L;

    /** Which limit was hit. */
    public enum Kind {
        /** No TCP connection within the connect timeout. */
        CONNECT,
        /** No response headers, or no body bytes, within the idle timeout. */
        IDLE,
        /** The whole download (all requests and redirects) passed its deadline. */
        DEADLINE
    }

    private final Kind kind;
    private final transient Duration limit;

    public DownloadTimeoutException(Kind kind, Duration limit, URI uri, long received, Throwable cause) {
        super(describe(kind, limit, uri, received), cause);
        this.kind = kind;
        this.limit = limit;
    }

    private static String describe(Kind kind, Duration limit, URI uri, long received) {
        String what = switch (kind) {
            case CONNECT -> "could not connect within " + limit.toMillis() + " ms";
            case IDLE -> "no data for " + limit.toMillis() + " ms (idle timeout)";
            case DEADLINE -> "download did not finish within its deadline of " + limit.toMillis() + " ms";
        };
        return what + " from " + uri + " after " + received + " bytes";
    }

    public Kind kind() {
        return kind;
    }

    public Duration limit() {
        return limit;
    }

    @Override
    public FailureReason reason() {
        return FailureReason.TIMEOUT;
    }
}
