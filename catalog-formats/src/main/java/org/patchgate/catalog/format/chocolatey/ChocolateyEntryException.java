package org.patchgate.catalog.format.chocolatey;

/** One package cannot be taken; the message names the field and the problem. */
final class ChocolateyEntryException extends Exception {

    ChocolateyEntryException(String message) {
        super(message);
    }
}
