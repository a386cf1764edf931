package org.patchgate.content;

import java.util.Objects;

/**
 * Why fetching one installer's content failed, as shown to an administrator.
 *
 * @param reason the kind of failure
 * @param message one sentence naming what was expected and what happened
 */
public record ContentFailure(FailureReason reason, String message) {

    public ContentFailure {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        if (message.isBlank()) {
            throw new IllegalArgumentException("a failure needs a message");
        }
    }

    /** The failure an exception describes; a typed {@link ContentException} knows its own reason. */
    public static ContentFailure of(Exception e) {
        if (e instanceof ContentException ce) {
            return ce.failure();
        }
        String message = e.getMessage() == null || e.getMessage().isBlank()
                ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new ContentFailure(FailureReason.IO_ERROR, message);
    }
}
