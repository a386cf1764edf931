package org.patchgate.catalog.format.winget;

/**
 * One manifest file (or the set it belongs to) cannot be taken: names the file, relative to the
 * source root, and says which field is wrong and how.
 */
final class InvalidManifestException extends Exception {

    private final String file;

    InvalidManifestException(String file, String reason) {
        super(reason);
        this.file = file;
    }

    /** The file the problem is in, relative to the source root. */
    String file() {
        return file;
    }
}
