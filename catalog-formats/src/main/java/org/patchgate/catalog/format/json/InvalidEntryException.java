package org.patchgate.catalog.format.json;

/** A field of an entry is wrong; the message starts with the field's JSON path ({@code entries[3].installers[0].sha256}). */
final class InvalidEntryException extends Exception {

    InvalidEntryException(String path, String what) {
        super(path + ": " + what);
    }
}
