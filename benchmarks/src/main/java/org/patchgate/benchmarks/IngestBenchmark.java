package org.patchgate.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.patchgate.catalog.format.EntryProblem;
import org.patchgate.catalog.format.EntrySink;
import org.patchgate.catalog.format.SourceFormat;
import org.patchgate.catalog.format.winget.WingetAdapter;
import org.patchgate.catalog.model.CatalogEntry;
import org.patchgate.catalog.source.GitCheckout;
import org.patchgate.catalog.source.SourceRevisions;
import org.patchgate.catalog.sync.SourceRevision;
import org.patchgate.catalog.sync.SyncEngine;
import org.patchgate.catalog.sync.SyncOptions;
import org.patchgate.catalog.sync.SyncProgress;
import org.patchgate.catalog.sync.SyncReport;
import org.patchgate.migrations.Migrations;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Times a full winget ingest through {@link SyncEngine}, two no-change re-syncs (the corpus as a git
 * checkout, whose commit is known, and as a plain folder read file by file), and a COPY load of the
 * same rows, on an embedded PostgreSQL; prints a Markdown table for docs/performance.md. Needs the
 * git command; the corpus is made a git repository (one commit) on first use.
 *
 * <pre>
 * java -Xmx512m -cp ... org.patchgate.benchmarks.IngestBenchmark &lt;corpus dir&gt; &lt;work dir&gt; [packages=15000] [versions=4] [threads=processors]
 * </pre>
 * {@code threads} is the winget adapter's parsing pool; "read only" is timed with one thread (serial) and with the pool.
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
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : Runtime.getRuntime().availableProcessors();
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
            SkipCounter adapter = new SkipCounter(new WingetAdapter(threads));

            // 1. Reading alone (YAML parsing and mapping): the first pass also fills the OS file cache
            // and warms the JIT; then serial (one thread) and with the pool, which is what a sync uses.
            double coldSeconds = readOnly(new WingetAdapter(threads), corpus);
            double serialSeconds = readOnly(new WingetAdapter(1), corpus);
            heap.reset();
            double parseSeconds = readOnly(new WingetAdapter(threads), corpus);
            long parseHeap = heap.peakMiB();
            System.out.printf("read only: cold %.1f s, warm serial %.1f s, warm %d threads %.1f s%n", coldSeconds,
                    serialSeconds, threads, parseSeconds);

            // The corpus as a git checkout, as winget-pkgs is: its revision is what the server would compute.
            GitCorpus.commitIfNeeded(corpus);
            SourceRevisions revisions = new SourceRevisions("benchmark", new GitCheckout("git", Duration.ofMinutes(5),
                    Files.write(work.resolve("git-excludes-none"), new byte[0])));

            SyncEngine engine = SyncEngine.builder().dataSource(ds).progressEvery(10_000).build();
            // 2. Full ingest into the empty catalog (with the revision check, as the server does it).
            heap.reset();
            long t0 = System.nanoTime();
            SyncOptions firstOptions = SyncOptions.withRevision(revisions.ofLocal(SourceFormat.WINGET, corpus.toString(), corpus)
                    .orElseThrow(() -> new IllegalStateException(corpus + " is not a clean git checkout")));
            SyncReport full = engine.sync(source, adapter, corpus, "manual", SyncProgress.NONE, firstOptions);
            double fullSeconds = seconds(t0);
            long fullHeap = heap.peakMiB();
            System.out.printf("full ingest: %s, %.1f s (parsed %d, skipped %d)%n", full, fullSeconds, adapter.parsed.get(),
                    adapter.skipped.get());
            check(full.succeeded(), "full ingest failed: " + full.error());
            List<String> counts = tableCounts(ds);

            // 3a. The same git checkout again: git says it is the commit read last time, so nothing is read.
            List<String> before = rowVersions(ds);
            t0 = System.nanoTime();
            Optional<SourceRevision> revision = revisions.ofLocal(SourceFormat.WINGET, corpus.toString(), corpus);
            SyncReport unchangedCommit = engine.sync(source, adapter, corpus, "manual", SyncProgress.NONE,
                    new SyncOptions(revision.orElse(null), false));
            double gitResyncSeconds = seconds(t0);
            System.out.printf("re-sync of the unchanged git checkout: %s, %.2f s%n", unchangedCommit, gitResyncSeconds);
            check(unchangedCommit.succeeded() && unchangedCommit.written() == 0, "git re-sync wrote rows: " + unchangedCommit);
            check(unchangedCommit.unchanged() == full.added(), "git re-sync did not find the source unchanged: " + unchangedCommit);
            check(before.equals(rowVersions(ds)), "git re-sync rewrote rows (xmin changed)");

            // 3b. The same folder read without a revision (a plain folder): every file is read and
            // digested, none parsed; nothing may be written.
            heap.reset();
            t0 = System.nanoTime();
            SyncReport again = engine.sync(source, adapter, corpus, "manual", SyncProgress.NONE);
            double resyncSeconds = seconds(t0);
            long resyncHeap = heap.peakMiB();
            System.out.printf("re-sync: %s, %.1f s (parsed %d, skipped %d)%n", again, resyncSeconds, adapter.parsed.get(),
                    adapter.skipped.get());
            int resyncParsed = adapter.parsed.get();
            int resyncSkipped = adapter.skipped.get();
            check(again.succeeded() && again.written() == 0, "re-sync wrote rows: " + again);
            check(before.equals(rowVersions(ds)), "re-sync rewrote rows (xmin changed)");

            // What the revision check costs when the repository has ignore rules (winget-pkgs has a
            // .gitignore): git must then also list ignored files, which walks every folder.
            Path ignoreFile = corpus.resolve(".gitignore");
            Files.writeString(ignoreFile, "*.bak\n");
            GitCorpus.commitAll(corpus, "ignore rules");
            revisions.ofLocal(SourceFormat.WINGET, corpus.toString(), corpus); // once to warm the caches, as a previous sync would
            t0 = System.nanoTime();
            boolean clean = revisions.ofLocal(SourceFormat.WINGET, corpus.toString(), corpus).isPresent();
            double ignoreRulesCheckSeconds = seconds(t0);
            check(clean, "the checkout with a .gitignore is not clean");
            Files.delete(ignoreFile);
            GitCorpus.commitAll(corpus, "no ignore rules");
            System.out.printf("revision check with ignore rules: %.2f s%n", ignoreRulesCheckSeconds);

            // 4. COPY of the same normalised rows into the emptied tables.
            Path copyDir = work.resolve("copy");
            try (CopyRows rows = new CopyRows(copyDir, source, Instant.now())) {
                new WingetAdapter(threads).read(corpus, rows);
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
            System.out.println("| corpus | entries | rows (vendor/product/update/installer) | threads | read only (cold / warm serial / warm pool) | full ingest | COPY | ingest ÷ COPY"
                    + " | (ingest − read) ÷ COPY | re-sync, git checkout (÷ ingest) | git check with ignore rules | re-sync, folder read (÷ ingest) | folder re-sync parsed / skipped"
                    + " | rows written by re-syncs | peak heap read / ingest / re-sync |");
            System.out.println("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
            System.out.printf(Locale.ROOT, "| %s × %s | %d | %s | %d | %.1f / %.1f / %.1f s | %.1f s | %.1f s | %.2f | %.2f | %.2f s (%.3f) | %.2f s | %.1f s (%.3f) | %d / %d | %d | %d / %d / %d MiB (-Xmx %d MiB) |%n",
                    packages, versions, full.added(), String.join(" / ", counts), threads, coldSeconds, serialSeconds, parseSeconds, fullSeconds, copySeconds,
                    fullSeconds / copySeconds, (fullSeconds - parseSeconds) / copySeconds, gitResyncSeconds, gitResyncSeconds / fullSeconds,
                    ignoreRulesCheckSeconds, resyncSeconds, resyncSeconds / fullSeconds,
                    resyncParsed, resyncSkipped, again.written() + unchangedCommit.written(), parseHeap, fullHeap, resyncHeap,
                    Runtime.getRuntime().maxMemory() >> 20);
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
