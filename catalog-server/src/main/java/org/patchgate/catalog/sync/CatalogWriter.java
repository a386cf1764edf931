package org.patchgate.catalog.sync;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.patchgate.catalog.model.CatalogEntry;
import org.patchgate.catalog.model.Installer;

/**
 * Writes the changes of one sync inside its catalog transaction, as JDBC batches executed in
 * foreign-key order (products, then updates, then installers) every {@link #BATCH} entries.
 *
 * <p>A changed update keeps its id; its installers are replaced. An installer whose URL and hashes
 * are unchanged (same URL, same SHA-256 and vendor digest, at least one of them given) carries its
 * content state (verified/failed/downloading, content hash, error, time) over to the new row, so a
 * text change in the manifest does not force a new download. The new installer rows get new ids.
 */
final class CatalogWriter implements AutoCloseable {

    /** Entries per JDBC batch. */
    static final int BATCH = 500;
    /** Ids per {@code = ANY(?)} array. */
    private static final int ID_CHUNK = 10_000;

    private static final String UPDATE_COLUMNS = "product_id = ?, source_path = ?, version = ?, title = ?,"
            + " description = ?, release_date = ?, classification = ?, severity = ?, homepage = ?, license = ?,"
            + " supersedes = ?::jsonb, installed_rule = ?::jsonb, applicable_rule = ?::jsonb, fingerprint = ?, source_digest = ?";

    private final Connection connection;
    private final long sourceId;
    private final IdAllocator ids;
    private final PreparedStatement insertProduct;
    private final PreparedStatement updateProduct;
    private final PreparedStatement insertUpdate;
    private final PreparedStatement changeUpdate;
    private final PreparedStatement insertInstaller;
    private final PreparedStatement setSourceDigest;
    private final List<PendingInstallers> changedInstallers = new ArrayList<>();
    private int pending;

    private record PendingInstallers(long updateId, List<Installer> installers) {
    }

    /** Content state an installer row carries. */
    private record ContentState(String state, String sha256, String error, Timestamp updatedAt) {
    }

