package org.patchgate.catalog.format.scup;

import org.patchgate.catalog.format.CollectingSink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgate.catalog.format.CatalogReadException;
import org.patchgate.catalog.format.EntryProblem;
import org.patchgate.catalog.format.cab.CabinetLimits;

/** The anomalies of the shared corpus (scup/anomalies/, see the README there) and built hostile cases. */
class ScupHostileInputTest {

    private static final String DTD_REFUSED = SecureXml.DTD_REFUSED;
    private final ScupAdapter adapter = new ScupAdapter();

    private CollectingSink read(Path location) throws CatalogReadException {
        CollectingSink sink = new CollectingSink();
        adapter.read(location, sink);
        return sink;
    }

    @Test
    void sdpXxeFile_isRefusedAsDtdAndReadsNoFile() throws CatalogReadException {
        CollectingSink sink = read(ScupTestFiles.path("anomalies/sdp-xxe-file.sdp"));

        assertEquals(List.of(), sink.entries);
        assertEquals(List.of(new EntryProblem("sdp-xxe-file.sdp", DTD_REFUSED)), sink.problems);
    }

    @Test
    void sdpXxeParameterEntity_isRefusedWithoutAnyConnection(@TempDir Path dir) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String hostile = ScupTestFiles.text("anomalies/sdp-xxe-parameter-entity.sdp")
                    .replace("http://127.0.0.1:9/evil.dtd", "http://127.0.0.1:" + server.getLocalPort() + "/evil.dtd");
            assertTrue(hostile.contains(":" + server.getLocalPort() + "/evil.dtd"));
            Path file = ScupTestFiles.write(dir, "pe.sdp", hostile);

            CollectingSink sink = read(file);

