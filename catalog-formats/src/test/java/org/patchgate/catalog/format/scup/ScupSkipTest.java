package org.patchgate.catalog.format.scup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgate.catalog.format.DigestSink;
import org.patchgate.catalog.format.EntrySink;

/** Skipping unchanged .sdp files of a SCUP folder before parsing (EntrySink.unchanged), on real Dell and HP packages. */
class ScupSkipTest {

    @TempDir
    Path folder;

    private DigestSink sink = new DigestSink();
    private List<String> files;

    @BeforeEach
    void copyRealPackages() throws Exception {
        for (String vendor : List.of("dell", "hp-v2")) {
            try (Stream<Path> sdps = Files.list(ScupTestFiles.path("sdp/" + vendor))) {
                for (Path sdp : sdps.filter(p -> p.toString().endsWith(".sdp")).sorted().limit(3).toList()) {
                    Files.copy(sdp, folder.resolve(vendor + "-" + sdp.getFileName()));
                }
            }
        }
        try (Stream<Path> copied = Files.list(folder)) {
            files = copied.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void secondRead_unchangedFilesAreNotParsed_aChangedOneIs() throws Exception {
        new ScupAdapter().read(folder, sink);
        assertEquals(files, sink.parsed);
        sink.parsed.forEach(path -> assertNotNull(sink.delivered.get(path), path));

        sink = sink.next();
        new ScupAdapter().read(folder, sink);
        assertEquals(List.of(), sink.parsed);
        assertEquals(files, sink.skipped);

        Path changed = folder.resolve(files.get(0));
        Files.writeString(changed, Files.readString(changed, StandardCharsets.UTF_8) + "\n<!-- edited -->\n", StandardCharsets.UTF_8);
        sink = sink.next();
        new ScupAdapter().read(folder, sink);
        assertEquals(List.of(files.get(0)), sink.parsed);
    }

    @Test
    void brokenFile_isReportedEveryTime_andGivesNoDigest() throws Exception {
        Files.writeString(folder.resolve("zz-broken.sdp"), "<SoftwareDistributionPackage", StandardCharsets.UTF_8);
        new ScupAdapter().read(folder, sink);
        assertEquals(1, sink.problems.size());
        assertNull(sink.delivered.get("zz-broken.sdp"));

        sink = sink.next();
        new ScupAdapter().read(folder, sink);

        assertEquals(1, sink.problems.size(), "a broken file has no stored digest: reported again");
    }
}
