package org.patchgate.catalog.format.scoop;

import java.io.IOException;
import java.io.InputStream;
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
import org.patchgate.catalog.format.RawDigest;
import org.patchgate.catalog.format.SourceFormat;

/**
 * Reads a Scoop bucket: a folder with {@code bucket/*.json} (the layout of ScoopInstaller/Main and
 * Extras), a folder holding {@code *.json} manifests directly (older buckets), or one manifest file.
 * Each manifest is one entry; its file name without {@code .json} is the app name. Sub-folders are
 * not searched, as Scoop does not search them.
 *
 * <p>Every file is read with a size cap and parsed strictly (see {@link ScoopJson}); symbolic links
 * are not followed, because a bucket is usually someone else's git repository.
 */
public final class ScoopAdapter implements CatalogAdapter {

    private static final String SUFFIX = ".json";
    /**
     * Bump whenever what this adapter makes of the same manifest changes: stored digests then stop
     * matching and every manifest is parsed again on the next sync.
     */
    static final String MAPPING_VERSION = "scoop-mapping-1";

    @Override
    public SourceFormat format() {
        return SourceFormat.SCOOP;
    }

    @Override
    public void read(Path location, EntrySink sink) throws CatalogReadException {
        if (Files.isRegularFile(location) && isManifestName(location)) {
            Path parent = location.toAbsolutePath().getParent();
            sink.expect(1);
            readOne(location, location.getFileName().toString(), bucketName(parent), sink);
            return;
        }
        if (!Files.isDirectory(location)) {
            throw new CatalogReadException("not a Scoop bucket: " + location + " is neither a folder nor a .json manifest");
        }
        Path bucketDir = location.resolve("bucket");
        Path manifestDir = Files.isDirectory(bucketDir) ? bucketDir : location;
        List<Path> manifests = list(manifestDir);
        if (manifests.isEmpty() && manifestDir == location) {
            throw new CatalogReadException("not a Scoop bucket: " + location + " has neither a bucket/ folder nor *.json manifests");
        }
        String bucket = bucketName(location.toAbsolutePath());
        sink.expect(manifests.size());
        for (Path file : manifests) {
            readOne(file, location.relativize(file).toString().replace('\\', '/'), bucket, sink);
        }
    }

    private static List<Path> list(Path dir) throws CatalogReadException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                if (isManifestName(file) && !Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(file);
                }
            }
        } catch (IOException e) {
            throw new CatalogReadException("cannot list Scoop bucket folder " + dir + ": " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }

    private static boolean isManifestName(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(SUFFIX);
    }

    /** "main" for …/Main or …/main/bucket, as Scoop names a bucket after its folder. */
    private static String bucketName(Path dir) {
        if (dir == null || dir.getFileName() == null) {
            return "unnamed";
        }
        String name = dir.getFileName().toString();
        if (name.equals("bucket") && dir.getParent() != null && dir.getParent().getFileName() != null) {
            name = dir.getParent().getFileName().toString();
        }
        return Texts.shorten(name.toLowerCase(Locale.ROOT));
    }

    /**
     * One manifest is one entry, so the sink is asked before parsing whether these bytes are
     * unchanged ({@link EntrySink#unchanged}); the digest also covers the bucket name and the path,
     * which go into the entry, and {@link #MAPPING_VERSION}.
     */
    private static void readOne(Path file, String sourcePath, String bucket, EntrySink sink) {
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.length() - SUFFIX.length());
        try {
            byte[] bytes = readCapped(file);
            String digest = digest(bucket, sourcePath, bytes);
            if (sink.unchanged(sourcePath, digest)) {
                return;
            }
            sink.entry(ScoopManifestReader.read(name, bucket, sourcePath, bytes), digest);
        } catch (ScoopManifestException e) {
            sink.problem(new EntryProblem(sourcePath, e.getMessage()));
        } catch (IOException e) {
            sink.problem(new EntryProblem(sourcePath, "cannot read file: " + e.getMessage()));
        }
    }

    /** SHA-256 over the mapping version, bucket, path and bytes, each length-prefixed; 64 hex digits. */
    private static String digest(String bucket, String sourcePath, byte[] bytes) {
        return new RawDigest(MAPPING_VERSION).add(bucket).add(sourcePath).add(bytes).hex();
    }

    /** Reads at most one byte past the cap, whatever the file claims its size is. */
    private static byte[] readCapped(Path file) throws IOException, ScoopManifestException {
        if (Files.isSymbolicLink(file)) {
            throw new ScoopManifestException(null, "is a symbolic link; links in a bucket are not followed");
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ScoopManifestException(null, "is not a regular file");
        }
        long size = Files.size(file);
        if (size > ScoopJson.MAX_FILE_BYTES) {
            throw new ScoopManifestException(null, "file is " + size + " bytes; manifests over "
                    + ScoopJson.MAX_FILE_BYTES + " bytes are not read");
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return in.readNBytes(ScoopJson.MAX_FILE_BYTES + 1);
        }
    }
}
