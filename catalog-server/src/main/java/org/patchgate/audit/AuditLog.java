package org.patchgate.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes and reads the audit log. */
@ApplicationScoped
public class AuditLog {

    @PersistenceContext(unitName = "patchgate")
    private EntityManager em;

    @Inject
    private Clock clock;

    /**
     * Records an action in its own transaction, so that the record stays even when the change itself
     * was rolled back.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String actor, String action, String target, AuditOutcome outcome, Integer httpStatus,
                       String detail, String clientAddress) {
        em.persist(new AuditEvent(clock.instant(), actor, action, target, outcome, httpStatus, detail, clientAddress));
    }

    /** Events matching every given filter (null filters match all), newest first. */
    @Transactional
    public Page search(AuditQuery query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (query.actor() != null) {
            where.append(" AND e.actor = :actor");
            params.put("actor", query.actor());
        }
        if (query.actionPrefix() != null) {
            where.append(" AND e.action LIKE :action ESCAPE '\\'");
            params.put("action", escapeLike(query.actionPrefix()) + "%");
        }
        if (query.outcome() != null) {
            where.append(" AND e.outcome = :outcome");
            params.put("outcome", query.outcome().wireName());
        }
        if (query.since() != null) {
            where.append(" AND e.occurredAt >= :since");
            params.put("since", query.since());
        }
        if (query.until() != null) {
            where.append(" AND e.occurredAt < :until");
            params.put("until", query.until());
        }
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(e) FROM AuditEvent e" + where, Long.class);
        TypedQuery<AuditEvent> select = em.createQuery(
                "SELECT e FROM AuditEvent e" + where + " ORDER BY e.occurredAt DESC, e.id DESC", AuditEvent.class);
        params.forEach((name, value) -> {
            count.setParameter(name, value);
            select.setParameter(name, value);
        });
        List<AuditEvent> items = new ArrayList<>(select.setFirstResult(query.offset()).setMaxResults(query.limit()).getResultList());
        return new Page(count.getSingleResult(), query.offset(), query.limit(), items);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * What to look for.
     *
     * @param actor exact actor, or null
     * @param actionPrefix action prefix such as {@code user.}, or null
     * @param outcome outcome, or null
     * @param since inclusive lower bound, or null
     * @param until exclusive upper bound, or null
     * @param offset items to skip
     * @param limit items to return
     */
    public record AuditQuery(String actor, String actionPrefix, AuditOutcome outcome, Instant since, Instant until,
                             int offset, int limit) {
    }

    /** One page of results with the total count. */
    public record Page(long total, int offset, int limit, List<AuditEvent> items) {
    }
}
