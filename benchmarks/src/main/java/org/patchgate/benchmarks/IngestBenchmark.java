package org.patchgate.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.patchgate.catalog.format.EntryProblem;
import org.patchgate.catalog.format.EntrySink;
import org.patchgate.catalog.format.winget.WingetAdapter;
import org.patchgate.catalog.model.CatalogEntry;
import org.patchgate.catalog.sync.SyncEngine;
import org.patchgate.catalog.sync.SyncProgress;
import org.patchgate.catalog.sync.SyncReport;
import org.patchgate.migrations.Migrations;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Times a full winget ingest through {@link SyncEngine}, a no-change re-sync, and a COPY load of the
 * same rows, on an embedded PostgreSQL; prints a Markdown table for docs/performance.md.
 *
 * <pre>
 * java -Xmx512m -cp ... org.patchgate.benchmarks.IngestBenchmark &lt;corpus dir&gt; &lt;work dir&gt; [packages=15000] [versions=4]
 * </pre>
 * A missing corpus is generated first with {@link WingetCorpusGenerator} from
 * /work/shared/data/catalogs/winget (seed 42).
 */
public final class IngestBenchmark {

    private static final String[] TABLES = {"vendor", "product", "catalog_update", "installer"};

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        Path work = Path.of(args[1]);
        String packages = args.length > 2 ? args[2] : "15000";
        String versions = args.length > 3 ? args[3] : "4";
        if (!Files.isDirectory(corpus)) {
            WingetCorpusGenerator.main(new String[] {"/work/shared/data/catalogs/winget", corpus.toString(), packages, versions, "42"});
        }
        Files.createDirectories(work);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(work.resolve("pgdata"))
                .setCleanDataDirectory(true).start();
                HeapSampler heap = new HeapSampler()) {
            PGSimpleDataSource ds = (PGSimpleDataSource) postgres.getPostgresDatabase();
            ds.setReWriteBatchedInserts(true);
            Flyway.configure().dataSource(ds).locations(Migrations.LOCATION).load().migrate();
            long source = newSource(ds);
            WingetAdapter adapter = new WingetAdapter();

            // 1. Reading alone (YAML parsing and mapping), twice: the first pass also fills the OS file
            // cache and warms the JIT, the second is what the sync's own reading costs.
            double coldSeconds = readOnly(adapter, corpus);
            heap.reset();
            double parseSeconds = readOnly(adapter, corpus);
            long parseHeap = heap.peakMiB();
            System.out.printf("read only: cold %.1f s, warm %.1f s%n", coldSeconds, parseSeconds);

            SyncEngine engine = SyncEngine.builder().dataSource(ds).progressEvery(10_000).build();
            // 2. Full ingest into the empty catalog.
            heap.reset();
            long t0 = System.nanoTime();
            SyncReport full = engine.sync(source, adapter, corpus, "manual", SyncProgress.NONE);
            double fullSeconds = seconds(t0);
            long fullHeap = heap.peakMiB();
            System.out.printf("full ingest: %s, %.1f s%n", full, fullSeconds);
            check(full.succeeded(), "full ingest failed: " + full.error());
            List<String> counts = tableCounts(ds);

            // 3. The same source again: nothing may be written.
            List<String> before = rowVersions(ds);
            heap.reset();
            t0 = System.nanoTime();
            SyncReport again = engine.sync(source, adapter, corpus, "manual", SyncProgress.NONE);
            double resyncSeconds = seconds(t0);
            long resyncHeap = heap.peakMiB();
            System.out.printf("re-sync: %s, %.1f s%n", again, resyncSeconds);
            check(again.succeeded() && again.written() == 0, "re-sync wrote rows: " + again);
            check(before.equals(rowVersions(ds)), "re-sync rewrote rows (xmin changed)");

            // 4. COPY of the same normalised rows into the emptied tables.
            Path copyDir = work.resolve("copy");
            try (CopyRows rows = new CopyRows(copyDir, source, Instant.now())) {
                adapter.read(corpus, rows);
            }
            long copied;
            double copySeconds;
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("TRUNCATE installer, catalog_update, product, vendor");
                s.execute("CHECKPOINT");
                t0 = System.nanoTime();
                copied = CopyRows.copy(copyDir, c);
                copySeconds = seconds(t0);
            }
            System.out.printf("COPY: %d rows, %.1f s%n", copied, copySeconds);
            check(tableCounts(ds).equals(counts), "COPY loaded other row counts: " + tableCounts(ds) + " vs " + counts);

            System.out.println();
            System.out.println("| corpus | entries | rows (vendor/product/update/installer) | read only (cold / warm) | full ingest | COPY | ingest ÷ COPY"
                    + " | (ingest − read) ÷ COPY | re-sync | re-sync ÷ ingest | rows written by re-sync | peak heap read / ingest / re-sync |");
            System.out.println("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
            System.out.printf(Locale.ROOT, "| %s × %s | %d | %s | %.1f / %.1f s | %.1f s | %.1f s | %.2f | %.2f | %.1f s | %.3f | %d | %d / %d / %d MiB (-Xmx %d MiB) |%n",
                    packages, versions, full.added(), String.join(" / ", counts), coldSeconds, parseSeconds, fullSeconds, copySeconds,
                    fullSeconds / copySeconds, (fullSeconds - parseSeconds) / copySeconds, resyncSeconds, resyncSeconds / fullSeconds, again.written(),
                    parseHeap, fullHeap, resyncHeap, Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    private static double readOnly(WingetAdapter adapter, Path corpus) throws Exception {
        long t0 = System.nanoTime();
        int[] read = new int[2];
        adapter.read(corpus, new EntrySink() {
            @Override
            public void entry(CatalogEntry entry) {
                read[0]++;
            }

            @Override
            public void problem(EntryProblem problem) {
                read[1]++;
            }
        });
        System.out.printf("read: %d entries, %d problems%n", read[0], read[1]);
        return seconds(t0);
    }

    private static long newSource(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("INSERT INTO catalog_source (name, format, location, created_at, updated_at)"
                        + " VALUES ('bench', 'WINGET', 'bench', now(), now()) RETURNING id")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> tableCounts(DataSource ds) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    out.add(String.valueOf(rs.getLong(1)));
                }
            }
        }
        return out;
    }

    /** Per table: row count and an order-independent checksum of (id, xmin); equal before and after means no row was written. */
    private static List<String> rowVersions(DataSource ds) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            for (String table : TABLES) {
                try (PreparedStatement s = c.prepareStatement("SELECT count(*), coalesce(sum(hashtext(id || ':' || xmin)::bigint), 0) FROM " + table);
                        ResultSet rs = s.executeQuery()) {
                    rs.next();
                    out.add(table + " " + rs.getLong(1) + " " + rs.getLong(2));
                }
            }
        }
        return out;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }
}
