package org.patchgate.catalog.format.cab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The CFHEADER, CFFOLDER and CFFILE records of a cabinet (MS-CAB §2.1–2.4), read and checked
 * before any file content is decompressed.
 */
record CabinetDirectory(long cabinetSize, int dataReserve, List<Folder> folders, List<FileRecord> files) {

    /** MS-CAB §2.1: cfhdrPREV_CABINET, cfhdrNEXT_CABINET, cfhdrRESERVE_PRESENT. */
    private static final int FLAG_PREV = 0x1;
    private static final int FLAG_NEXT = 0x2;
    private static final int FLAG_RESERVE = 0x4;
    private static final int HEADER_SIZE = 36;
    /** MS-CAB §2.4: attribs bit _A_NAME_IS_UTF; without it the name is in an unspecified code page. */
    private static final int NAME_IS_UTF = 0x80;

    static final int COMPRESS_NONE = 0;
    static final int COMPRESS_MSZIP = 1;

    record Folder(int index, long firstDataOffset, int dataBlocks, int compression) {
    }

    record FileRecord(String name, long size, long folderOffset, int folder) {
    }

    static CabinetDirectory read(CabinetSource source, CabinetLimits limits) throws IOException {
        long actualSize = source.size();
        if (actualSize < HEADER_SIZE) {
            throw new CabinetFormatException("not a cabinet: " + actualSize + " bytes is shorter than a CFHEADER");
        }
        Bytes header = Bytes.at(source, 0, HEADER_SIZE);
        if (header.u8(0) != 'M' || header.u8(1) != 'S' || header.u8(2) != 'C' || header.u8(3) != 'F') {
            throw new CabinetFormatException("not a cabinet: signature is not 'MSCF'");
        }
        long cabinetSize = header.u32(8);
        long filesOffset = header.u32(16);
        int versionMinor = header.u8(24);
        int versionMajor = header.u8(25);
        int folderCount = header.u16(26);
        int fileCount = header.u16(28);
        int flags = header.u16(30);
        if (versionMajor != 1) {
            throw new CabinetFormatException("unsupported cabinet format version " + versionMajor + "." + versionMinor);
        }
        if (cabinetSize > actualSize) {
            throw new CabinetFormatException("cabinet is truncated: its header says " + cabinetSize
                    + " bytes, the file has " + actualSize);
        }
        if ((flags & (FLAG_PREV | FLAG_NEXT)) != 0) {
            throw new CabinetFormatException("cabinet is part of a multi-cabinet set, which is not supported");
        }
        if (fileCount > limits.maxFiles()) {
            throw new CabinetFormatException("cabinet lists " + fileCount + " files; at most "
                    + limits.maxFiles() + " are accepted");
        }
        long position = HEADER_SIZE;
        int folderReserve = 0;
        int dataReserve = 0;
        if ((flags & FLAG_RESERVE) != 0) {
            Bytes reserve = Bytes.at(source, position, 4);
            int headerReserve = reserve.u16(0);
            folderReserve = reserve.u8(2);
            dataReserve = reserve.u8(3);
            position += 4 + headerReserve;
        }
        List<Folder> folders = new ArrayList<>(folderCount);
        for (int i = 0; i < folderCount; i++) {
            Bytes folder = Bytes.at(source, position, 8);
            int compression = folder.u16(6) & 0x000F;
            if (compression == 2 || compression == 3) {
                throw new CabinetFormatException("folder " + i + " uses " + (compression == 2 ? "Quantum" : "LZX")
                        + " compression; only uncompressed and MSZIP cabinets are supported");
            }
            if (compression > COMPRESS_MSZIP) {
                throw new CabinetFormatException("folder " + i + " uses unknown compression type " + compression);
            }
            folders.add(new Folder(i, folder.u32(0), folder.u16(4), compression));
            position += 8 + folderReserve;
        }
        List<FileRecord> files = readFiles(source, filesOffset, fileCount, folderCount, cabinetSize, limits);
        return new CabinetDirectory(cabinetSize, dataReserve, List.copyOf(folders), List.copyOf(files));
    }

    private static List<FileRecord> readFiles(CabinetSource source, long offset, int count, int folderCount,
            long cabinetSize, CabinetLimits limits) throws IOException {
        List<FileRecord> files = new ArrayList<>(count);
        long declaredTotal = 0;
        long position = offset;
        for (int i = 0; i < count; i++) {
            Bytes record = Bytes.at(source, position, 16);
            long size = record.u32(0);
            long folderOffset = record.u32(4);
            int folder = record.u16(8);
            int attributes = record.u16(14);
            position += 16;
            byte[] nameBytes = readName(source, position, cabinetSize);
            position += nameBytes.length + 1;
            String name = new String(nameBytes,
                    (attributes & NAME_IS_UTF) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            CabinetNames.check(name);
            if (folder >= 0xFFFD) {
                throw new CabinetFormatException("file '" + name + "' continues into another cabinet, which is not supported");
            }
            if (folder >= folderCount) {
                throw new CabinetFormatException("file '" + name + "' refers to folder " + folder
                        + " but the cabinet has " + folderCount);
            }
            declaredTotal += size;
            if (declaredTotal > limits.maxTotalBytes()) {
                throw new CabinetFormatException("cabinet declares more than " + limits.maxTotalBytes()
                        + " uncompressed bytes (at file '" + name + "'); refused as a possible decompression bomb");
            }
            files.add(new FileRecord(name, size, folderOffset, folder));
        }
        return files;
    }

    private static byte[] readName(CabinetSource source, long position, long cabinetSize) throws IOException {
        int available = (int) Math.min(CabinetNames.MAX_NAME_BYTES, cabinetSize - position);
        if (available <= 0) {
            throw new CabinetFormatException("cabinet is truncated inside its file list");
        }
        byte[] chunk = new byte[available];
        source.readFully(position, chunk, 0, available);
        ByteArrayOutputStream name = new ByteArrayOutputStream();
        for (byte b : chunk) {
            if (b == 0) {
                return name.toByteArray();
            }
            name.write(b);
        }
        throw new CabinetFormatException("a file name in the cabinet is unterminated or longer than "
                + (CabinetNames.MAX_NAME_BYTES - 1) + " bytes");
    }

    /** Little-endian fields of a fixed-size record. */
    record Bytes(byte[] b) {

        static Bytes at(CabinetSource source, long position, int length) throws IOException {
            byte[] b = new byte[length];
            source.readFully(position, b, 0, length);
            return new Bytes(b);
        }

        int u8(int i) {
            return b[i] & 0xFF;
        }

        int u16(int i) {
            return u8(i) | u8(i + 1) << 8;
        }

        long u32(int i) {
            return (u16(i) | (long) u16(i + 2) << 16) & 0xFFFF_FFFFL;
        }
    }
}
