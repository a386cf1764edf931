package org.patchgate.catalog.format.scup;

/** A whole document (an .sdp or a catalog) cannot be read: refused DTD, not XML, not SCUP. */
final class SdpDocumentException extends Exception {

    SdpDocumentException(String message) {
        super(message);
    }
}
