package org.patchgate.content;

import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;
import org.patchgate.catalog.model.Sha256;

/**
 * Installer content addressed by SHA-256, stored once however many installers share it.
 *
 * <p>Every implementation keeps these promises: an object is visible only once all of its bytes are
 * stored; an object is stored only under the SHA-256 of its bytes (anything else is refused with
 * {@link ContentVerificationException}); a put that would exceed the quota is refused with
 * {@link ContentQuotaExceededException}; a refused put leaves nothing behind. The interface speaks in
 * streams so a store that is not a local disk (object storage, a remote cache) can implement it.
 */
public interface ContentStore {

    /** Whether an object with this address is stored. */
    boolean exists(Sha256 address) throws IOException;

    /** The size of the stored object, or empty if there is none. */
    OptionalLong size(Sha256 address) throws IOException;

    /**
     * Opens the stored object for reading.
     *
     * @throws java.nio.file.NoSuchFileException if nothing is stored under this address
     */
    InputStream open(Sha256 address) throws IOException;

    /**
     * Stores the bytes of {@code content} (read to its end, not closed) under {@code address}. If the
     * object is already stored, {@code content} is not read and the stored object is returned.
     *
     * @throws ContentVerificationException if the bytes do not hash to {@code address}
     * @throws ContentQuotaExceededException if storing them would exceed the quota
     */
    StoredContent put(Sha256 address, InputStream content) throws IOException;

    /** Deletes the object; returns whether there was one. Readers that have it open may finish. */
    boolean delete(Sha256 address) throws IOException;

    /** Bytes taken by stored objects (not staging). */
    long usedBytes();

    /** The quota in bytes, or {@link Long#MAX_VALUE} if none is set. */
    long quotaBytes();

    /**
     * Fails now if {@code bytes} more would not fit under the quota, so a download of known size is
     * refused before it starts rather than after.
     */
    void checkRoom(long bytes) throws ContentQuotaExceededException;

    /**
     * Takes the staging slot {@code key} for a resumable download, creating it empty if needed. One
     * holder at a time: a second caller gets {@link ContentBusyException} until the first closes it.
     *
     * @param key lower-case letters, digits and dashes, at most 200 characters
     */
    PartialContent partial(String key) throws IOException;
}
