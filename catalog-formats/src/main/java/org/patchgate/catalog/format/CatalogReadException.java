package org.patchgate.catalog.format;

/**
 * The source as a whole cannot be read (its location is missing, not a catalog of this format, or
 * an archive is unreadable). Problems with single entries are reported through
 * {@link EntrySink#problem} instead.
 */
public class CatalogReadException extends Exception {

    public CatalogReadException(String message) {
        super(message);
    }

    public CatalogReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
