package org.patchgate.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.patchgate.catalog.format.EntryProblem;
import org.patchgate.catalog.format.EntrySink;
import org.patchgate.catalog.model.CatalogEntry;
import org.patchgate.catalog.model.Installer;
import org.patchgate.catalog.sync.DetectionRuleJson;
import org.patchgate.catalog.sync.EntryFingerprint;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The baseline: the same normalised rows the sync engine writes (vendor, product, catalog_update,
 * installer, with the same column values), written as PostgreSQL COPY text files by an adapter pass
 * and then loaded with {@code COPY ... FROM STDIN}. Files, not memory, so the heap stays small.
 * Supersedence links are not computed (COPY has nothing to compute them with).
 */
final class CopyRows implements EntrySink, AutoCloseable {

    private final BufferedWriter vendors;
    private final BufferedWriter products;
    private final BufferedWriter updates;
    private final BufferedWriter installers;
    private final Path dir;
    private final long sourceId;
    private final String now;
    private final Map<String, Long> vendorIds = new HashMap<>();
    private final Map<String, Long> productIds = new HashMap<>();
    private final EntryFingerprint fingerprint = new EntryFingerprint();
    private long nextId = 1;
    int entries;

    CopyRows(Path dir, long sourceId, Instant now) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.sourceId = sourceId;
        this.now = now.toString();
        vendors = Files.newBufferedWriter(dir.resolve("vendor.copy"), StandardCharsets.UTF_8);
        products = Files.newBufferedWriter(dir.resolve("product.copy"), StandardCharsets.UTF_8);
        updates = Files.newBufferedWriter(dir.resolve("catalog_update.copy"), StandardCharsets.UTF_8);
        installers = Files.newBufferedWriter(dir.resolve("installer.copy"), StandardCharsets.UTF_8);
    }

    @Override
    public void entry(CatalogEntry e) {
        try {
            Long vendor = vendorIds.get(e.vendor());
            if (vendor == null) {
                vendor = nextId++;
                vendorIds.put(e.vendor(), vendor);
                row(vendors, vendor, e.vendor());
            }
            Long product = productIds.get(e.productKey());
            if (product == null) {
                product = nextId++;
                productIds.put(e.productKey(), product);
                row(products, product, sourceId, vendor, e.productKey(), e.product());
            }
            long update = nextId++;
            StringBuilder supersedes = new StringBuilder("[");
            for (String s : e.supersedes()) {
                supersedes.append(supersedes.length() > 1 ? "," : "").append('"').append(s.replace("\"", "\\\"")).append('"');
            }
            row(updates, update, sourceId, product, e.sourceEntryId(), e.sourcePath(), e.version().text(), e.title(),
                    e.description(), e.releaseDate(), e.classification().name(), e.severity().name(), e.homepage(),
                    e.license(), supersedes.append(']'), DetectionRuleJson.toJson(e.installedRule()),
                    DetectionRuleJson.toJson(e.applicableRule()), fingerprint.of(e), now, now);
            List<Installer> list = e.installers();
            for (int p = 0; p < list.size(); p++) {
                Installer i = list.get(p);
                row(installers, nextId++, update, p, i.architecture().name(), i.scope().name(), i.locale(), i.type().name(),
                        i.vendorType(), i.url(), i.sha256() == null ? null : i.sha256().hex(),
                        i.vendorDigest() == null ? null : i.vendorDigest().toString(), i.silentInstall(),
                        i.silentUninstall(), i.size());
            }
            entries++;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void problem(EntryProblem problem) {
    }

    /** One line of COPY text format (PostgreSQL docs, COPY "Text Format"): tab-separated, \N for null. */
    private static void row(BufferedWriter out, Object... values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write('\t');
            }
            Object v = values[i];
            if (v == null) {
                out.write("\\N");
                continue;
            }
            String s = v.toString();
            for (int c = 0; c < s.length(); c++) {
                char ch = s.charAt(c);
                switch (ch) {
                    case '\\' -> out.write("\\\\");
                    case '\t' -> out.write("\\t");
                    case '\n' -> out.write("\\n");
                    case '\r' -> out.write("\\r");
                    default -> out.write(ch);
                }
            }
        }
        out.write('\n');
    }

    /** Loads the four files into the catalog tables in one transaction; returns the rows copied. */
    static long copy(Path dir, Connection connection) throws SQLException, IOException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        connection.setAutoCommit(false);
        long rows = 0;
        rows += copy(dir, copy, "vendor (id, name)", "vendor.copy");
        rows += copy(dir, copy, "product (id, source_id, vendor_id, product_key, name)", "product.copy");
        rows += copy(dir, copy, "catalog_update (id, source_id, product_id, source_entry_id, source_path, version, title,"
                + " description, release_date, classification, severity, homepage, license, supersedes, installed_rule,"
                + " applicable_rule, fingerprint, first_seen_at, changed_at)", "catalog_update.copy");
        rows += copy(dir, copy, "installer (id, update_id, position, architecture, scope, locale, installer_type, vendor_type,"
                + " url, sha256, vendor_digest, silent_install, silent_uninstall, size_bytes)", "installer.copy");
        connection.commit();
        return rows;
    }

    private static long copy(Path dir, CopyManager copy, String table, String file) throws SQLException, IOException {
        try (Reader in = Files.newBufferedReader(dir.resolve(file), StandardCharsets.UTF_8)) {
            return copy.copyIn("COPY " + table + " FROM STDIN", in, 1 << 16);
        }
    }

    @Override
    public void close() throws IOException {
        for (BufferedWriter w : List.of(vendors, products, updates, installers)) {
            w.close();
        }
    }
}
