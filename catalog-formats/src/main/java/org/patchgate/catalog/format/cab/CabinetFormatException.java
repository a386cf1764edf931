package org.patchgate.catalog.format.cab;

import java.io.IOException;

/** The bytes are not a cabinet this reader accepts: malformed, truncated, hostile or over a limit. */
public class CabinetFormatException extends IOException {

    public CabinetFormatException(String message) {
        super(message);
    }

    public CabinetFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
