package org.patchgate.catalog.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.patchgate.catalog.model.Version;

/**
 * Links superseded updates to the update that replaces them ({@code catalog_update.superseded_by_id}),
 * for the products a sync touched only:
 * <ol>
 *   <li>Within a product, the non-removed updates are ordered by {@link Version} (ties by id) and
 *       each is superseded by the next higher one; the highest by none.</li>
 *   <li>An explicit link wins over that: an update whose {@code supersedes} names another entry of
 *       the same source (SCUP {@code SupersededPackages}) supersedes it, even across products. When
 *       several name one entry, the highest version wins.</li>
 * </ol>
 * Touched products are those of added, changed and removed updates, those of entries that added or
 * changed updates name in {@code supersedes}, and those of updates that pointed at a changed or
 * removed update (so a dropped explicit link is undone). Only rows whose link differs are written.
 * Removed updates keep the link they had.
 */
final class Supersedence {

    private static final int ID_CHUNK = 10_000;

    private final Connection connection;
    private final long sourceId;

    Supersedence(Connection connection, long sourceId) {
        this.connection = connection;
        this.sourceId = sourceId;
    }

    private record Row(long id, long productId, Version version, Long supersededBy) {
    }

    /**
     * @param productIds products of added, changed and removed updates
     * @param changedOrRemoved ids of changed and removed updates
     * @param explicitSupersedes ids of added or changed updates that name entries in {@code supersedes}
     * @return rows whose link was rewritten
     */
    int recompute(Set<Long> productIds, Collection<Long> changedOrRemoved, Collection<Long> explicitSupersedes)
            throws SQLException {
        Set<Long> products = new HashSet<>(productIds);
        products.addAll(longs("SELECT t.product_id FROM catalog_update u"
                + " CROSS JOIN LATERAL jsonb_array_elements_text(u.supersedes) AS s(entry_id)"
                + " JOIN catalog_update t ON t.source_id = u.source_id AND t.source_entry_id = s.entry_id"
                + " WHERE u.id = ANY(?)", explicitSupersedes));
        products.addAll(longs("SELECT product_id FROM catalog_update WHERE superseded_by_id = ANY(?)", changedOrRemoved));
        if (products.isEmpty()) {
            return 0;
        }
        Map<Long, List<Row>> byProduct = new HashMap<>();
        Map<Long, Long> desired = new HashMap<>();
        Map<Long, Long> current = new HashMap<>();
        List<Long> productList = new ArrayList<>(products);
        for (int from = 0; from < productList.size(); from += ID_CHUNK) {
            List<Long> chunk = productList.subList(from, Math.min(productList.size(), from + ID_CHUNK));
            try (PreparedStatement select = connection.prepareStatement("SELECT id, product_id, version, superseded_by_id"
                    + " FROM catalog_update WHERE product_id = ANY(?) AND removed_at IS NULL")) {
                select.setArray(1, connection.createArrayOf("bigint", chunk.toArray()));
                select.setFetchSize(5_000);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        long by = rs.getLong(4);
                        Row row = new Row(rs.getLong(1), rs.getLong(2), Version.parse(rs.getString(3)),
                                rs.wasNull() ? null : by);
                        byProduct.computeIfAbsent(row.productId(), k -> new ArrayList<>()).add(row);
                        current.put(row.id(), row.supersededBy());
                    }
                }
            }
        }
        Comparator<Row> order = Comparator.comparing(Row::version).thenComparingLong(Row::id);
        for (List<Row> rows : byProduct.values()) {
            rows.sort(order);
            for (int i = 0; i < rows.size(); i++) {
                desired.put(rows.get(i).id(), i + 1 < rows.size() ? rows.get(i + 1).id() : null);
            }
        }
        explicitLinks(productList, desired);
        List<Long> ids = new ArrayList<>();
        List<Long> targets = new ArrayList<>();
        for (Map.Entry<Long, Long> d : desired.entrySet()) {
            if (!Objects.equals(current.get(d.getKey()), d.getValue())) {
                ids.add(d.getKey());
                targets.add(d.getValue());
            }
        }
        write(ids, targets);
        return ids.size();
    }

    /** Applies explicit {@code supersedes} links whose target lies in one of the products (highest superseder wins). */
    private void explicitLinks(List<Long> products, Map<Long, Long> desired) throws SQLException {
        Map<Long, Version> winner = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT t.id, u.id, u.version FROM catalog_update u"
                + " CROSS JOIN LATERAL jsonb_array_elements_text(u.supersedes) AS s(entry_id)"
                + " JOIN catalog_update t ON t.source_id = u.source_id AND t.source_entry_id = s.entry_id"
                + " WHERE u.source_id = ? AND u.removed_at IS NULL AND u.supersedes <> '[]'::jsonb"
                + " AND t.removed_at IS NULL AND t.id <> u.id AND t.product_id = ANY(?)")) {
            select.setLong(1, sourceId);
            select.setArray(2, connection.createArrayOf("bigint", products.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long target = rs.getLong(1);
                    Version version = Version.parse(rs.getString(3));
                    Version best = winner.get(target);
                    if (best == null || version.compareTo(best) > 0) {
                        winner.put(target, version);
                        desired.put(target, rs.getLong(2));
                    }
                }
            }
        }
    }

    private void write(List<Long> ids, List<Long> targets) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE catalog_update c SET superseded_by_id = v.sup"
                + " FROM unnest(?::bigint[], ?::bigint[]) AS v(id, sup) WHERE c.id = v.id")) {
            for (int from = 0; from < ids.size(); from += ID_CHUNK) {
                int to = Math.min(ids.size(), from + ID_CHUNK);
                update.setArray(1, connection.createArrayOf("bigint", ids.subList(from, to).toArray()));
                update.setArray(2, connection.createArrayOf("bigint", targets.subList(from, to).toArray()));
                update.executeUpdate();
            }
        }
    }

    private Set<Long> longs(String sql, Collection<Long> ids) throws SQLException {
        Set<Long> out = new HashSet<>();
        List<Long> list = new ArrayList<>(ids);
        for (int from = 0; from < list.size(); from += ID_CHUNK) {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setArray(1, connection.createArrayOf("bigint",
                        list.subList(from, Math.min(list.size(), from + ID_CHUNK)).toArray()));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
        }
        return out;
    }
}
