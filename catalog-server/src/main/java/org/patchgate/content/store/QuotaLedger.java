package org.patchgate.content.store;

import org.patchgate.content.ContentQuotaExceededException;

/**
 * Bytes stored plus bytes reserved by puts in progress, against a quota. Puts reserve as they write so
 * two concurrent puts cannot each see room that only exists for one of them.
 */
final class QuotaLedger {

    private final long quota;
    private long used;
    private long reserved;

    QuotaLedger(long quota, long used) {
        this.quota = quota;
        this.used = used;
    }

    long quota() {
        return quota;
    }

    synchronized long used() {
        return used;
    }

    /**
     * Fails unless {@code bytes} more fit.
     *
     * @param callerReserved what the asking put has already reserved: reported as needed, not as used
     */
    synchronized void check(long bytes, long callerReserved) throws ContentQuotaExceededException {
        // Written as a subtraction: quota may be Long.MAX_VALUE, where used + reserved + bytes overflows.
        if (bytes > quota - used - reserved) {
            throw new ContentQuotaExceededException(quota, used + reserved - callerReserved, callerReserved + bytes);
        }
    }

    synchronized void reserve(long bytes, long callerReserved) throws ContentQuotaExceededException {
        check(bytes, callerReserved);
        reserved += bytes;
    }

    synchronized void release(long bytes) {
        reserved -= bytes;
    }

    /** A reservation became a stored object of {@code size} bytes. */
    synchronized void stored(long size, long reservation) {
        reserved -= reservation;
        used += size;
    }

    synchronized void removed(long size) {
        used -= size;
    }
}
