package org.patchgate.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.patchgate.server.problem.Problem;

/**
 * Authenticates every API request and enforces the role its endpoint requires.
 *
 * <p>A request authenticates with {@code Authorization: Bearer <token>} (scripts) or the
 * {@value #SESSION_COOKIE} cookie (the console). Cookie-authenticated changes must repeat the
 * session's CSRF token in {@value #CSRF_HEADER}: a cross-site page can make the browser send the
 * cookie but cannot read the token. Bearer requests need no CSRF token, since browsers never add
 * that header by themselves.
 */
@ApplicationScoped
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    public static final String SESSION_COOKIE = "patchgate_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private static final Logger LOG = Logger.getLogger(AuthenticationFilter.class.getName());
    private static final Set<String> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Context
    private ResourceInfo resourceInfo;

    @Inject
    private AuthService auth;

    @Inject
    private CurrentAdmin current;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        if (method == null) {
            return; // no endpoint matched: the 404 problem follows
        }
        Class<?> resource = resourceInfo.getResourceClass();
        Credentials credentials = credentials(request);
        Optional<AuthenticatedAdmin> admin = credentials == null ? Optional.empty() : auth.authenticate(credentials.token());
        admin.ifPresent(current::set);

        if (method.isAnnotationPresent(PublicEndpoint.class) || resource.isAnnotationPresent(PublicEndpoint.class)) {
            return;
        }
        RequiresRole required = Optional.ofNullable(method.getAnnotation(RequiresRole.class))
                .orElse(resource.getAnnotation(RequiresRole.class));
        if (required == null) {
            LOG.severe(() -> "Endpoint " + resource.getName() + "." + method.getName() + " declares no role: refused");
            abort(request, Response.Status.FORBIDDEN, "access-denied", "this endpoint is not open to anyone");
            return;
        }
        if (admin.isEmpty()) {
            abort(request, Response.Status.UNAUTHORIZED, "unauthenticated",
                    credentials == null ? "log in first: POST /api/v1/auth/login" : "the session is unknown or has expired; log in again");
            return;
        }
        if (credentials.fromCookie() && !SAFE_METHODS.contains(request.getMethod())
                && !Tokens.constantTimeEquals(request.getHeaderString(CSRF_HEADER), admin.get().csrfToken())) {
            abort(request, Response.Status.FORBIDDEN, "csrf-token-invalid",
                    "changes made with the session cookie must send the session's CSRF token in " + CSRF_HEADER);
            return;
        }
        if (!admin.get().role().includes(required.value())) {
            abort(request, Response.Status.FORBIDDEN, "access-denied",
                    "this requires the " + required.value().wireName() + " role; you have " + admin.get().role().wireName());
        }
    }

    private static Credentials credentials(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Credentials(authorization.substring(7).strip(), false);
        }
        Cookie cookie = request.getCookies().get(SESSION_COOKIE);
        if (cookie != null && !cookie.getValue().isBlank()) {
            return new Credentials(cookie.getValue(), true);
        }
        return null;
    }

    private static void abort(ContainerRequestContext request, Response.Status status, String type, String detail) {
        Response.ResponseBuilder response = Response.fromResponse(new Problem(Problem.TYPE_BASE + type,
                status.getReasonPhrase(), status.getStatusCode(), detail, "/" + request.getUriInfo().getPath(), null)
                .toResponse());
        if (status == Response.Status.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"patchgate\"");
        }
        request.abortWith(response.build());
    }

    private record Credentials(String token, boolean fromCookie) {
    }
}
