package org.patchgate.content;

/** Where the content of one installer stands, as the console shows it. */
public enum ContentState {
    /** Nothing stored yet and nothing in progress. */
    MISSING,
    /** Being taken from the local content repository or downloaded. */
    DOWNLOADING,
    /** Stored, and its bytes matched the catalog's hash. */
    VERIFIED,
    /** The last attempt failed; {@link ContentFailure} says why. */
    FAILED
}
