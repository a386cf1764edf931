package org.patchgate.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.patchgate.audit.AuditContext;
import org.patchgate.audit.Audited;
import org.patchgate.server.problem.ProblemException;

/** Login, logout and the caller's own account. */
@RequestScoped
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    private AuthService auth;

    @Inject
    private CurrentAdmin current;

    @Inject
    private AuditContext audit;

    @Context
    private UriInfo uriInfo;

    @POST
    @Path("login")
    @PublicEndpoint
    @Audited("auth.login")
    @Operation(summary = "Log in; returns a token (bearer) and sets the session cookie")
    public Response login(LoginRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "a JSON body with username and password is required");
        }
        audit.actor(request.username() == null ? "anonymous" : AdminUser.normalize(request.username()));
        LoginResult result = auth.login(request.username(), request.password());
        return Response.ok(result).cookie(sessionCookie(result.token(), result.expiresAt())).build();
    }

    @POST
    @Path("logout")
    @RequiresRole(Role.VIEWER)
    @Audited("auth.logout")
    @Operation(summary = "End this login")
    public Response logout() {
        auth.logout(current.require().sessionId());
        return Response.noContent().cookie(sessionCookie("", Instant.EPOCH)).build();
    }

    @GET
    @Path("me")
    @RequiresRole(Role.VIEWER)
    @Operation(summary = "Who is logged in, with the CSRF token the console must send on changes")
    public Me me() {
        AuthenticatedAdmin admin = current.require();
        return new Me(admin.username(), admin.role().wireName(), admin.csrfToken(), admin.expiresAt());
    }

    @PUT
    @Path("password")
    @RequiresRole(Role.VIEWER)
    @Audited("auth.password.change")
    @Operation(summary = "Change your own password; ends your other logins")
    public Response changePassword(PasswordChange request) {
        if (request == null) {
            throw ProblemException.invalid("body", "a JSON body with currentPassword and newPassword is required");
        }
        auth.changeOwnPassword(current.require(), request.currentPassword(), request.newPassword());
        return Response.noContent().build();
    }

    private NewCookie sessionCookie(String value, Instant expiresAt) {
        long maxAge = Math.max(0, Duration.between(Instant.now(), expiresAt).toSeconds());
        return new NewCookie.Builder(AuthenticationFilter.SESSION_COOKIE)
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure("https".equalsIgnoreCase(uriInfo.getRequestUri().getScheme()))
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge((int) Math.min(Integer.MAX_VALUE, maxAge))
                .build();
    }

    /** Credentials of a login. */
    public record LoginRequest(String username, String password) {
    }

    /** The caller. */
    public record Me(String username, String role, String csrfToken, Instant expiresAt) {
    }

    /** A change of one's own password. */
    public record PasswordChange(String currentPassword, String newPassword) {
    }
}
