package org.patchgate.catalog.format.scoop;

/**
 * One Scoop manifest cannot be taken. The message names the field (as a JSON path such as
 * {@code architecture.64bit.hash[1]}) and what is wrong with it, and becomes the reason of the
 * sync report's {@link org.patchgate.catalog.format.EntryProblem}.
 */
public final class ScoopManifestException extends Exception {

    private final String field;

    public ScoopManifestException(String field, String problem) {
        super(field == null ? problem : field + ": " + problem);
        this.field = field;
    }

    /** The JSON path of the offending field, or {@code null} when the file as a whole is bad. */
    public String field() {
        return field;
    }
}
