package org.patchgate.content;

/**
 * Told how fetching one installer's content goes, for the console's progress bar. Called on the
 * fetching thread, once per chunk received (typically every 16–64 KiB): keep it cheap.
 */
public interface ContentListener {

    /** Does nothing. */
    ContentListener NONE = new ContentListener() { };

    default void stateChanged(ContentState state) {
    }

    /**
     * @param bytesDone bytes verified-to-be-stored so far, including bytes resumed from a partial file
     * @param bytesTotal the total size if the server declared it, else -1
     */
    default void progress(long bytesDone, long bytesTotal) {
    }
}
