package org.patchgate.catalog.format.winget;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.patchgate.catalog.format.CatalogAdapter;
import org.patchgate.catalog.format.CatalogReadException;
import org.patchgate.catalog.format.EntryProblem;
import org.patchgate.catalog.format.EntrySink;
import org.patchgate.catalog.format.SourceFormat;
import org.patchgate.catalog.model.CatalogEntry;

/**
 * Reads a winget-pkgs checkout ({@code manifests/<letter>/<publisher>/<package>/<version>/}) or
 * any folder of winget manifests: each directory holding {@code .yaml} files is read on its own,
 * as one multi-file manifest set plus any number of singleton manifests.
 *
 * <p>Memory stays bounded by one directory's manifests: the tree is walked one directory at a
 * time, and each file is capped at {@link ManifestYaml#MAX_CODE_POINTS} code points. Symbolic
 * links are not followed.
 */
public final class WingetAdapter implements CatalogAdapter {

    /** Deeper than any winget-pkgs path (manifests/a/A/E/T/EuropeB/V/…/version is 10 levels). */
    private static final int MAX_DEPTH = 24;

    @Override
    public SourceFormat format() {
        return SourceFormat.WINGET;
    }

    @Override
    public void read(Path location, EntrySink sink) throws CatalogReadException {
        Path root = location.toAbsolutePath().normalize();
        if (Files.isRegularFile(root, LinkOption.NOFOLLOW_LINKS) && isManifest(root)) {
            sink.expect(1);
            readDirectory(root.getParent(), List.of(root), sink);
            return;
        }
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new CatalogReadException("not a folder of winget manifests: " + location);
        }
        int expected;
        try {
            expected = walk(root, root, 0, null);
        } catch (IOException e) {
            throw new CatalogReadException("cannot list " + location + ": " + e.getMessage(), e);
        }
        if (expected == 0) {
            throw new CatalogReadException("no winget manifests (*.yaml) under " + location);
        }
        sink.expect(expected);
        try {
            walk(root, root, 0, sink);
        } catch (IOException e) {
            throw new CatalogReadException("cannot read " + location + ": " + e.getMessage(), e);
        }
    }

    /**
     * Visits every directory under {@code dir} in name order. Without a sink it only counts the
     * entries to expect (one per manifest that is not an installer or locale file), reading no file.
     */
    private int walk(Path root, Path dir, int depth, EntrySink sink) throws IOException {
        List<Path> manifests = new ArrayList<>();
        List<Path> subdirectories = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    subdirectories.add(child);
                } else if (Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS) && isManifest(child)) {
                    manifests.add(child);
                }
            }
        }
        manifests.sort(null);
        subdirectories.sort(null);
        int count = 0;
        if (!manifests.isEmpty()) {
            if (sink == null) {
                long main = manifests.stream().filter(p -> !isPartFile(p)).count();
                count += (int) Math.max(1, main);
            } else {
                readDirectory(root, manifests, sink);
            }
        }
        if (depth < MAX_DEPTH) {
            for (Path sub : subdirectories) {
                count += walk(root, sub, depth + 1, sink);
            }
        } else if (sink != null && !subdirectories.isEmpty()) {
            sink.problem(new EntryProblem(relative(root, dir), "folders nested deeper than " + MAX_DEPTH
                    + " levels are not read"));
        }
        return count;
    }

    private void readDirectory(Path root, List<Path> files, EntrySink sink) {
        List<Manifest> parts = new ArrayList<>();
        List<String> types = new ArrayList<>();
        InvalidManifestException setProblem = null;
        for (Path path : files) {
            String name = relative(root, path);
            try {
                Manifest manifest = new Manifest(name, ManifestYaml.parse(name, readCapped(path, name)));
                String type = manifest.type();
                if (type.equals("singleton")) {
                    emit(ManifestSet.singleton(manifest), sink);
                } else {
                    parts.add(manifest);
                    types.add(type);
                }
            } catch (InvalidManifestException e) {
                if (files.size() == 1 || !isPartFileOrPaired(files, path)) {
                    sink.problem(new EntryProblem(e.file(), e.getMessage()));
                } else if (setProblem == null) {
                    setProblem = e;
                }
            }
        }
        if (setProblem != null) {
            sink.problem(new EntryProblem(setProblem.file(), setProblem.getMessage()));
        } else if (!parts.isEmpty()) {
            try {
                emit(ManifestSet.of(parts, types), sink);
            } catch (InvalidManifestException e) {
                sink.problem(new EntryProblem(e.file(), e.getMessage()));
            }
        }
    }

    private static void emit(ManifestSet set, EntrySink sink) throws InvalidManifestException {
        CatalogEntry entry = EntryMapper.map(set);
        sink.entry(entry);
    }

    private static byte[] readCapped(Path path, String name) throws InvalidManifestException {
        try {
            long size = Files.size(path);
            if (size > ManifestYaml.MAX_BYTES) {
                throw new InvalidManifestException(name, "file is " + size + " bytes; manifests larger than "
                        + ManifestYaml.MAX_BYTES + " bytes are not read");
            }
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new InvalidManifestException(name, "cannot read file: " + e.getMessage());
        }
    }

    private static boolean isManifest(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** winget-pkgs names the parts of a multi-file set {@code <id>.installer.yaml} and {@code <id>.locale.<tag>.yaml}. */
    private static boolean isPartFile(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.matches(".*\\.(installer|locale\\.[^.]+)\\.ya?ml");
    }

    /** Whether a file that failed to parse belongs to the directory's multi-file set rather than being a lone singleton. */
    private static boolean isPartFileOrPaired(List<Path> files, Path path) {
        return isPartFile(path) || files.stream().anyMatch(WingetAdapter::isPartFile);
    }

    private static String relative(Path root, Path path) {
        String relative = root.relativize(path).toString().replace('\\', '/');
        return relative.isEmpty() ? path.getFileName().toString() : relative;
    }
}
