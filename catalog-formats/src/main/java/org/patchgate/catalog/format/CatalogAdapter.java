package org.patchgate.catalog.format;

import java.nio.file.Path;

/**
 * Reads one catalog format into normalised {@link org.patchgate.catalog.model.CatalogEntry}s.
 *
 * <p>Adapters are stateless and never touch the network or the database: the caller brings the
 * source onto local disk (a folder, a git checkout, a downloaded file) and stores what the sink
 * receives. Every entry is validated before it reaches {@link EntrySink#entry}; a bad entry goes to
 * {@link EntrySink#problem} with its file and reason, and reading goes on.
 */
public interface CatalogAdapter {

    /** The format this adapter reads. */
    SourceFormat format();

    /**
     * Reads every entry under {@code location} (a folder or a single file, as the format allows).
     *
     * @throws CatalogReadException if the location as a whole is not a readable catalog of this format
     */
    void read(Path location, EntrySink sink) throws CatalogReadException;
}
