package org.patchgate.content.download;

import java.net.URI;
import org.patchgate.content.ContentException;
import org.patchgate.content.FailureReason;

/** The server answered with a status that is neither a success nor a redirect. */
public final class HttpStatusException extends ContentException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public HttpStatusException(URI uri, int status) {
        super(uri + " answered HTTP " + status);
        this.status = status;
    }

    public int status() {
        return status;
    }

    @Override
    public FailureReason reason() {
        return FailureReason.HTTP_STATUS;
    }
}
