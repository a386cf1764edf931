package org.patchgate.system;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.patchgate.audit.AuditContext;
import org.patchgate.audit.Audited;
import org.patchgate.security.CurrentAdmin;
import org.patchgate.security.RequiresRole;
import org.patchgate.security.Role;
import org.patchgate.server.problem.ProblemException;

/** Site-wide settings: read by everyone logged in, changed by admins. */
@RequestScoped
@Path("settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequiresRole(Role.VIEWER)
public class SettingsResource {

    static final Pattern KEY = Pattern.compile("[a-z][a-z0-9._-]{0,127}");
    static final int MAX_VALUE_LENGTH = 4000;

    @PersistenceContext(unitName = "patchgate")
    private EntityManager em;

    @Inject
    private CurrentAdmin current;

    @Inject
    private AuditContext audit;

    @Inject
    private Clock clock;

    @GET
    @Operation(summary = "All site settings")
    public List<SettingView> list() {
        return em.createQuery("SELECT s FROM Setting s ORDER BY s.key", Setting.class).getResultStream()
                .map(SettingView::of).toList();
    }

    @GET
    @Path("{key}")
    @Operation(summary = "One site setting")
    public SettingView get(@PathParam("key") String key) {
        return SettingView.of(find(validKey(key)));
    }

    @PUT
    @Path("{key}")
    @Transactional
    @RequiresRole(Role.ADMIN)
    @Audited("setting.set")
    @Operation(summary = "Create or change a site setting")
    public SettingView put(@PathParam("key") String key, SettingValue body) {
        String name = validKey(key);
        if (body == null || body.value() == null) {
            throw ProblemException.invalid("value", "a value is required");
        }
        if (body.value().length() > MAX_VALUE_LENGTH) {
            throw ProblemException.invalid("value", "must be at most " + MAX_VALUE_LENGTH + " characters");
        }
        Instant now = clock.instant();
        String by = current.require().username();
        Setting setting = em.find(Setting.class, name);
        if (setting == null) {
            setting = new Setting(name, body.value(), now, by);
            em.persist(setting);
        } else {
            setting.change(body.value(), now, by);
        }
        audit.detail("set '" + name + "'");
        return SettingView.of(setting);
    }

    @DELETE
    @Path("{key}")
    @Transactional
    @RequiresRole(Role.ADMIN)
    @Audited("setting.delete")
    @Operation(summary = "Remove a site setting")
    public Response delete(@PathParam("key") String key) {
        em.remove(find(validKey(key)));
        return Response.noContent().build();
    }

    private Setting find(String key) {
        Setting setting = em.find(Setting.class, key);
        if (setting == null) {
            throw ProblemException.notFound("setting '" + key + "'");
        }
        return setting;
    }

    private static String validKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw ProblemException.invalid("key", "use lower-case letters, digits, '.', '_' or '-', starting with a letter");
        }
        return key;
    }

    /** The value to set. */
    public record SettingValue(String value) {
    }

    /** A setting as the API shows it. */
    public record SettingView(String key, String value, Instant updatedAt, String updatedBy) {
        static SettingView of(Setting s) {
            return new SettingView(s.key(), s.value(), s.updatedAt(), s.updatedBy());
        }
    }
}
