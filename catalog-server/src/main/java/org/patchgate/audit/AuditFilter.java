package org.patchgate.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.patchgate.security.AuthenticatedAdmin;
import org.patchgate.security.CurrentAdmin;
import org.patchgate.server.problem.Problem;

/**
 * Records every change made through the API (any request other than GET, HEAD or OPTIONS) with who,
 * what, when and the outcome — including refused and failed attempts. Runs after the response is
 * decided, so the outcome is the one the caller saw.
 */
@ApplicationScoped
@Provider
@Priority(Priorities.USER)
public class AuditFilter implements ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(AuditFilter.class.getName());
    private static final Set<String> READ_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Context
    private ResourceInfo resourceInfo;

    @Context
    private HttpServletRequest servletRequest;

    @Inject
    private CurrentAdmin currentAdmin;

    @Inject
    private AuditContext context;

    @Inject
    private AuditLog auditLog;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (READ_METHODS.contains(request.getMethod())) {
            return;
        }
        int status = response.getStatus();
        String detail = context.detail();
        if (response.getEntity() instanceof Problem problem) {
            detail = detail == null ? problem.detail() : detail + ": " + problem.detail();
        }
        try {
            auditLog.record(actor(), action(request), "/api/v1/" + request.getUriInfo().getPath(),
                    AuditOutcome.ofStatus(status), status, detail, servletRequest == null ? null : servletRequest.getRemoteAddr());
        } catch (RuntimeException e) {
            // The change is done and the caller gets its answer; a lost audit record must be loud in the log.
            LOG.log(Level.SEVERE, "Could not write the audit record of " + request.getMethod() + " "
                    + request.getUriInfo().getPath(), e);
        }
    }

    private String actor() {
        return currentAdmin.get().map(AuthenticatedAdmin::username)
                .orElseGet(() -> context.actor() == null ? "anonymous" : context.actor());
    }

    private String action(ContainerRequestContext request) {
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        if (method == null) {
            return request.getMethod() + " /api/v1/" + request.getUriInfo().getPath();
        }
        Audited audited = method.getAnnotation(Audited.class);
        if (audited != null) {
            return audited.value();
        }
        Path classPath = resourceInfo.getResourceClass().getAnnotation(Path.class);
        Path methodPath = method.getAnnotation(Path.class);
        return request.getMethod() + " /api/v1/" + (classPath == null ? "" : classPath.value())
                + (methodPath == null ? "" : "/" + methodPath.value());
    }
}
