package org.patchgate.catalog.format.winget;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.patchgate.catalog.format.EntryProblem;
import org.patchgate.catalog.format.EntrySink;
import org.patchgate.catalog.format.RawDigest;
import org.patchgate.catalog.model.CatalogEntry;

/**
 * Reads the manifests of one directory into what the sink is to receive, without calling the sink
 * except {@link EntrySink#unchanged} (thread-safe by contract): safe to run on a worker thread.
 *
 * <p>Skipping: when the directory holds exactly one manifest that is not a part file (the version
 * manifest of a multi-file set, or a singleton: winget-pkgs has one version per directory), its
 * path is the entry's source path, so the sink is asked about it with the digest of all the
 * directory's manifests before anything is parsed. The digest goes with the entry only if the
 * directory yielded exactly that entry and no problem, so a directory with a problem is parsed
 * (and its problem reported) on every sync.
 */
final class ManifestDirectory {


    private static final String FOLDER = "a folder named like a manifest (*.yaml) is not read";

    /** What the sink gets for an entry. */
    record Parsed(CatalogEntry entry, String rawDigest) {
    }

    private final Path root;
    private final Path directory;
    private List<Path> files;

    /** The manifests of {@code directory}, listed when read (by name; each is checked to be a regular file). */
    ManifestDirectory(Path root, Path directory) {
        this.root = root;
        this.directory = directory;
    }

    /** Just these manifest files. */
    ManifestDirectory(Path root, List<Path> files) {
        this.root = root;
        this.directory = null;
        this.files = files;
    }

    /**
     * Reads the directory: {@link Parsed} entries and {@link EntryProblem}s in file order; empty if
     * the sink said the entry is unchanged.
     */
    List<Object> read(EntrySink sink) {
        List<Object> out = new ArrayList<>();
        if (files == null) {
            try {
                files = list(directory);
            } catch (IOException e) {
                out.add(new EntryProblem(relative(root, directory), "cannot list folder: " + e.getMessage()));
                return out;
            }
        }
        List<String> names = new ArrayList<>(files.size());
        List<byte[]> contents = new ArrayList<>(files.size());
        List<InvalidManifestException> unreadable = new ArrayList<>(files.size());
        boolean folderProblem = false;
        for (Path path : files) {
            String name = relative(root, path);
            try {
                byte[] bytes = readCapped(path, name);
                if (bytes == null) {
                    continue; // a link or special file: not followed, as before the walk stopped checking
                }
                contents.add(bytes);
                unreadable.add(null);
            } catch (InvalidManifestException e) {
                if (e.getMessage().startsWith(FOLDER)) {
                    out.add(new EntryProblem(e.file(), e.getMessage()));
                    folderProblem = true;
                    continue;
                }
                contents.add(null);
                unreadable.add(e);
            }
            names.add(name);
        }
        String mainFile = folderProblem || unreadable.stream().anyMatch(e -> e != null) ? null : mainFile(names);
        String digest = mainFile == null ? null : digest(names, contents);
        if (digest != null && sink.unchanged(mainFile, digest)) {
            return out;
        }
        parse(names, contents, unreadable, out);
        if (digest != null && out.size() == 1 && out.get(0) instanceof Parsed p && p.entry().sourcePath().equals(mainFile)) {
            out.set(0, new Parsed(p.entry(), digest));
        }
        return out;
    }

