package org.patchgate.catalog.format.winget;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import org.patchgate.catalog.format.CatalogAdapter;
import org.patchgate.catalog.format.CatalogReadException;
import org.patchgate.catalog.format.EntryProblem;
import org.patchgate.catalog.format.EntrySink;
import org.patchgate.catalog.format.SourceFormat;

/**
 * Reads a winget-pkgs checkout ({@code manifests/<letter>/<publisher>/<package>/<version>/}) or
 * any folder of winget manifests: each directory holding {@code .yaml} files is read on its own,
 * as one multi-file manifest set plus any number of singleton manifests.
 *
 * <p>Directories are parsed in parallel on a small pool ({@link #WingetAdapter(int)}, default one
 * thread per processor); the sink still sees one thread and walk order ({@link InOrderParsing}).
 * Before parsing a directory, the sink is asked whether its raw files are unchanged
 * ({@link EntrySink#unchanged}, see {@link ManifestDirectory}); if so it is not parsed.
 *
 * <p>Memory stays bounded by a few directories' manifests per thread: the tree is walked one
 * directory at a time, and each file is capped at {@link ManifestYaml#MAX_CODE_POINTS} code points.
 * Symbolic links are not followed. A folder named like a manifest ({@code *.yaml}) is reported, not read.
 */
public final class WingetAdapter implements CatalogAdapter {

    /**
     * Part of every version directory's raw digest ({@link org.patchgate.catalog.format.RawDigest}):
     * bump whenever what this adapter makes of the same files changes (a field mapped differently, a
     * new check); stored digests then stop matching and every entry is parsed again on the next sync.
     */
    static final String MAPPING_VERSION = "winget-mapping-1";

    /** Deeper than any winget-pkgs path (manifests/a/A/E/T/EuropeB/V/…/version is 10 levels). */
    private static final int MAX_DEPTH = 24;

    private final int threads;
    private final ThreadFactory threadFactory;

    /** Parses on one thread per available processor. */
    public WingetAdapter() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** @param threads parsing threads; 1 parses on the calling thread */
    public WingetAdapter(int threads) {
        this(threads, null);
    }

    /**
     * @param threads parsing threads; 1 parses on the calling thread
     * @param threadFactory makes the parsing threads (in an application server, its managed thread
     *     factory); null: plain daemon threads
     */
    public WingetAdapter(int threads, ThreadFactory threadFactory) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.threads = threads;
        this.threadFactory = threadFactory;
    }

    @Override
    public SourceFormat format() {
        return SourceFormat.WINGET;
    }

    @Override
    public void read(Path location, EntrySink sink) throws CatalogReadException {
        Path root = location.toAbsolutePath().normalize();
        if (Files.isRegularFile(root, LinkOption.NOFOLLOW_LINKS) && ManifestDirectory.isManifest(root.getFileName().toString())) {
            sink.expect(1);
            try (InOrderParsing parsing = new InOrderParsing(sink, 1, null)) {
                parsing.submit(new ManifestDirectory(root.getParent(), List.of(root)));
            }
            return;
        }
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new CatalogReadException("not a folder of winget manifests: " + location);
        }
        // One walk finds the directories that hold manifests (and counts entries for expect);
        // the workers then list and read each of them. Listing the tree twice cost ~0.8 s of 3 s
        // of an unchanged re-sync (75,000 folders); the list costs ~150 bytes per version directory.
        List<Object> units = new ArrayList<>();
        int expected;
        try {
            expected = walk(root, root, 0, units);
        } catch (IOException e) {
            throw new CatalogReadException("cannot list " + location + ": " + e.getMessage(), e);
        }
        if (expected == 0) {
            throw new CatalogReadException("no winget manifests (*.yaml) under " + location);
        }
        sink.expect(expected);
        try (InOrderParsing parsing = new InOrderParsing(sink, threads, threadFactory)) {
            for (int i = 0; i < units.size(); i++) {
                Object unit = units.set(i, null); // let go of what was handed over
                if (unit instanceof Path directory) {
                    parsing.submit(new ManifestDirectory(root, directory));
                } else {
                    parsing.problem((EntryProblem) unit);
                }
            }
            parsing.finish();
        }
    }

    /**
     * Visits every directory under {@code dir} in name order, adding to {@code units} each directory
     * holding manifests and a problem for each folder too deep to read, in walk order. Returns the
     * entries to expect: one per manifest that is not an installer or locale file, at least one per
     * directory. Reads no file.
     *
     * <p>Hidden children (names starting with a dot) are not visited: a checkout of winget-pkgs has
     * {@code .git} and {@code .github}, whose workflow files are YAML but no manifests.
     *
     * <p>Children named {@code *.yaml}/{@code *.yml} are taken as manifest files by their name alone,
     * and only other children are checked for being a directory: a stat per file would cost about as
     * much as listing the tree (winget-pkgs: 200,000 files). {@link ManifestDirectory} checks each file.
     */
    private int walk(Path root, Path dir, int depth, List<Object> units) throws IOException {
        int manifests = 0;
        int mainFiles = 0;
        List<Path> subdirectories = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (name.startsWith(".")) {
                    continue; // .git (hundreds of thousands of objects), .github (workflow YAML that is no manifest)
                }
                if (ManifestDirectory.isManifest(name)) {
                    manifests++;
                    mainFiles += ManifestDirectory.isPartFile(name) ? 0 : 1;
                } else if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    subdirectories.add(child);
                }
            }
        }
        subdirectories.sort(null);
        int count = 0;
        if (manifests > 0) {
            units.add(dir);
            count += Math.max(1, mainFiles);
        }
        if (depth < MAX_DEPTH) {
            for (Path sub : subdirectories) {
                count += walk(root, sub, depth + 1, units);
            }
        } else if (!subdirectories.isEmpty()) {
            units.add(new EntryProblem(ManifestDirectory.relative(root, dir), "folders nested deeper than "
                    + MAX_DEPTH + " levels are not read"));
        }
        return count;
    }
}
