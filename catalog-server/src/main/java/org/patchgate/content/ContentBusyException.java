package org.patchgate.content;

/**
 * The staging slot for this content is held by another fetch. Two downloads appending to one partial
 * file would corrupt it, so the second one is refused rather than queued.
 */
public final class ContentBusyException extends ContentException {

    private static final long serialVersionUID = 1L;

    public ContentBusyException(String key) {
        super("a fetch of the same content is already in progress (staging slot " + key + ")");
    }

    @Override
    public FailureReason reason() {
        return FailureReason.IN_PROGRESS;
    }
}
