package org.patchgate.catalog.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.patchgate.catalog.format.SourceFormat;
import org.patchgate.catalog.sync.SourceRevision;
import org.patchgate.content.ContentHasher;

/**
 * Works out what a source holds before it is synced (docs/catalog.md, "Unchanged sources"):
 * <ul>
 *   <li>a catalog file (a {@code .cab}, an {@code .xml}, a JSON file) → the SHA-256 of its bytes;</li>
 *   <li>a folder in a clean git checkout → its commit ({@link GitCheckout});</li>
 *   <li>a download → the SHA-256 of the bytes downloaded;</li>
 *   <li>any other folder → none: it is read, and unchanged entries are skipped by their raw digest.</li>
 * </ul>
 * Every revision is keyed with the Patchgate build and the source's format and location, so an
 * upgrade or an edited source is read again.
 */
public final class SourceRevisions {

    private static final Logger LOG = Logger.getLogger(SourceRevisions.class.getName());

    private final String build;
    private final GitCheckout git;

    public SourceRevisions(String build, GitCheckout git) {
        this.build = build;
        this.git = git;
    }

    /** The revision of a source on local disk, if it has one. */
    public Optional<SourceRevision> ofLocal(SourceFormat format, String location, Path path) {
        if (Files.isRegularFile(path)) {
            try {
                return Optional.of(key(format, location, "sha256 " + sha256(path) + " of the file"));
            } catch (IOException e) {
                LOG.fine(() -> "cannot hash " + path + ": " + e.getMessage());
                return Optional.empty(); // the adapter will report the unreadable file
            }
        }
        if (Files.isDirectory(path)) {
            return git.revision(path).map(commit -> key(format, location, commit));
        }
        return Optional.empty();
    }

    /** The revision of a downloaded source. */
    public SourceRevision ofDownload(SourceFormat format, String location, String sha256) {
        return key(format, location, "sha256 " + sha256 + " of the download");
    }

    private SourceRevision key(SourceFormat format, String location, String description) {
        return SourceRevision.of(description, build, format.name(), location);
    }

    private static String sha256(Path file) throws IOException {
        ContentHasher hasher = ContentHasher.sha256Only();
        try (InputStream in = Files.newInputStream(file)) {
            hasher.updateAll(in);
        }
        return hasher.finish().sha256().hex();
    }
}
