package org.patchgate.content.download;

import java.net.URI;
import org.patchgate.content.ContentException;
import org.patchgate.content.FailureReason;

/** The connection ended before the whole file arrived; the bytes received are kept for resuming. */
public final class TruncatedDownloadException extends ContentException {

    private static final long serialVersionUID = 1L;

    private final long expectedBytes;
    private final long receivedBytes;

    /** @param expectedBytes the declared total size, or -1 if the server did not declare one */
    public TruncatedDownloadException(URI uri, long expectedBytes, long receivedBytes, Throwable cause) {
        super("connection to " + uri + " ended after " + receivedBytes + " of "
                + (expectedBytes < 0 ? "an undeclared number of" : String.valueOf(expectedBytes))
                + " bytes; the partial file is kept and the next attempt resumes", cause);
        this.expectedBytes = expectedBytes;
        this.receivedBytes = receivedBytes;
    }

    public long expectedBytes() {
        return expectedBytes;
    }

    public long receivedBytes() {
        return receivedBytes;
    }

    @Override
    public FailureReason reason() {
        return FailureReason.TRUNCATED;
    }
}
