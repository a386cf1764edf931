package org.patchgate.content;

/** Storing an object would take the store over its disk quota; nothing of it is kept. */
public final class ContentQuotaExceededException extends ContentException {

    private static final long serialVersionUID = 1L;

    private final long quotaBytes;
    private final long usedBytes;
    private final long neededBytes;

    /**
     * @param quotaBytes the configured quota
     * @param usedBytes bytes stored or reserved by puts in progress
     * @param neededBytes bytes the refused object needs (at least this many if its size was not known
     *     up front)
     */
    public ContentQuotaExceededException(long quotaBytes, long usedBytes, long neededBytes) {
        super("content store quota exceeded: quota " + quotaBytes + " bytes, " + usedBytes
                + " bytes used, " + neededBytes + " more bytes needed (raise the quota or delete content)");
        this.quotaBytes = quotaBytes;
        this.usedBytes = usedBytes;
        this.neededBytes = neededBytes;
    }

    public long quotaBytes() {
        return quotaBytes;
    }

    public long usedBytes() {
        return usedBytes;
    }

    public long neededBytes() {
        return neededBytes;
    }

    @Override
    public FailureReason reason() {
        return FailureReason.QUOTA_EXCEEDED;
    }
}
