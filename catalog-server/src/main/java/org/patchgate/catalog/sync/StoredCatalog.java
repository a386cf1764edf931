package org.patchgate.catalog.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.patchgate.catalog.model.Version;

/**
 * What the catalog holds for one source, loaded once at the start of a sync: each update's id,
 * product and fingerprint by source entry id, and the source's products by product key. Vendors
 * are shared by all sources and loaded whole (there are a few thousand at most).
 *
 * <p>Memory is bounded by the size of one source: about 500 bytes per stored update (entry id,
 * 64-character fingerprint and raw digest, source path, map nodes), so ~30 MB for a 60,000-version
 * winget source; products add
 * ~200 bytes each. Entries are never held: only these keys.
 */
final class StoredCatalog {

    /** One stored (or, once this sync adds it, new) update of the source. */
    static final class StoredUpdate {
        final long id;
        long productId;
        final String fingerprint;
        final boolean removed;
        /** {@code catalog_update.source_digest}: kept current by this sync (writer thread only). */
        String sourceDigest;
        /** Whether this sync has read the entry: unseen stored updates are removed at the end. */
        boolean seen;

        StoredUpdate(long id, long productId, String fingerprint, boolean removed, String sourceDigest) {
            this.id = id;
            this.productId = productId;
            this.fingerprint = fingerprint;
            this.removed = removed;
            this.sourceDigest = sourceDigest;
        }
    }

    /** One product of the source. */
    static final class StoredProduct {
        final long id;
        long vendorId;
        String name;
        /** Whether this sync inserted the product (it had no updates before). */
        boolean createdBySync;
        /** Version of the entry this sync took the name and vendor from; {@code null} until one does. */
        Version namedBy;

        StoredProduct(long id, long vendorId, String name) {
            this.id = id;
            this.vendorId = vendorId;
            this.name = name;
        }
    }

    final Map<String, StoredUpdate> updates = new HashMap<>();
    final Map<String, StoredProduct> products = new HashMap<>();
    final Map<String, Long> vendors = new HashMap<>();
    /** Never changed once loaded, so other threads may read it during the sync (see {@link DigestIndex}). */
    final DigestIndex digests = new DigestIndex();

    static StoredCatalog load(Connection connection, long sourceId) throws SQLException {
        StoredCatalog stored = new StoredCatalog();
        try (PreparedStatement select = connection.prepareStatement("SELECT source_entry_id, id, product_id, fingerprint,"
                + " removed_at IS NOT NULL, source_digest, source_path FROM catalog_update WHERE source_id = ?")) {
            select.setLong(1, sourceId);
            select.setFetchSize(5_000); // a cursor (inside a transaction), not the whole result at once
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String entryId = rs.getString(1);
                    boolean removed = rs.getBoolean(5);
                    String digest = rs.getString(6);
                    stored.updates.put(entryId, new StoredUpdate(rs.getLong(2), rs.getLong(3), rs.getString(4), removed, digest));
                    if (!removed) {
                        stored.digests.add(rs.getString(7), entryId, digest);
                    }
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT product_key, id, vendor_id, name FROM product WHERE source_id = ?")) {
            select.setLong(1, sourceId);
            select.setFetchSize(5_000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    stored.products.put(rs.getString(1), new StoredProduct(rs.getLong(2), rs.getLong(3), rs.getString(4)));
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT name, id FROM vendor");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                stored.vendors.put(rs.getString(1), rs.getLong(2));
            }
        }
        return stored;
    }

    Collection<StoredUpdate> allUpdates() {
        return updates.values();
    }
}
