package org.patchgate.catalog.format.cab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cabinets under {@code scup/cab/} were written by gcab 1.5; see the README there. */
class CabinetReaderTest {

    private static final CabinetReader READER = new CabinetReader(CabinetLimits.DEFAULT);
    private static final String EXCERPT_NAME = "HpCatalogForSms.excerpt.xml";

    static Path resource(String path) {
        try {
            return Path.of(CabinetReaderTest.class.getResource("/scup/" + path).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String path) throws IOException {
        return Files.readAllBytes(resource(path));
    }

    private static Map<String, byte[]> readAll(CabinetReader reader, byte[] cabinet) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        reader.read(cabinet, (entry, content) -> out.put(entry.name(), content.readAllBytes()));
        return out;
    }

    @Test
    void read_mszipCabinet_yieldsTheOriginalBytesAcrossChainedBlocks() throws IOException {
        byte[] excerpt = bytes("catalog/" + EXCERPT_NAME);
        assertTrue(excerpt.length > 8 * FolderDataStream.MAX_BLOCK, "the excerpt spans several 32 KiB CFDATA blocks");

        Map<String, byte[]> files = readAll(READER, bytes("cab/hp-excerpt-mszip.cab"));

        assertEquals(List.of(EXCERPT_NAME), List.copyOf(files.keySet()));
        assertArrayEquals(excerpt, files.get(EXCERPT_NAME));
    }

    @Test
    void read_storedCabinet_yieldsTheOriginalBytes() throws IOException {
        Map<String, byte[]> files = readAll(READER, bytes("cab/hp-excerpt-stored.cab"));

        assertArrayEquals(bytes("catalog/" + EXCERPT_NAME), files.get(EXCERPT_NAME));
    }

    @Test
    void read_fromPath_streamsWithoutLoadingTheCabinet() throws IOException {
        List<CabinetEntry> seen = new ArrayList<>();
        READER.read(resource("cab/hp-excerpt-mszip.cab"), (entry, content) -> seen.add(entry));

        assertEquals(List.of(new CabinetEntry(EXCERPT_NAME, 274_089)), seen);
    }

    @Test
    void read_severalFiles_yieldsEachInOrderWithItsBytes() throws IOException {
        Map<String, byte[]> files = readAll(READER, bytes("cab/several-sdp-mszip.cab"));

        assertEquals(List.of("00004850-0000-0000-5350-000000094728.sdp", "00004850-0000-0000-5350-000000065206.sdp",
                "dc718411-a5f1-4b15-966a-63a77cbb156e.sdp", "update_manifest.json"), List.copyOf(files.keySet()));
        assertArrayEquals(bytes("sdp/hp-v2/00004850-0000-0000-5350-000000094728.sdp"),
                files.get("00004850-0000-0000-5350-000000094728.sdp"));
        assertArrayEquals(bytes("sdp/hp-v2/00004850-0000-0000-5350-000000065206.sdp"),
                files.get("00004850-0000-0000-5350-000000065206.sdp"));
        assertArrayEquals(bytes("sdp/dell/dc718411-a5f1-4b15-966a-63a77cbb156e.sdp"),
                files.get("dc718411-a5f1-4b15-966a-63a77cbb156e.sdp"));
        assertEquals(111_570, files.get("update_manifest.json").length);
    }

    @Test
    void read_consumerReadsPartOfAFile_nextFileStillStartsAtItsOwnBytes() throws IOException {
        List<String> starts = new ArrayList<>();
        READER.read(bytes("cab/several-sdp-mszip.cab"), (entry, content) ->
                starts.add(new String(content.readNBytes(4), StandardCharsets.ISO_8859_1)));

        assertEquals(List.of("\u00EF\u00BB\u00BF<", "\u00EF\u00BB\u00BF<", "<sdp", "{\"00"), starts);
    }

    @Test
    void list_returnsNamesAndSizesWithoutDecompressing() throws IOException {
        assertEquals(List.of(new CabinetEntry("zeros-8MiB.bin", 8L * 1024 * 1024)),
                READER.list(resource("cab/zeros-8MiB.cab")));
    }

    @Test
    void read_bomb_declaredSizeOverLimit_isRefusedBeforeDecompressing() throws IOException {
        CabinetReader small = new CabinetReader(new CabinetLimits(100, 1024 * 1024));
        List<String> delivered = new ArrayList<>();

        CabinetFormatException e = assertThrows(CabinetFormatException.class,
                () -> small.read(bytes("cab/zeros-8MiB.cab"), (entry, content) -> delivered.add(entry.name())));

        assertTrue(e.getMessage().contains("decompression bomb"), e.getMessage());
        assertEquals(List.of(), delivered);
    }

    @Test
    void read_bomb_headerClaimingGigabytes_isRefusedWithDefaultLimits() throws IOException {
        byte[] cab = bytes("cab/hp-excerpt-mszip.cab");
        int file = fileRecordOffset(cab);
        putU32(cab, file, 0xF000_0000L); // cbFile: 3.75 GiB

        CabinetFormatException e = assertThrows(CabinetFormatException.class, () -> readAll(READER, cab));

        assertTrue(e.getMessage().contains("more than 536870912"), e.getMessage());
    }

    @Test
    void read_bomb_smallDeclaredFileFarIntoAHugeFolder_isStoppedByTheByteBudget() throws IOException {
        byte[] cab = bytes("cab/zeros-8MiB.cab");
        int file = fileRecordOffset(cab);
        putU32(cab, file, 16);                 // cbFile: 16 bytes …
        putU32(cab, file + 4, 7L * 1024 * 1024); // … but 7 MiB into the folder
        CabinetReader small = new CabinetReader(new CabinetLimits(100, 1024 * 1024));

        CabinetFormatException e = assertThrows(CabinetFormatException.class, () -> readAll(small, cab));

        assertTrue(e.getMessage().contains("decompresses to more than 1048576"), e.getMessage());
    }

    @Test
    void read_tooManyFiles_isRefused() throws IOException {
        CabinetReader one = new CabinetReader(new CabinetLimits(1, CabinetLimits.DEFAULT.maxTotalBytes()));

        CabinetFormatException e = assertThrows(CabinetFormatException.class,
                () -> readAll(one, bytes("cab/several-sdp-mszip.cab")));

        assertEquals("cabinet lists 4 files; at most 1 are accepted", e.getMessage());
    }

    @Test
    void read_pathTraversalName_isRefusedBeforeAnyContent() throws IOException {
        // gcab strips "..", so the name is patched in place: "HpC" -> "..\" keeps the record length.
        assertRefusedName("..\\", "climbs out of the cabinet");
    }

    @Test
    void read_driveLetterName_isRefused() throws IOException {
        assertRefusedName("C:\\", "drive letter");
    }

    @Test
    void read_absoluteName_isRefused() throws IOException {
        assertRefusedName("\\pC", "absolute path");
    }

    private static void assertRefusedName(String prefix, String reason) throws IOException {
        byte[] cab = bytes("cab/hp-excerpt-mszip.cab");
        int name = fileRecordOffset(cab) + 16;
        byte[] patch = prefix.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(patch, 0, cab, name, patch.length);
        List<String> delivered = new ArrayList<>();

        CabinetFormatException e = assertThrows(CabinetFormatException.class,
                () -> READER.read(cab, (entry, content) -> delivered.add(entry.name())));

        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertEquals(List.of(), delivered);
    }

    @Test
    void read_truncatedCabinet_failsClearly() throws IOException {
        byte[] whole = bytes("cab/hp-excerpt-mszip.cab");
        byte[] cut = Arrays.copyOf(whole, whole.length * 2 / 3);

        CabinetFormatException e = assertThrows(CabinetFormatException.class, () -> readAll(READER, cut));

        assertTrue(e.getMessage().startsWith("cabinet is truncated: its header says 24890 bytes"), e.getMessage());
    }

    @Test
    void read_truncatedCabinetWithPatchedLength_failsInsideTheDataNotWithGarbage() throws IOException {
        byte[] whole = bytes("cab/hp-excerpt-mszip.cab");
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        putU32(cut, 8, cut.length); // cbCabinet agrees with the cut, so the gap shows only in CFDATA

        CabinetFormatException e = assertThrows(CabinetFormatException.class, () -> readAll(READER, cut));

        assertTrue(e.getMessage().startsWith("cabinet is truncated"), e.getMessage());
    }

    @Test
    void read_corruptedDataBlock_failsItsChecksum() throws IOException {
        byte[] cab = bytes("cab/hp-excerpt-mszip.cab");
        cab[cab.length - 100] ^= 0x01;

        CabinetFormatException e = assertThrows(CabinetFormatException.class, () -> readAll(READER, cab));

        assertTrue(e.getMessage().contains("fails its checksum"), e.getMessage());
    }

    @Test
    void read_lzxFolder_isRefusedWithAClearMessage() throws IOException {
        byte[] cab = bytes("cab/hp-excerpt-mszip.cab");
        cab[36 + 6] = 0x03; // CFFOLDER.typeCompress = tcompTYPE_LZX

        CabinetFormatException e = assertThrows(CabinetFormatException.class, () -> readAll(READER, cab));

        assertEquals("folder 0 uses LZX compression; only uncompressed and MSZIP cabinets are supported", e.getMessage());
    }

    @Test
    void read_notACabinet_isRefused() {
        CabinetFormatException e = assertThrows(CabinetFormatException.class,
                () -> readAll(READER, "<xml>not a cabinet at all, really</xml>".getBytes(StandardCharsets.UTF_8)));

        assertEquals("not a cabinet: signature is not 'MSCF'", e.getMessage());
    }

    @Test
    void read_contentStreamEndsAtTheFileSize() throws IOException {
        READER.read(bytes("cab/several-sdp-mszip.cab"), (entry, content) -> {
            InputStream in = content;
            assertEquals(entry.size(), in.readAllBytes().length);
            assertEquals(-1, in.read());
        });
    }

    /** Offset of the first CFFILE record (CFHEADER.coffFiles). */
    static int fileRecordOffset(byte[] cab) {
        return (int) ((cab[16] & 0xFF) | (cab[17] & 0xFF) << 8 | (cab[18] & 0xFF) << 16 | (long) (cab[19] & 0xFF) << 24);
    }

    static void putU32(byte[] b, int offset, long value) {
        for (int i = 0; i < 4; i++) {
            b[offset + i] = (byte) (value >>> (8 * i));
        }
    }
}
