package org.patchgate.catalog.format.scup;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.patchgate.catalog.format.CatalogAdapter;
import org.patchgate.catalog.format.CatalogReadException;
import org.patchgate.catalog.format.EntryProblem;
import org.patchgate.catalog.format.EntrySink;
import org.patchgate.catalog.format.RawDigest;
import org.patchgate.catalog.format.SourceFormat;
import org.patchgate.catalog.format.cab.CabinetLimits;
import org.patchgate.catalog.format.cab.CabinetReader;
import org.patchgate.catalog.model.CatalogEntry;

/**
 * Reads SCUP catalogs. The location may be a folder of {@code .sdp} files (HP's V2 catalog
 * unpacked; catalog {@code .xml} and {@code .cab} files in it are read too), a single {@code .sdp},
 * a SystemsManagementCatalog {@code .xml}, or a {@code .cab} holding either.
 *
 * <p>A refused or unreadable file inside a folder or cabinet becomes an {@link EntryProblem}; a
 * catalog {@code .xml} or {@code .cab} given as the location that cannot be read at all throws
 * {@link CatalogReadException}. A single {@code .sdp} is one entry, so its failure is a problem.
 */
public final class ScupAdapter implements CatalogAdapter {

    /**
     * Part of every {@code .sdp} file's raw digest ({@link EntrySink#unchanged}): bump it when the same
     * file maps to a different entry, so that stored digests stop matching.
     */
    static final String MAPPING_VERSION = "scup-mapping-1";
    /** Larger {@code .sdp} files (a whole catalog saved as .sdp, say) are parsed as a stream, never skipped. */
    private static final long MAX_SKIPPABLE_BYTES = 16L * 1024 * 1024;

    private final CabinetLimits cabinetLimits;

    public ScupAdapter() {
        this(CabinetLimits.DEFAULT);
    }

    public ScupAdapter(CabinetLimits cabinetLimits) {
        this.cabinetLimits = Objects.requireNonNull(cabinetLimits, "cabinetLimits");
    }

    @Override
    public SourceFormat format() {
        return SourceFormat.SCUP;
    }

    @Override
    public void read(Path location, EntrySink sink) throws CatalogReadException {
        if (Files.isDirectory(location)) {
            readFolder(location, sink);
        } else if (Files.isRegularFile(location)) {
            if (kind(location) == null) {
                throw new CatalogReadException(location.getFileName() + " is not a SCUP file (.sdp, .xml or .cab)");
            }
            try {
                readFile(location, location.getFileName().toString(), sink);
            } catch (SdpDocumentException | IOException e) {
                if (kind(location) == Kind.SDP) {
                    sink.problem(new EntryProblem(location.getFileName().toString(), e.getMessage()));
                } else {
                    throw new CatalogReadException(location.getFileName() + ": " + e.getMessage(), e);
                }
            }
        } else {
            throw new CatalogReadException("SCUP catalog location " + location + " does not exist");
        }
    }

    private void readFolder(Path folder, EntrySink sink) throws CatalogReadException {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(Files::isRegularFile).filter(p -> kind(p) != null).sorted().toList();
        } catch (IOException e) {
            throw new CatalogReadException("cannot list SCUP folder " + folder + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new CatalogReadException("no .sdp, catalog .xml or .cab file in " + folder);
        }
        sink.expect(files.size());
        for (Path file : files) {
            String relative = folder.relativize(file).toString().replace('\\', '/');
            try {
                if (kind(file) == Kind.SDP && Files.size(file) <= MAX_SKIPPABLE_BYTES) {
                    readPackageFile(file, relative, sink);
                } else {
                    readFile(file, relative, sink);
                }
            } catch (SdpDocumentException | IOException e) {
                sink.problem(new EntryProblem(relative, e.getMessage()));
            }
        }
    }

    /**
     * An {@code .sdp} file normally holds one package, i.e. one entry: its bytes are hashed first and
     * the sink asked whether they are unchanged ({@link EntrySink#unchanged}); the digest covers
     * {@link #MAPPING_VERSION}, the file's path (the entry's sourcePath) and its bytes. It is passed
     * on only when the file gave exactly one entry and no problem, so that a skip vouches for the
     * whole file.
     */
    private static void readPackageFile(Path file, String sourcePath, EntrySink sink) throws IOException, SdpDocumentException {
        byte[] bytes = Files.readAllBytes(file);
        String digest = new RawDigest(MAPPING_VERSION).add(sourcePath).add(bytes).hex();
        if (sink.unchanged(sourcePath, digest)) {
            return;
        }
        OneEntryWithDigest oneEntry = new OneEntryWithDigest(sink, digest);
        SdpDocumentReader.read(new ByteArrayInputStream(bytes), sourcePath, oneEntry);
        oneEntry.finish();
    }

    /**
     * Holds back a file's first entry: if nothing else comes, it goes on with the file's digest;
     * if a second entry or a problem comes, everything goes on without one.
     */
    private static final class OneEntryWithDigest implements EntrySink {
        private final EntrySink sink;
        private final String digest;
        private CatalogEntry held;
        private boolean mixed;

        OneEntryWithDigest(EntrySink sink, String digest) {
            this.sink = sink;
            this.digest = digest;
        }

        @Override
        public void entry(CatalogEntry entry) {
            if (!mixed && held == null) {
                held = entry;
                return;
            }
            release();
            sink.entry(entry);
        }

        @Override
        public void problem(EntryProblem problem) {
            release();
            sink.problem(problem);
        }

        private void release() {
            mixed = true;
            if (held != null) {
                sink.entry(held);
                held = null;
            }
        }

        void finish() {
            if (held != null) {
                sink.entry(held, digest);
            }
        }
    }

    private void readFile(Path file, String sourcePath, EntrySink sink) throws SdpDocumentException, IOException {
        if (kind(file) == Kind.CAB) {
            readCabinet(file, sourcePath, sink);
            return;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            SdpDocumentReader.read(in, sourcePath, sink);
        }
    }

    /** Files in a cabinet are named {@code <cabinet path>/<name in cabinet>} in entries and problems. */
    private void readCabinet(Path cabinet, String sourcePath, EntrySink sink) throws IOException {
        new CabinetReader(cabinetLimits).read(cabinet, (entry, content) -> {
            String name = sourcePath + "/" + entry.name().replace('\\', '/');
            Kind kind = kind(entry.name());
            if (kind == Kind.SDP || kind == Kind.XML) {
                try {
                    SdpDocumentReader.read(content, name, sink);
                } catch (SdpDocumentException e) {
                    sink.problem(new EntryProblem(name, e.getMessage()));
                }
            }
        });
    }

    private enum Kind { SDP, XML, CAB }

    private static Kind kind(Path file) {
        return kind(file.getFileName().toString());
    }

    private static Kind kind(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".sdp") ? Kind.SDP : lower.endsWith(".xml") ? Kind.XML : lower.endsWith(".cab") ? Kind.CAB : null;
    }
}
