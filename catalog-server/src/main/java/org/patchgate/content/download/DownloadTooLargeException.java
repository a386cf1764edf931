package org.patchgate.content.download;

import java.net.URI;
import org.patchgate.content.ContentException;
import org.patchgate.content.FailureReason;

/** The file is larger than the download size cap; nothing of it is kept. */
public final class DownloadTooLargeException extends ContentException {

    private static final long serialVersionUID = 1L;

    private final long capBytes;
    private final long sizeBytes;
    private final boolean declared;

    /**
     * @param sizeBytes the declared size, or the bytes received when the stream passed the cap
     * @param declared whether the server declared the size up front (Content-Length / Content-Range)
     */
    public DownloadTooLargeException(URI uri, long capBytes, long sizeBytes, boolean declared) {
        super((declared ? uri + " declares " + sizeBytes + " bytes"
                        : uri + " sent more than the cap (" + sizeBytes + " bytes received)")
                + "; the download size cap is " + capBytes + " bytes");
        this.capBytes = capBytes;
        this.sizeBytes = sizeBytes;
        this.declared = declared;
    }

    public long capBytes() {
        return capBytes;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public boolean declared() {
        return declared;
    }

    @Override
    public FailureReason reason() {
        return FailureReason.TOO_LARGE;
    }
}
