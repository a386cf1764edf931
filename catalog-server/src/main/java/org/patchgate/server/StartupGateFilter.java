package org.patchgate.server;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.patchgate.server.problem.Problem;

/**
 * Answers 503 to every API call until the database is migrated, so that nothing touches a schema that
 * is still changing, and says why the server is not serving yet.
 */
@ApplicationScoped
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class StartupGateFilter implements ContainerRequestFilter {

    @Inject
    private StartupState state;

    @Override
    public void filter(ContainerRequestContext request) {
        if (state.ready()) {
            return;
        }
        String detail = state.phase() == StartupState.Phase.FAILED
                ? "the server could not start: " + state.failure()
                : "the server is starting: database migration in progress";
        Problem problem = new Problem(Problem.TYPE_BASE + "not-ready", "Service Unavailable", 503, detail,
                "/" + request.getUriInfo().getPath(), null);
        request.abortWith(Response.fromResponse(problem.toResponse()).header("Retry-After", "5").build());
    }
}
