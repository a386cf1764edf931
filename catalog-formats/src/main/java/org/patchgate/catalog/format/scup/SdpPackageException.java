package org.patchgate.catalog.format.scup;

/** One package cannot be taken: which field is wrong, and how. */
final class SdpPackageException extends Exception {

    SdpPackageException(String message) {
        super(message);
    }

    SdpPackageException(String message, Throwable cause) {
        super(message, cause);
    }
}
