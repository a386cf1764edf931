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
}
