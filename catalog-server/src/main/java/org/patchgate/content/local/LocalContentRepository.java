package org.patchgate.content.local;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.patchgate.catalog.model.Digest;
import org.patchgate.catalog.model.HashAlgorithm;
import org.patchgate.catalog.model.Installer;
import org.patchgate.catalog.model.Sha256;
import org.patchgate.content.ContentHasher;
import org.patchgate.content.ContentStore;
import org.patchgate.content.ContentVerificationException;
import org.patchgate.content.StoredContent;

/**
 * A folder of installers the administrator provides, like Patch My PC's "local content repository".
 * For an installer it looks, in this order, at
 * <ol>
 *   <li>{@code <root>/<hex>} — the catalog's SHA-256, then its vendor digest, in lower-case hex;</li>
 *   <li>{@code <root>/<hex>/<file name>} — the same, as a folder holding the file under its own name;</li>
 *   <li>{@code <root>/<file name>} — the last segment of the installer URL's path, percent-decoded.</li>
 * </ol>
 * Names match exactly (case-sensitive where the filesystem is); nothing is searched recursively, so a
 * lookup costs a handful of {@code stat} calls. Every candidate is hashed and must match the catalog's
 * digest (SHA-256 if given, else the vendor digest); one that does not is skipped with a warning —
 * common names such as {@code setup.exe} belong to many products — and the next is tried.
 */
public final class LocalContentRepository {

    private static final System.Logger LOG = System.getLogger(LocalContentRepository.class.getName());
    /** Longest file name common filesystems accept (NTFS, ext4: 255). */
    private static final int MAX_NAME = 255;

    private final Path root;

    public LocalContentRepository(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    public Path root() {
        return root;
    }

    /**
     * Imports the first candidate file that verifies into {@code store}.
     *
     * @return what was stored, or empty if no candidate exists or none verifies
     * @throws IllegalArgumentException if the installer has no digest to verify against
     * @throws org.patchgate.content.ContentQuotaExceededException if a verified file does not fit
     */
    public Optional<StoredContent> importInto(ContentStore store, Installer installer) throws IOException {
        Digest expected = installer.sha256() != null ? installer.sha256().asDigest() : installer.vendorDigest();
        if (expected == null) {
            throw new IllegalArgumentException("installer has no digest to verify against: " + installer.url());
        }
        for (Path candidate : candidates(installer)) {
            if (!Files.isRegularFile(candidate)) {
                continue;
            }
            try {
                StoredContent stored = importVerified(store, candidate, expected);
                LOG.log(Level.INFO, "imported {0} from the local content repository as {1}", candidate,
                        stored.sha256());
                return Optional.of(stored);
            } catch (ContentVerificationException e) {
                LOG.log(Level.WARNING, "skipped {0} in the local content repository: {1}", candidate,
                        e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** The paths looked at for an installer, in lookup order (they need not exist). */
    public List<Path> candidates(Installer installer) {
        List<String> hexes = new ArrayList<>();
        if (installer.sha256() != null) {
            hexes.add(installer.sha256().hex());
        }
        if (installer.vendorDigest() != null) {
            hexes.add(installer.vendorDigest().hex());
        }
        Optional<String> name = fileName(installer.url());
        Set<Path> paths = new LinkedHashSet<>();
        for (String hex : hexes) {
            paths.add(root.resolve(hex));
        }
        for (String hex : hexes) {
            name.ifPresent(n -> paths.add(root.resolve(hex).resolve(n)));
        }
        name.ifPresent(n -> paths.add(root.resolve(n)));
        return List.copyOf(paths);
    }

    private static StoredContent importVerified(ContentStore store, Path file, Digest expected) throws IOException {
        if (expected.algorithm() == HashAlgorithm.SHA256) {
            // The store hashes while it writes and refuses a mismatch: one read of the file.
            try (InputStream in = Files.newInputStream(file)) {
                return store.put(new Sha256(expected.hex()), in);
            }
        }
        ContentHasher hasher = new ContentHasher(expected.algorithm());
        try (InputStream in = Files.newInputStream(file)) {
            hasher.updateAll(in);
        }
        ContentHasher.Result hashed = hasher.finish();
        hashed.verify(expected);
        // Second read: the store checks the SHA-256 again, so a file changed in between is refused.
        try (InputStream in = Files.newInputStream(file)) {
            return store.put(hashed.sha256(), in);
        }
    }

    /**
     * The URL's last path segment if it is a plain file name. Catalog URLs are not trusted: a segment
     * that decodes to a path ({@code ..}, separators, a drive letter) is not used.
     */
    static Optional<String> fileName(URI url) {
        String path = url.getPath(); // percent-decoded
        if (path == null || path.isEmpty() || path.endsWith("/")) {
            return Optional.empty();
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.length() > MAX_NAME) {
            return Optional.empty();
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || c == ':' || c == '/') {
                return Optional.empty();
            }
        }
        try {
            Path.of(name);
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        return Optional.of(name);
    }
}
