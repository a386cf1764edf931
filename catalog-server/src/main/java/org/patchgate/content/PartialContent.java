package org.patchgate.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.patchgate.catalog.model.Sha256;

/**
 * A file being downloaded into a store's staging area. It survives a failed attempt (and a restart)
 * so the next attempt can resume with an HTTP Range request; it is never visible as content until
 * {@link #commit(Sha256)} moves it into the store. Close it to let another fetch take the slot.
 */
public interface PartialContent extends AutoCloseable {

    /** The slot's key. */
    String key();

    /** Bytes staged so far. */
    long length() throws IOException;

    /** Reads the staged bytes from the start. */
    InputStream openRead() throws IOException;

    /** Appends to the staged bytes; the stream is synced to disk when closed. */
    OutputStream openAppend() throws IOException;

    /** Drops the staged bytes, keeping the slot, to start the download again from scratch. */
    void truncate() throws IOException;

    /** Drops the staged bytes for good. */
    void discard() throws IOException;

    /**
     * Makes the staged bytes the object {@code address}. The store hashes them itself: on a mismatch
     * or a quota failure the staged bytes are deleted and nothing is stored.
     *
     * @throws ContentVerificationException if the bytes do not hash to {@code address}
     * @throws ContentQuotaExceededException if they do not fit under the quota
     */
    StoredContent commit(Sha256 address) throws IOException;

    @Override
    void close() throws IOException;
}
