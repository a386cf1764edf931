package org.patchgate.catalog.format.cab;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The uncompressed bytes of one CFFOLDER: its CFDATA blocks (MS-CAB §2.5) read one at a time,
 * checksummed, and decoded. MSZIP (MS-MCI §2): each block is "CK" followed by a raw DEFLATE
 * stream whose window starts with the previous 32 KiB of the folder's output, so the inflater is
 * reset per block and given that history as a preset dictionary.
 */
final class FolderDataStream extends InputStream {

    /** MS-MCI §2.1: an MSZIP block decompresses to at most 32,768 bytes; stored blocks are no larger. */
    static final int MAX_BLOCK = 32 * 1024;
    /** A block's compressed payload may exceed its output a little when data does not compress. */
    private static final int MAX_COMPRESSED = MAX_BLOCK + 6144;

    private final CabinetSource source;
    private final CabinetDirectory.Folder folder;
    private final int dataReserve;
    private final long cabinetSize;
    private final ByteBudget budget;
    private final Inflater inflater = new Inflater(true);
    private final byte[] compressed = new byte[MAX_COMPRESSED];
    private final byte[] block = new byte[MAX_BLOCK];
    private final byte[] window = new byte[MAX_BLOCK];
    private int windowLength;
    private int blockLength;
    private int blockPosition;
    private int blocksRead;
    private long nextBlock;

    FolderDataStream(CabinetSource source, CabinetDirectory directory, CabinetDirectory.Folder folder, ByteBudget budget) {
        this.source = source;
        this.folder = folder;
        this.dataReserve = directory.dataReserve();
        this.cabinetSize = directory.cabinetSize();
        this.budget = budget;
        this.nextBlock = folder.firstDataOffset();
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return block[blockPosition++] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(length, blockLength - blockPosition);
        System.arraycopy(block, blockPosition, target, offset, n);
        blockPosition += n;
        return n;
    }

    @Override
    public void close() {
        inflater.end();
    }

    private boolean fill() throws IOException {
        while (blockPosition == blockLength) {
            if (blocksRead == folder.dataBlocks()) {
                return false;
            }
            readBlock();
        }
        return true;
    }

    private void readBlock() throws IOException {
        int headerLength = 8 + dataReserve;
        if (nextBlock + headerLength > cabinetSize) {
            throw new CabinetFormatException("cabinet is truncated: data block " + blocksRead + " of folder "
                    + folder.index() + " is missing");
        }
        byte[] header = new byte[headerLength];
        source.readFully(nextBlock, header, 0, headerLength);
        CabinetDirectory.Bytes fields = new CabinetDirectory.Bytes(header);
        int storedSum = (int) fields.u32(0);
        int packedSize = fields.u16(4);
        int size = fields.u16(6);
        if (size == 0 || size > MAX_BLOCK) {
            throw new CabinetFormatException("data block " + blocksRead + " of folder " + folder.index()
                    + " declares " + size + " uncompressed bytes; MSZIP blocks hold 1 to " + MAX_BLOCK);
        }
        if (packedSize > MAX_COMPRESSED || nextBlock + headerLength + packedSize > cabinetSize) {
            throw new CabinetFormatException("cabinet is truncated or corrupt: data block " + blocksRead
                    + " of folder " + folder.index() + " claims " + packedSize + " bytes past the end");
        }
        source.readFully(nextBlock + headerLength, compressed, 0, packedSize);
        // MS-CAB §2.6: a stored checksum of 0 means "not computed".
        if (storedSum != 0) {
            int sum = CabinetChecksum.compute(compressed, 0, packedSize, 0);
            sum = CabinetChecksum.compute(header, 4, headerLength - 4, sum);
            if (sum != storedSum) {
                throw new CabinetFormatException("data block " + blocksRead + " of folder " + folder.index()
                        + " fails its checksum: the cabinet is corrupt");
            }
        }
        budget.spend(size);
        if (folder.compression() == CabinetDirectory.COMPRESS_NONE) {
            if (packedSize != size) {
                throw new CabinetFormatException("stored data block " + blocksRead + " has " + packedSize
                        + " bytes but declares " + size);
            }
            System.arraycopy(compressed, 0, block, 0, size);
        } else {
            inflateBlock(packedSize, size);
        }
        blockLength = size;
        blockPosition = 0;
        blocksRead++;
        nextBlock += headerLength + packedSize;
    }

    private void inflateBlock(int packedSize, int size) throws IOException {
        if (packedSize < 2 || compressed[0] != 'C' || compressed[1] != 'K') {
            throw new CabinetFormatException("MSZIP block " + blocksRead + " of folder " + folder.index()
                    + " does not start with the 'CK' signature");
        }
        inflater.reset();
        if (windowLength > 0) {
            inflater.setDictionary(window, MAX_BLOCK - windowLength, windowLength);
        }
        inflater.setInput(compressed, 2, packedSize - 2);
        int produced = 0;
        try {
            while (produced < size) {
                int n = inflater.inflate(block, produced, size - produced);
                if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                produced += n;
            }
            if (produced == size && !inflater.finished() && inflater.inflate(new byte[1]) > 0) {
                produced++;
            }
        } catch (DataFormatException e) {
            throw new CabinetFormatException("MSZIP block " + blocksRead + " of folder " + folder.index()
                    + " is not valid DEFLATE data: " + e.getMessage(), e);
        }
        if (produced != size) {
            throw new CabinetFormatException("MSZIP block " + blocksRead + " of folder " + folder.index()
                    + " inflates to " + (produced > size ? "more than " + size : produced) + " bytes; its header says " + size);
        }
        slideWindow(size);
    }

    /** Keeps the last 32 KiB of output, right-aligned in {@link #window}, as the next block's dictionary. */
    private void slideWindow(int size) {
        if (size >= MAX_BLOCK) {
            System.arraycopy(block, 0, window, 0, MAX_BLOCK);
            windowLength = MAX_BLOCK;
            return;
        }
        System.arraycopy(window, size, window, 0, MAX_BLOCK - size);
        System.arraycopy(block, 0, window, MAX_BLOCK - size, size);
        windowLength = Math.min(MAX_BLOCK, windowLength + size);
    }
}