    private static List<Path> list(Path directory) throws IOException {
        List<Path> manifests = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(directory)) {
            for (Path child : children) {
                if (isManifest(child.getFileName().toString())) {
                    manifests.add(child);
                }
            }
        }
        manifests.sort(null);
        return manifests;
    }

    private void parse(List<String> names, List<byte[]> contents, List<InvalidManifestException> unreadable,
            List<Object> out) {
        if (names.isEmpty()) {
            return;
        }
        List<Manifest> parts = new ArrayList<>();
        List<String> types = new ArrayList<>();
        InvalidManifestException setProblem = null;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            try {
                if (unreadable.get(i) != null) {
                    throw unreadable.get(i);
                }
                Manifest manifest = new Manifest(name, ManifestYaml.parse(name, contents.get(i)));
                String type = manifest.type();
                if (type.equals("singleton")) {
                    out.add(new Parsed(EntryMapper.map(ManifestSet.singleton(manifest)), null));
                } else {
                    parts.add(manifest);
                    types.add(type);
                }
            } catch (InvalidManifestException e) {
                if (names.size() == 1 || !isPartFileOrPaired(names, name)) {
                    out.add(new EntryProblem(e.file(), e.getMessage()));
                } else if (setProblem == null) {
                    setProblem = e;
                }
            }
        }
        if (setProblem != null) {
            out.add(new EntryProblem(setProblem.file(), setProblem.getMessage()));
        } else if (!parts.isEmpty()) {
            try {
                out.add(new Parsed(EntryMapper.map(ManifestSet.of(parts, types)), null));
            } catch (InvalidManifestException e) {
                out.add(new EntryProblem(e.file(), e.getMessage()));
            }
        }
    }

    private static String digest(List<String> names, List<byte[]> contents) {
        RawDigest digest = new RawDigest(WingetAdapter.MAPPING_VERSION);
        for (int i = 0; i < names.size(); i++) { // in a fixed order: the walk sorts names
            digest.add(names.get(i)).add(contents.get(i));
        }
        return digest.hex();
    }

    /** The one file that is not a part file, or {@code null} if there are none or several. */
    private static String mainFile(List<String> names) {
        String main = null;
        for (String name : names) {
            if (!isPartFile(name)) {
                if (main != null) {
                    return null;
                }
                main = name;
            }
        }
        return main;
    }

    /** The file's bytes; {@code null} for a symbolic link or special file (never followed). */
    private static byte[] readCapped(Path path, String name) throws InvalidManifestException {
        try {
            // One lstat: the walk took the file by its name only (a stat per file costs ~1 s on 200,000 files).
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isDirectory()) {
                throw new InvalidManifestException(name, FOLDER);
            }
            if (!attributes.isRegularFile()) {
                return null;
            }
            if (attributes.size() > ManifestYaml.MAX_BYTES) {
                throw new InvalidManifestException(name, "file is " + attributes.size() + " bytes; manifests larger than "
                        + ManifestYaml.MAX_BYTES + " bytes are not read");
            }
            return readExactly(path, (int) attributes.size());
        } catch (IOException e) {
            throw new InvalidManifestException(name, "cannot read file: " + e.getMessage());
        }
    }

    /**
     * Reads a file whose size the caller just took from {@code lstat}: open, read, close — half the
     * system calls of {@link Files#readAllBytes} (which adds fstat and a read to find the end), and
     * system calls are most of what an unchanged re-sync costs. A file that shrank meanwhile yields
     * what is there; one that grew, its first {@code size} bytes (either way its digest differs).
     */
    private static byte[] readExactly(Path path, int size) throws IOException {
        byte[] bytes = new byte[size];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read until full or end of file
            }
        }
        return buffer.hasRemaining() ? Arrays.copyOf(bytes, buffer.position()) : bytes;
    }

    static boolean isManifest(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /**
     * Whether the file is named {@code *.installer.yaml} or {@code *.locale.<tag>.yaml} (or {@code .yml});
     * string tests rather than a regular expression, as this runs for each of 200,000 files twice.
     *
     * @param name a file name or a relative path (only its last segment counts)
     */
    static boolean isPartFile(String name) {
        String fileName = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        int extension = fileName.endsWith(".yaml") ? 5 : fileName.endsWith(".yml") ? 4 : -1;
        if (extension < 0) {
            return false;
        }
        String stem = fileName.substring(0, fileName.length() - extension);
        if (stem.endsWith(".installer")) {
            return true;
        }
        int tag = stem.lastIndexOf('.');
        // ".locale" right before the last dot, and a non-empty tag after it (startsWith is false for a negative offset).
        return tag < stem.length() - 1 && stem.startsWith(".locale", tag - ".locale".length());
    }

    /** Whether a file that failed to parse belongs to the directory's multi-file set rather than being a lone singleton. */
    private static boolean isPartFileOrPaired(List<String> names, String name) {
        return isPartFile(name) || names.stream().anyMatch(ManifestDirectory::isPartFile);
    }

    static String relative(Path root, Path path) {
        String relative = root.relativize(path).toString().replace('\\', '/');
        return relative.isEmpty() ? path.getFileName().toString() : relative;
    }
}
