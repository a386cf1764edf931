package org.patchgate.catalog.browse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Searches the catalog with SQL that PostgreSQL's indexes serve: the GIN index on the update's
 * {@code tsvector} for text, b-tree indexes for the filters. Every value is a bound parameter; the
 * SQL text is assembled only from fixed fragments.
 */
@ApplicationScoped
@Transactional
public class CatalogQueries {

    @PersistenceContext(unitName = "patchgate")
    private EntityManager em;

    public Page<UpdateSummary> updates(UpdateFilter f, int offset, int limit) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        String ts = f.tsQuery();
        if (ts != null) {
            where.append(" AND u.search @@ to_tsquery('simple', :ts)");
            params.put("ts", ts);
        }
        if (f.vendor() != null) {
            where.append(" AND lower(v.name) = lower(:vendor)");
            params.put("vendor", f.vendor());
        }
        if (f.productId() != null) {
            where.append(" AND u.product_id = :product");
            params.put("product", f.productId());
        }
        if (f.sourceId() != null) {
            where.append(" AND u.source_id = :source");
            params.put("source", f.sourceId());
        }
        if (f.classification() != null) {
            where.append(" AND u.classification = :classification");
            params.put("classification", f.classification().name());
        }
        if (f.releasedFrom() != null) {
            where.append(" AND u.release_date >= :from");
            params.put("from", Date.valueOf(f.releasedFrom()));
        }
        if (f.releasedBefore() != null) {
            where.append(" AND u.release_date < :before");
            params.put("before", Date.valueOf(f.releasedBefore()));
        }
        if (f.installerType() != null || f.architecture() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM installer i WHERE i.update_id = u.id");
            if (f.installerType() != null) {
                where.append(" AND i.installer_type = :type");
                params.put("type", f.installerType().name());
            }
            if (f.architecture() != null) {
                where.append(" AND i.architecture = :arch");
                params.put("arch", f.architecture().name());
            }
            where.append(")");
        }
        if (!f.includeSuperseded()) {
            where.append(" AND u.superseded_by_id IS NULL");
        }
        if (!f.includeRemoved()) {
            where.append(" AND u.removed_at IS NULL");
        }
        String from = " FROM catalog_update u JOIN product p ON p.id = u.product_id JOIN vendor v ON v.id = p.vendor_id";
        String order = ts != null
                ? " ORDER BY ts_rank(u.search, to_tsquery('simple', :ts)) DESC, u.release_date DESC NULLS LAST, u.id DESC"
                : " ORDER BY u.release_date DESC NULLS LAST, u.id DESC";
        Query count = em.createNativeQuery("SELECT count(*)" + from + where);
        Query select = em.createNativeQuery("SELECT u.id, v.name, p.id, p.name, u.version, u.title, u.release_date,"
                + " u.classification, u.severity, u.superseded_by_id, u.removed_at IS NOT NULL, u.source_id"
                + from + where + order + " LIMIT :limit OFFSET :offset");
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            select.setParameter(k, v);
        });
        select.setParameter("limit", limit).setParameter("offset", offset);
        List<UpdateSummary> items = new ArrayList<>();
        for (Object row : select.getResultList()) {
            Object[] r = (Object[]) row;
            items.add(new UpdateSummary(number(r[0]), (String) r[1], number(r[2]), (String) r[3], (String) r[4], (String) r[5],
                    r[6] == null ? null : toLocalDate(r[6]), (String) r[7], (String) r[8],
                    r[9] == null ? null : number(r[9]), (Boolean) r[10], number(r[11])));
        }
        return new Page<>(((Number) count.getSingleResult()).longValue(), offset, limit, items);
    }

    public Page<VendorSummary> vendors(String text, int offset, int limit) {
        String where = text == null ? "" : " WHERE v.name ILIKE :pattern ESCAPE '\\'";
        Query count = em.createNativeQuery("SELECT count(*) FROM vendor v" + where);
        Query select = em.createNativeQuery("SELECT v.id, v.name, (SELECT count(*) FROM product p WHERE p.vendor_id = v.id)"
                + " FROM vendor v" + where + " ORDER BY lower(v.name), v.id LIMIT :limit OFFSET :offset");
        if (text != null) {
            String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            count.setParameter("pattern", pattern);
            select.setParameter("pattern", pattern);
        }
        select.setParameter("limit", limit).setParameter("offset", offset);
        List<VendorSummary> items = new ArrayList<>();
        for (Object row : select.getResultList()) {
            Object[] r = (Object[]) row;
            items.add(new VendorSummary(number(r[0]), (String) r[1], number(r[2])));
        }
        return new Page<>(((Number) count.getSingleResult()).longValue(), offset, limit, items);
    }

    public Page<ProductSummary> products(String vendor, Long sourceId, int offset, int limit) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (vendor != null) {
            where.append(" AND lower(v.name) = lower(:vendor)");
            params.put("vendor", vendor);
        }
        if (sourceId != null) {
            where.append(" AND p.source_id = :source");
            params.put("source", sourceId);
        }
        String from = " FROM product p JOIN vendor v ON v.id = p.vendor_id";
        Query count = em.createNativeQuery("SELECT count(*)" + from + where);
        Query select = em.createNativeQuery("SELECT p.id, p.name, p.product_key, v.name, p.source_id,"
                + " (SELECT count(*) FROM catalog_update u WHERE u.product_id = p.id AND u.removed_at IS NULL)"
                + from + where + " ORDER BY lower(p.name), p.id LIMIT :limit OFFSET :offset");
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            select.setParameter(k, v);
        });
        select.setParameter("limit", limit).setParameter("offset", offset);
        List<ProductSummary> items = new ArrayList<>();
        for (Object row : select.getResultList()) {
            Object[] r = (Object[]) row;
            items.add(new ProductSummary(number(r[0]), (String) r[1], (String) r[2], (String) r[3], number(r[4]), number(r[5])));
        }
        return new Page<>(((Number) count.getSingleResult()).longValue(), offset, limit, items);
    }

    public CatalogUpdate update(long id) {
        CatalogUpdate update = em.find(CatalogUpdate.class, id);
        if (update != null) {
            update.installers().size(); // load within the transaction
        }
        return update;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
    }

    /** One page of results with the total count. */
    public record Page<T>(long total, int offset, int limit, List<T> items) {
    }

    /** An update in a result list. */
    public record UpdateSummary(long id, String vendor, long productId, String product, String version, String title,
                                LocalDate releaseDate, String classification, String severity, Long supersededById,
                                boolean removed, long sourceId) {
    }

    /** A vendor with the number of its products. */
    public record VendorSummary(long id, String name, long products) {
    }

    /** A product with the number of its current updates. */
    public record ProductSummary(long id, String name, String productKey, String vendor, long sourceId, long updates) {
    }
}
