package org.patchgate.content.download;

import java.net.URI;
import org.patchgate.content.ContentException;
import org.patchgate.content.FailureReason;

/** Patchgate downloads only http and https URLs with a host. */
public final class UnsupportedUrlException extends ContentException {

    private static final long serialVersionUID = 1L;

    public UnsupportedUrlException(URI uri) {
        super("only http and https URLs with a host can be downloaded: " + uri);
    }

    @Override
    public FailureReason reason() {
        return FailureReason.UNSUPPORTED_URL;
    }
}
