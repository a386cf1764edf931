package org.patchgate.audit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.patchgate.security.RequiresRole;
import org.patchgate.security.Role;
import org.patchgate.server.problem.ProblemException;

/** Reads the audit log. */
@RequestScoped
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.ADMIN)
public class AuditResource {

    static final int MAX_LIMIT = 500;

    @Inject
    private AuditLog auditLog;

    @GET
    @Operation(summary = "Audit events, newest first, filtered by actor, action prefix, outcome and time")
    public AuditPage list(@QueryParam("actor") String actor,
                          @QueryParam("action") String action,
                          @QueryParam("outcome") String outcome,
                          @QueryParam("since") String since,
                          @QueryParam("until") String until,
                          @QueryParam("offset") @DefaultValue("0") int offset,
                          @QueryParam("limit") @DefaultValue("100") int limit) {
        if (offset < 0) {
            throw ProblemException.invalid("offset", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        AuditLog.Page page = auditLog.search(new AuditLog.AuditQuery(blankToNull(actor), blankToNull(action),
                outcome(outcome), instant("since", since), instant("until", until), offset, limit));
        List<AuditEventView> items = page.items().stream().map(AuditEventView::of).toList();
        return new AuditPage(page.total(), page.offset(), page.limit(), items);
    }

    private static AuditOutcome outcome(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return AuditOutcome.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("outcome", "must be success, denied or failure");
        }
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** One page of the audit log. */
    public record AuditPage(long total, int offset, int limit, List<AuditEventView> items) {
    }

    /** An audit event as the API shows it. */
    public record AuditEventView(long id, Instant occurredAt, String actor, String action, String target,
                                 String outcome, Integer httpStatus, String detail, String clientAddress) {
        static AuditEventView of(AuditEvent e) {
            return new AuditEventView(e.id(), e.occurredAt(), e.actor(), e.action(), e.target(), e.outcome(),
                    e.httpStatus(), e.detail(), e.clientAddress());
        }
    }
}