            assertEquals(List.of(new EntryProblem("pe.sdp", DTD_REFUSED)), sink.problems);
            assertEquals(List.of(), sink.entries);
            server.setSoTimeout(300);
            assertThrows(SocketTimeoutException.class, server::accept, "the parser connected to the entity's URL");
        }
    }

    @Test
    void sdpBillionLaughs_isRefusedQuickly() {
        CollectingSink sink = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> read(ScupTestFiles.path("anomalies/sdp-billion-laughs.sdp")));

        assertEquals(List.of(new EntryProblem("sdp-billion-laughs.sdp", DTD_REFUSED)), sink.problems);
        assertEquals(List.of(), sink.entries);
    }

    @Test
    void sdpTruncated_isAProblemAndNothingOfItIsImported() throws CatalogReadException {
        CollectingSink sink = read(ScupTestFiles.path("anomalies/sdp-truncated.sdp"));

        assertEquals(List.of(), sink.entries);
        assertEquals(1, sink.problems.size());
        EntryProblem p = sink.problems.get(0);
        assertEquals("sdp-truncated.sdp", p.sourcePath());
        assertTrue(p.reason().startsWith("package 00004850-0000-0000-5350-000000065206: XML is not well-formed, "
                + "nothing of this package was taken"), p.reason());
    }

    @Test
    void catalogXxe_refusesTheWholeCatalog() {
        CollectingSink sink = new CollectingSink();

        CatalogReadException e = assertThrows(CatalogReadException.class,
                () -> adapter.read(ScupTestFiles.path("anomalies/catalog-xxe.xml"), sink));

        assertEquals("catalog-xxe.xml: " + DTD_REFUSED, e.getMessage());
        assertEquals(List.of(), sink.entries);
        assertEquals(List.of(), sink.problems);
    }

    @Test
    void ruleNestingBeyondTheCap_isAProblem(@TempDir Path dir) throws Exception {
        Path file = ScupTestFiles.write(dir, "deep.sdp", withInstalledRule(nestedNot(SdpRuleMapper.MAX_RULE_DEPTH + 1)));

        CollectingSink sink = read(file);

        assertEquals(List.of(new EntryProblem("deep.sdp", "package 00004850-0000-0000-5350-000000094728: "
                + "IsInstalled nests rules deeper than 64 levels")), sink.problems);
    }

    @Test
    void ruleNestingAtTheCap_isAccepted(@TempDir Path dir) throws Exception {
        Path file = ScupTestFiles.write(dir, "deep.sdp", withInstalledRule(nestedNot(SdpRuleMapper.MAX_RULE_DEPTH - 1)));

        CollectingSink sink = read(file);

        assertEquals(List.of(), sink.problems);
        assertEquals(1, sink.entries.size());
    }

    @Test
    void elementNestingBeyondTheXmlCap_skipsThatPackageAndReadsTheNextOneOfTheCatalog(@TempDir Path dir) throws Exception {
        String catalog = ScupTestFiles.text("catalog/HpCatalogForSms.excerpt.xml");
        int firstTitle = catalog.indexOf("</sdp:Title>");
        String deep = "<x>".repeat(10_000) + "</x>".repeat(10_000);
        Path file = ScupTestFiles.write(dir, "deep.xml", catalog.substring(0, firstTitle) + deep + catalog.substring(firstTitle));

        CollectingSink sink = read(file);

        assertEquals(18, sink.entries.size());
        assertEquals(List.of(new EntryProblem("deep.xml", "package 00004850-0000-0000-5350-000000065001: "
                + "elements nest deeper than 256 levels")), sink.problems);
    }

    @Test
    void cabinetBomb_isRefusedBeforeDecompressing() {
        ScupAdapter small = new ScupAdapter(new CabinetLimits(100, 64 * 1024));

        CatalogReadException e = assertThrows(CatalogReadException.class,
                () -> small.read(ScupTestFiles.path("cab/hp-excerpt-mszip.cab"), new CollectingSink()));

        assertTrue(e.getMessage().contains("possible decompression bomb"), e.getMessage());
    }

    @Test
    void cabinetPathTraversal_refusesTheCabinet(@TempDir Path dir) throws Exception {
        byte[] cab = Files.readAllBytes(ScupTestFiles.path("cab/hp-excerpt-mszip.cab"));
        int name = offsetOfFirstFileName(cab);
        cab[name] = '.';
        cab[name + 1] = '.';
        cab[name + 2] = '\\'; // "HpCatalog…" -> "..\atalog…", same length
        Path file = Files.write(dir.resolve("evil.cab"), cab);
        CollectingSink sink = new CollectingSink();

        CatalogReadException e = assertThrows(CatalogReadException.class, () -> adapter.read(file, sink));

        assertEquals("evil.cab: file name '..\\atalogForSms.excerpt.xml' climbs out of the cabinet with '..'", e.getMessage());
        assertEquals(List.of(), sink.entries);
    }

    @Test
    void truncatedCabinet_refusesTheCabinet(@TempDir Path dir) throws Exception {
        byte[] cab = Files.readAllBytes(ScupTestFiles.path("cab/hp-excerpt-mszip.cab"));
        Path file = Files.write(dir.resolve("cut.cab"), java.util.Arrays.copyOf(cab, cab.length - 1000));

        CatalogReadException e = assertThrows(CatalogReadException.class, () -> adapter.read(file, new CollectingSink()));

        assertTrue(e.getMessage().startsWith("cut.cab: cabinet is truncated"), e.getMessage());
    }

    @Test
    void truncatedCabinetInsideAFolder_isAProblemAndTheOtherFilesLand(@TempDir Path dir) throws Exception {
        byte[] cab = Files.readAllBytes(ScupTestFiles.path("cab/hp-excerpt-mszip.cab"));
        Files.write(dir.resolve("cut.cab"), java.util.Arrays.copyOf(cab, cab.length - 1000));
        Files.copy(ScupTestFiles.path("sdp/dell/dc718411-a5f1-4b15-966a-63a77cbb156e.sdp"), dir.resolve("dell.sdp"));

        CollectingSink sink = read(dir);

        assertEquals(1, sink.entries.size());
        assertEquals(1, sink.problems.size());
        assertEquals("cut.cab", sink.problems.get(0).sourcePath());
    }

    private static int offsetOfFirstFileName(byte[] cab) {
        return ((cab[16] & 0xFF) | (cab[17] & 0xFF) << 8 | (cab[18] & 0xFF) << 16 | (cab[19] & 0xFF) << 24) + 16;
    }

    private static String nestedNot(int depth) {
        return "<lar:Not>".repeat(depth) + "<bar:Processor Architecture=\"9\" />" + "</lar:Not>".repeat(depth);
    }

    private static String withInstalledRule(String rule) throws IOException {
        String sdp = ScupTestFiles.text("sdp/hp-v2/00004850-0000-0000-5350-000000094728.sdp");
        int start = sdp.indexOf("<sdp:IsInstalled>") + "<sdp:IsInstalled>".length();
        int end = sdp.indexOf("</sdp:IsInstalled>");
        return sdp.substring(0, start) + rule + sdp.substring(end);
    }
}
