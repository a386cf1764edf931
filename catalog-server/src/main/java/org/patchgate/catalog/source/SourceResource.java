package org.patchgate.catalog.source;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.patchgate.audit.AuditContext;
import org.patchgate.audit.Audited;
import org.patchgate.security.RequiresRole;
import org.patchgate.security.Role;
import org.patchgate.server.problem.ProblemException;

/** Catalog sources: configure, sync now, and read the record of each sync. */
@RequestScoped
@Path("sources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequiresRole(Role.VIEWER)
public class SourceResource {

    static final int MAX_LIMIT = 200;

    @Inject
    private SourceService sources;

    @Inject
    private SyncCoordinator syncs;

    @Inject
    private AuditContext audit;

    @PersistenceContext(unitName = "patchgate")
    private EntityManager em;

    @GET
    @Operation(summary = "All catalog sources")
    public List<SourceView> list() {
        return sources.list().stream().map(SourceView::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One catalog source")
    public SourceView get(@PathParam("id") long id) {
        return SourceView.of(sources.get(id));
    }

    @POST
    @RequiresRole(Role.OPERATOR)
    @Audited("source.create")
    @Operation(summary = "Add a catalog source")
    public Response create(SourceService.SourceDefinition body) {
        if (body == null) {
            throw ProblemException.invalid("body", "a JSON body with name, format and location is required");
        }
        CatalogSource source = sources.create(body);
        audit.detail("'" + source.name() + "' (" + source.format() + ") at " + source.location());
        return Response.created(UriBuilder.fromPath("/api/v1/sources/{id}").build(source.id()))
                .entity(SourceView.of(source)).build();
    }

    @PUT
    @Path("{id}")
    @RequiresRole(Role.OPERATOR)
    @Audited("source.update")
    @Operation(summary = "Change a catalog source; absent fields stay as they are")
    public SourceView update(@PathParam("id") long id, SourceService.SourceDefinition body) {
        if (body == null) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        return SourceView.of(sources.update(id, body));
    }

    @DELETE
    @Path("{id}")
    @RequiresRole(Role.OPERATOR)
    @Audited("source.delete")
    @Operation(summary = "Remove a catalog source and everything synced from it")
    public Response delete(@PathParam("id") long id) {
        sources.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/sync")
    @RequiresRole(Role.OPERATOR)
    @Audited("source.sync")
    @Operation(summary = "Sync now; answers 202 at once, progress shows in GET /sources/{id}/syncs."
            + " full=true reads and parses every entry even if the source looks unchanged")
    public Response syncNow(@PathParam("id") long id, @QueryParam("full") @DefaultValue("false") boolean full) {
        CatalogSource source = sources.get(id);
        syncs.start(source.id(), "manual", full);
        audit.detail((full ? "full sync" : "sync") + " of '" + source.name() + "' started");
        return Response.accepted(new SyncStarted(source.id(), "/api/v1/sources/" + id + "/syncs"))
                .location(UriBuilder.fromPath("/api/v1/sources/{id}/syncs").build(id)).build();
    }

    @GET
    @Path("{id}/syncs")
    @Operation(summary = "Syncs of a source, newest first, with counts and progress")
    public List<SyncView> syncs(@PathParam("id") long id, @QueryParam("limit") @DefaultValue("20") int limit) {
        sources.get(id);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return em.createQuery("SELECT r FROM SyncRun r WHERE r.sourceId = :id ORDER BY r.startedAt DESC, r.id DESC", SyncRun.class)
                .setParameter("id", id).setMaxResults(limit).getResultStream().map(SyncView::of).toList();
    }

    @GET
    @Path("{id}/syncs/{run}")
    @Operation(summary = "One sync with its per-entry problems")
    public SyncDetail sync(@PathParam("id") long id, @PathParam("run") long run,
                           @QueryParam("problems") @DefaultValue("500") int maxProblems) {
        SyncRun r = em.find(SyncRun.class, run);
        if (r == null || r.sourceId() != id) {
            throw ProblemException.notFound("sync " + run + " of source " + id);
        }
        if (maxProblems < 0 || maxProblems > 10_000) {
            throw ProblemException.invalid("problems", "must be between 0 and 10000");
        }
        List<ProblemView> problems = em.createQuery("SELECT p FROM SyncProblem p WHERE p.syncRunId = :run ORDER BY p.id", SyncProblem.class)
                .setParameter("run", run).setMaxResults(Math.max(1, maxProblems)).getResultStream()
                .limit(maxProblems).map(p -> new ProblemView(p.sourcePath(), p.reason())).toList();
        return new SyncDetail(SyncView.of(r), problems);
    }

    /** A source as the API shows it; the credential secret is never shown. */
    public record SourceView(long id, String name, String format, String location, Integer scheduleMinutes, boolean enabled,
                             String credentialUser, boolean hasCredentials, Instant nextSyncAt, Instant createdAt,
                             Instant updatedAt) {
        static SourceView of(CatalogSource s) {
            return new SourceView(s.id(), s.name(), s.format().name().toLowerCase().replace('_', '-'), s.location(),
                    s.scheduleMinutes(), s.enabled(), s.credentialUser(), s.hasCredentials(), s.nextSyncAt(), s.createdAt(),
                    s.updatedAt());
        }
    }

    /** Where to follow a sync that was started. */
    public record SyncStarted(long sourceId, String syncs) {
    }

    /**
     * A sync with its counts; {@code entriesDone}/{@code entriesTotal} is its progress while running.
     * {@code sourceRevision} is what was read (a git commit, a file's digest); {@code unchangedSinceRun},
     * when set, says the source had not changed since that run, so nothing was read.
     */
    public record SyncView(long id, String trigger, String state, Instant startedAt, Instant finishedAt, int entriesTotal,
                           int entriesDone, int added, int changed, int removed, int unchanged, int problems, String error,
                           String sourceRevision, Long unchangedSinceRun) {
        static SyncView of(SyncRun r) {
            return new SyncView(r.id(), r.trigger(), r.state(), r.startedAt(), r.finishedAt(), r.entriesTotal(), r.entriesDone(),
                    r.added(), r.changed(), r.removed(), r.unchanged(), r.problems(), r.error(), r.sourceRevision(),
                    r.unchangedSinceRun());
        }
    }

    /** A skipped entry: the file it came from and why. */
    public record ProblemView(String sourcePath, String reason) {
    }

    /** A sync and its problems. */
    public record SyncDetail(SyncView sync, List<ProblemView> problems) {
    }
}
