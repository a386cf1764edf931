package org.patchgate.content.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.patchgate.audit.AuditContext;
import org.patchgate.audit.Audited;
import org.patchgate.security.RequiresRole;
import org.patchgate.security.Role;

/** Selecting updates whose installers Patchgate downloads, verifies and stores. */
@RequestScoped
@Path("catalog/updates/{id}/content")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.OPERATOR)
public class ContentResource {

    @Inject
    private ContentService content;

    @Inject
    private AuditContext audit;

    @POST
    @Audited("content.fetch")
    @Operation(summary = "Download and verify the update's installers that are missing or failed; "
            + "their state shows in GET /catalog/updates/{id}")
    public Response fetch(@PathParam("id") long updateId) {
        int queued = content.select(updateId);
        audit.detail(queued + " installer(s) queued");
        return Response.accepted(new Queued(updateId, queued)).build();
    }

    /** How many installers were queued for download. */
    public record Queued(long updateId, int installersQueued) {
    }
}