    CatalogWriter(Connection connection, long sourceId) throws SQLException {
        this.connection = connection;
        this.sourceId = sourceId;
        this.ids = new IdAllocator(connection);
        insertProduct = connection.prepareStatement(
                "INSERT INTO product (id, source_id, vendor_id, product_key, name) VALUES (?, ?, ?, ?, ?)");
        updateProduct = connection.prepareStatement("UPDATE product SET vendor_id = ?, name = ? WHERE id = ?");
        insertUpdate = connection.prepareStatement("INSERT INTO catalog_update (product_id, source_path, version, title,"
                + " description, release_date, classification, severity, homepage, license, supersedes, installed_rule,"
                + " applicable_rule, fingerprint, source_digest, first_seen_at, changed_at, id, source_id, source_entry_id,"
                + " superseded_by_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)");
        changeUpdate = connection.prepareStatement("UPDATE catalog_update SET " + UPDATE_COLUMNS
                + ", changed_at = ?, removed_at = NULL WHERE id = ?");
        insertInstaller = connection.prepareStatement("INSERT INTO installer (id, update_id, position, architecture, scope,"
                + " locale, installer_type, vendor_type, url, sha256, vendor_digest, silent_install, silent_uninstall,"
                + " size_bytes, content_state, content_sha256, content_error, content_updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        setSourceDigest = connection.prepareStatement("UPDATE catalog_update SET source_digest = ? WHERE id = ?");
    }

    long newId() throws SQLException {
        return ids.next();
    }

    /** The vendor's id, inserting it if no source has it yet (vendors are shared; another sync may add the same one). */
    long vendor(String name) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO vendor (id, name) VALUES (?, ?) ON CONFLICT (name) DO NOTHING RETURNING id")) {
            insert.setLong(1, ids.next());
            insert.setString(2, name);
            try (ResultSet rs = insert.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM vendor WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    void insertProduct(long id, long vendorId, String key, String name) throws SQLException {
        insertProduct.setLong(1, id);
        insertProduct.setLong(2, sourceId);
        insertProduct.setLong(3, vendorId);
        insertProduct.setString(4, key);
        insertProduct.setString(5, name);
        insertProduct.addBatch();
    }

    void updateProduct(long id, long vendorId, String name) throws SQLException {
        updateProduct.setLong(1, vendorId);
        updateProduct.setString(2, name);
        updateProduct.setLong(3, id);
        updateProduct.addBatch();
    }

    /** @param supersededBy the update that supersedes this one, already written; usually {@code null} ({@link Supersedence} links) */
    void add(long updateId, long productId, String fingerprint, String sourceDigest, CatalogEntry entry, Instant now,
            Long supersededBy) throws SQLException {
        int i = bindColumns(insertUpdate, productId, fingerprint, sourceDigest, entry);
        Timestamp at = Timestamp.from(now);
        insertUpdate.setTimestamp(i++, at);
        insertUpdate.setTimestamp(i++, at);
        insertUpdate.setLong(i++, updateId);
        insertUpdate.setLong(i++, sourceId);
        insertUpdate.setString(i++, entry.sourceEntryId());
        if (supersededBy == null) {
            insertUpdate.setNull(i, Types.BIGINT);
        } else {
            insertUpdate.setLong(i, supersededBy);
        }
        insertUpdate.addBatch();
        List<Installer> installers = entry.installers();
        for (int position = 0; position < installers.size(); position++) {
            addInstaller(updateId, position, installers.get(position), null);
        }
        countEntry();
    }

    void change(long updateId, long productId, String fingerprint, String sourceDigest, CatalogEntry entry, Instant now)
            throws SQLException {
        int i = bindColumns(changeUpdate, productId, fingerprint, sourceDigest, entry);
        changeUpdate.setTimestamp(i++, Timestamp.from(now));
        changeUpdate.setLong(i, updateId);
        changeUpdate.addBatch();
        changedInstallers.add(new PendingInstallers(updateId, entry.installers()));
        countEntry();
    }

    /** Only the raw digest of an unchanged update (its files changed, the entry did not). */
    void setSourceDigest(long updateId, String sourceDigest) throws SQLException {
        setSourceDigest.setString(1, sourceDigest);
        setSourceDigest.setLong(2, updateId);
        setSourceDigest.addBatch();
        countEntry();
    }

    private int bindColumns(PreparedStatement s, long productId, String fingerprint, String sourceDigest, CatalogEntry e)
            throws SQLException {
        int i = 1;
        s.setLong(i++, productId);
        s.setString(i++, e.sourcePath());
        s.setString(i++, e.version().text());
        s.setString(i++, e.title());
        s.setString(i++, e.description());
        s.setDate(i++, e.releaseDate() == null ? null : Date.valueOf(e.releaseDate()));
        s.setString(i++, e.classification().name());
        s.setString(i++, e.severity().name());
        s.setString(i++, e.homepage());
        s.setString(i++, e.license());
        ArrayNode supersedes = JsonNodeFactory.instance.arrayNode();
        e.supersedes().forEach(supersedes::add);
        s.setString(i++, supersedes.toString());
        s.setString(i++, DetectionRuleJson.toJson(e.installedRule()));
        s.setString(i++, DetectionRuleJson.toJson(e.applicableRule()));
        s.setString(i++, fingerprint);
        s.setString(i++, sourceDigest);
        return i;
    }

    private void addInstaller(long updateId, int position, Installer installer, ContentState content) throws SQLException {
        PreparedStatement s = insertInstaller;
        s.setLong(1, ids.next());
        s.setLong(2, updateId);
        s.setInt(3, position);
        s.setString(4, installer.architecture().name());
        s.setString(5, installer.scope().name());
        s.setString(6, installer.locale());
        s.setString(7, installer.type().name());
        s.setString(8, installer.vendorType());
        s.setString(9, installer.url().toString());
        s.setString(10, installer.sha256() == null ? null : installer.sha256().hex());
        s.setString(11, installer.vendorDigest() == null ? null : installer.vendorDigest().toString());
        s.setString(12, installer.silentInstall());
        s.setString(13, installer.silentUninstall());
        if (installer.size() == null) {
            s.setNull(14, Types.BIGINT);
        } else {
            s.setLong(14, installer.size());
        }
        s.setString(15, content == null ? "missing" : content.state());
        s.setString(16, content == null ? null : content.sha256());
        s.setString(17, content == null ? null : content.error());
        s.setTimestamp(18, content == null ? null : content.updatedAt());
        s.addBatch();
    }

    private void countEntry() throws SQLException {
        if (++pending >= BATCH) {
            flush();
        }
    }

    /** Sends everything batched so far, in foreign-key order. */
    void flush() throws SQLException {
        insertProduct.executeBatch();
        updateProduct.executeBatch();
        insertUpdate.executeBatch();
        changeUpdate.executeBatch();
        setSourceDigest.executeBatch();
        if (!changedInstallers.isEmpty()) {
            replaceInstallers();
        }
        insertInstaller.executeBatch();
        pending = 0;
    }

    private void replaceInstallers() throws SQLException {
        Long[] updateIds = changedInstallers.stream().map(PendingInstallers::updateId).toArray(Long[]::new);
        Array idArray = connection.createArrayOf("bigint", updateIds);
        Map<String, ContentState> kept = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT update_id, url, sha256, vendor_digest,"
                + " content_state, content_sha256, content_error, content_updated_at FROM installer"
                + " WHERE update_id = ANY(?) AND content_state <> 'missing'")) {
            select.setArray(1, idArray);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    kept.putIfAbsent(contentKey(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                            new ContentState(rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8)));
                }
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM installer WHERE update_id = ANY(?)")) {
            delete.setArray(1, idArray);
            delete.executeUpdate();
        }
        for (PendingInstallers p : changedInstallers) {
            for (int position = 0; position < p.installers().size(); position++) {
                Installer installer = p.installers().get(position);
                String sha256 = installer.sha256() == null ? null : installer.sha256().hex();
                String vendorDigest = installer.vendorDigest() == null ? null : installer.vendorDigest().toString();
                ContentState content = sha256 == null && vendorDigest == null ? null
                        : kept.get(contentKey(p.updateId(), installer.url().toString(), sha256, vendorDigest));
                addInstaller(p.updateId(), position, installer, content);
            }
        }
        changedInstallers.clear();
    }

    private static String contentKey(long updateId, String url, String sha256, String vendorDigest) {
        // \0 cannot occur in stored text (PostgreSQL refuses it), so it separates unambiguously.
        return updateId + "\0" + url + "\0" + sha256 + "\0" + vendorDigest;
    }

    /** Marks these updates removed (kept for approvals and history, never deleted). */
    void markRemoved(List<Long> updateIds, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE catalog_update SET removed_at = ? WHERE id = ANY(?)")) {
            for (int from = 0; from < updateIds.size(); from += ID_CHUNK) {
                List<Long> chunk = updateIds.subList(from, Math.min(updateIds.size(), from + ID_CHUNK));
                update.setTimestamp(1, Timestamp.from(now));
                update.setArray(2, connection.createArrayOf("bigint", chunk.toArray()));
                update.executeUpdate();
            }
        }
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement s : List.of(insertProduct, updateProduct, insertUpdate, changeUpdate, insertInstaller,
                setSourceDigest)) {
            s.close();
        }
    }
}
