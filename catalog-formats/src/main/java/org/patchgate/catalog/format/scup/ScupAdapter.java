package org.patchgate.catalog.format.scup;

import java.io.BufferedInputStream;
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
import org.patchgate.catalog.format.SourceFormat;
import org.patchgate.catalog.format.cab.CabinetLimits;
import org.patchgate.catalog.format.cab.CabinetReader;

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
                readFile(file, relative, sink);
            } catch (SdpDocumentException | IOException e) {
                sink.problem(new EntryProblem(relative, e.getMessage()));
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
