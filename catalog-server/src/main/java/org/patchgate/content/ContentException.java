package org.patchgate.content;

import java.io.IOException;

/**
 * A content failure with a known reason. It is an {@link IOException} because it ends a stream of
 * bytes, so callers that copy streams handle it where they already handle I/O failures.
 */
public abstract class ContentException extends IOException {

    private static final long serialVersionUID = 1L;

    protected ContentException(String message) {
        super(message);
    }

    protected ContentException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The coarse reason a console can filter on. */
    public abstract FailureReason reason();

    public ContentFailure failure() {
        return new ContentFailure(reason(), getMessage());
    }
}
