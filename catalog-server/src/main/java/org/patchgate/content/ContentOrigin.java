package org.patchgate.content;

/** Where verified content came from. */
public enum ContentOrigin {
    /** The store already held an object with the catalog's SHA-256. */
    ALREADY_STORED,
    /** Imported from the local content repository. */
    LOCAL_REPOSITORY,
    /** Downloaded from the installer's URL. */
    DOWNLOADED
}
