package org.patchgate.catalog.format.cab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Reads a cabinet file and hands each file in it to a consumer as a bounded stream; nothing is
 * extracted to disk, so no name in the cabinet can make the reader write anywhere.
 *
 * <p>Supported: one self-contained cabinet (no multi-cabinet sets) whose folders are stored or
 * MSZIP-compressed. LZX and Quantum folders are refused with a clear message. Every CFDATA block
 * whose stored checksum is non-zero is verified. The whole directory (header, folders, files,
 * names and declared sizes) is checked before the first byte of content is decompressed.
 */
public final class CabinetReader {

    /** Receives one file; the stream ends after {@link CabinetEntry#size()} bytes and need not be read fully. */
    @FunctionalInterface
    public interface EntryConsumer {
        void accept(CabinetEntry entry, InputStream content) throws IOException;
    }

    private final CabinetLimits limits;

    public CabinetReader(CabinetLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Lists the files of a cabinet without decompressing anything. */
    public List<CabinetEntry> list(Path cabinet) throws IOException {
        try (FileChannel channel = FileChannel.open(cabinet, StandardOpenOption.READ)) {
            return entries(CabinetDirectory.read(CabinetSource.of(channel), limits));
        }
    }

    public void read(Path cabinet, EntryConsumer consumer) throws IOException {
        try (FileChannel channel = FileChannel.open(cabinet, StandardOpenOption.READ)) {
            read(CabinetSource.of(channel), consumer);
        }
    }

    public void read(byte[] cabinet, EntryConsumer consumer) throws IOException {
        read(CabinetSource.of(cabinet), consumer);
    }

    private void read(CabinetSource source, EntryConsumer consumer) throws IOException {
        CabinetDirectory directory = CabinetDirectory.read(source, limits);
        ByteBudget budget = new ByteBudget(limits.maxTotalBytes());
        for (CabinetDirectory.Folder folder : directory.folders()) {
            List<CabinetDirectory.FileRecord> files = new ArrayList<>();
            for (CabinetDirectory.FileRecord file : directory.files()) {
                if (file.folder() == folder.index()) {
                    files.add(file);
                }
            }
            if (!files.isEmpty()) {
                files.sort(Comparator.comparingLong(CabinetDirectory.FileRecord::folderOffset));
                readFolder(source, directory, folder, files, budget, consumer);
            }
        }
    }

    private static void readFolder(CabinetSource source, CabinetDirectory directory, CabinetDirectory.Folder folder,
            List<CabinetDirectory.FileRecord> files, ByteBudget budget, EntryConsumer consumer) throws IOException {
        try (FolderDataStream data = new FolderDataStream(source, directory, folder, budget)) {
            long position = 0;
            for (CabinetDirectory.FileRecord file : files) {
                if (file.folderOffset() < position) {
                    // Overlapping files would let a small cabinet present the same bytes many times over.
                    throw new CabinetFormatException("file '" + file.name() + "' overlaps the file before it in folder "
                            + folder.index());
                }
                skip(data, file.folderOffset() - position, file);
                BoundedStream content = new BoundedStream(data, file.size(), file.name());
                consumer.accept(new CabinetEntry(file.name(), file.size()), content);
                content.drain();
                position = file.folderOffset() + file.size();
            }
        }
    }

    private static void skip(InputStream data, long count, CabinetDirectory.FileRecord file) throws IOException {
        byte[] scratch = new byte[8192];
        long left = count;
        while (left > 0) {
            int n = data.read(scratch, 0, (int) Math.min(scratch.length, left));
            if (n < 0) {
                throw new CabinetFormatException("folder data ends before file '" + file.name() + "' begins");
            }
            left -= n;
        }
    }

    private static List<CabinetEntry> entries(CabinetDirectory directory) {
        return directory.files().stream().map(f -> new CabinetEntry(f.name(), f.size())).toList();
    }

    /** The bytes of one file: exactly its declared size, failing if the folder ends early. */
    private static final class BoundedStream extends InputStream {
        private final InputStream data;
        private final String name;
        private long left;

        BoundedStream(InputStream data, long size, String name) {
            this.data = data;
            this.left = size;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (left == 0) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            int n = data.read(target, offset, (int) Math.min(length, left));
            if (n < 0) {
                throw new CabinetFormatException("cabinet data ends " + left + " bytes before the end of file '" + name + "'");
            }
            left -= n;
            return n;
        }

        void drain() throws IOException {
            byte[] scratch = new byte[8192];
            while (read(scratch, 0, scratch.length) >= 0) {
                // discard what the consumer did not read
            }
        }

        @Override
        public void close() {
            // the folder stream stays open for the following files
        }
    }
}
