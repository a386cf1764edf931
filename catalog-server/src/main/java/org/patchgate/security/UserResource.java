package org.patchgate.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.patchgate.audit.AuditContext;
import org.patchgate.audit.Audited;
import org.patchgate.server.problem.ProblemException;

/** Administrator accounts. */
@RequestScoped
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequiresRole(Role.ADMIN)
public class UserResource {

    @Inject
    private UserService users;

    @Inject
    private CurrentAdmin current;

    @Inject
    private AuditContext audit;

    @Inject
    private Clock clock;

    @GET
    @Operation(summary = "All administrator accounts")
    public List<UserView> list() {
        Instant now = clock.instant();
        return users.list().stream().map(u -> UserView.of(u, now)).toList();
    }

    @GET
    @Path("{username}")
    @Operation(summary = "One administrator account")
    public UserView get(@PathParam("username") String username) {
        return UserView.of(users.get(username), clock.instant());
    }

    @POST
    @Audited("user.create")
    @Operation(summary = "Create an administrator account")
    public Response create(NewUser request) {
        if (request == null) {
            throw ProblemException.invalid("body", "a JSON body with username, password and role is required");
        }
        AdminUser user = users.create(request.username(), request.password(), request.role());
        audit.detail("created '" + user.username() + "' with role " + user.role().wireName());
        return Response.created(UriBuilder.fromPath("/api/v1/users/{u}").build(user.username()))
                .entity(UserView.of(user, clock.instant())).build();
    }

    @PUT
    @Path("{username}")
    @Audited("user.update")
    @Operation(summary = "Change an account's role or enable/disable it")
    public UserView update(@PathParam("username") String username, UserChange request) {
        if (request == null) {
            throw ProblemException.invalid("body", "a JSON body with role and/or enabled is required");
        }
        AdminUser user = users.update(username, request.role(), request.enabled(), current.require());
        audit.detail("role " + user.role().wireName() + ", enabled " + user.enabled());
        return UserView.of(user, clock.instant());
    }

    @PUT
    @Path("{username}/password")
    @Audited("user.password.reset")
    @Operation(summary = "Set a new password for an account; ends its logins and unlocks it")
    public Response resetPassword(@PathParam("username") String username, PasswordReset request) {
        if (request == null) {
            throw ProblemException.invalid("body", "a JSON body with password is required");
        }
        users.resetPassword(username, request.password());
        return Response.noContent().build();
    }

    @POST
    @Path("{username}/unlock")
    @Audited("user.unlock")
    @Operation(summary = "Unlock an account locked after failed logins")
    public Response unlock(@PathParam("username") String username) {
        users.unlock(username);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{username}")
    @Audited("user.delete")
    @Operation(summary = "Delete an administrator account")
    public Response delete(@PathParam("username") String username) {
        users.delete(username, current.require());
        return Response.noContent().build();
    }

    /** A new account. */
    public record NewUser(String username, String password, String role) {
    }

    /** A change of role and/or enabled state; absent fields stay as they are. */
    public record UserChange(String role, Boolean enabled) {
    }

    /** A new password set by an admin. */
    public record PasswordReset(String password) {
    }

    /** An account as the API shows it (never its password hash). */
    public record UserView(String username, String role, boolean enabled, boolean locked, Instant lockedUntil,
                           int failedLogins, Instant createdAt) {
        static UserView of(AdminUser u, Instant now) {
            return new UserView(u.username(), u.role().wireName(), u.enabled(), u.lockedAt(now),
                    u.lockedAt(now) ? u.lockedUntil() : null, u.failedLogins(), u.createdAt());
        }
    }
}
