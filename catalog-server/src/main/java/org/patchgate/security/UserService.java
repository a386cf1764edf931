package org.patchgate.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.patchgate.server.problem.ProblemException;

/** Manages administrator accounts, keeping at least one enabled admin at all times. */
@ApplicationScoped
@Transactional
public class UserService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");

    @PersistenceContext(unitName = "patchgate")
    private EntityManager em;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private Clock clock;

    public List<AdminUser> list() {
        return em.createQuery("SELECT u FROM AdminUser u ORDER BY u.username", AdminUser.class).getResultList();
    }

    public AdminUser get(String username) {
        return find(username);
    }

    public AdminUser create(String username, String password, String roleName) {
        String name = validUsername(username);
        Role role = validRole(roleName);
        PasswordPolicy.check("password", password);
        if (!em.createQuery("SELECT u FROM AdminUser u WHERE u.username = :name", AdminUser.class)
                .setParameter("name", name).getResultList().isEmpty()) {
            throw ProblemException.conflict("a user named '" + name + "' already exists");
        }
        AdminUser user = new AdminUser(name, hasher.hash(password), role, clock.instant());
        em.persist(user);
        return user;
    }

    /** Changes role and/or enabled state; null leaves a value as it is. */
    public AdminUser update(String username, String roleName, Boolean enabled, AuthenticatedAdmin caller) {
        AdminUser user = find(username);
        Role role = roleName == null ? user.role() : validRole(roleName);
        boolean willBeEnabled = enabled == null ? user.enabled() : enabled;
        if (user.role() == Role.ADMIN && user.enabled() && (role != Role.ADMIN || !willBeEnabled)) {
            requireAnotherEnabledAdmin(user);
        }
        if (user.id().equals(caller.userId()) && !willBeEnabled) {
            throw ProblemException.conflict("you cannot disable your own account");
        }
        user.changeRole(role);
        user.setEnabled(willBeEnabled);
        if (!willBeEnabled) {
            endSessions(user);
        }
        return user;
    }

    /** Sets a new password for another user (or oneself) and ends their logins. */
    public void resetPassword(String username, String password) {
        AdminUser user = find(username);
        PasswordPolicy.check("password", password);
        user.changePassword(hasher.hash(password), clock.instant());
        user.unlock();
        endSessions(user);
    }

    public void unlock(String username) {
        find(username).unlock();
    }

    public void delete(String username, AuthenticatedAdmin caller) {
        AdminUser user = find(username);
        if (user.id().equals(caller.userId())) {
            throw ProblemException.conflict("you cannot delete your own account");
        }
        if (user.role() == Role.ADMIN && user.enabled()) {
            requireAnotherEnabledAdmin(user);
        }
        em.remove(user);
    }

    /** Creates the first admin of an empty database; false if any user exists already. */
    public boolean createInitialAdmin(String username, String password) {
        if (em.createQuery("SELECT COUNT(u) FROM AdminUser u", Long.class).getSingleResult() > 0) {
            return false;
        }
        em.persist(new AdminUser(username, hasher.hash(password), Role.ADMIN, clock.instant()));
        return true;
    }

    private void requireAnotherEnabledAdmin(AdminUser user) {
        long others = em.createQuery("SELECT COUNT(u) FROM AdminUser u WHERE u.role = :role AND u.enabled = true "
                        + "AND u.id <> :id", Long.class)
                .setParameter("role", Role.ADMIN)
                .setParameter("id", user.id())
                .getSingleResult();
        if (others == 0) {
            throw ProblemException.conflict("'" + user.username() + "' is the last enabled admin; "
                    + "make another user admin first");
        }
    }

    private void endSessions(AdminUser user) {
        em.createQuery("DELETE FROM AdminSession s WHERE s.user.id = :id").setParameter("id", user.id()).executeUpdate();
    }

    private AdminUser find(String username) {
        String name = username == null ? "" : AdminUser.normalize(username);
        return em.createQuery("SELECT u FROM AdminUser u WHERE u.username = :name", AdminUser.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("user '" + name + "'"));
    }

    private static String validUsername(String username) {
        if (username == null || username.isBlank()) {
            throw ProblemException.invalid("username", "a username is required");
        }
        String name = AdminUser.normalize(username);
        if (!USERNAME.matcher(name).matches()) {
            throw ProblemException.invalid("username",
                    "use 1 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        }
        return name;
    }

    private static Role validRole(String roleName) {
        Role role = Role.fromWireName(roleName);
        if (role == null) {
            throw ProblemException.invalid("role", "must be admin, operator or viewer");
        }
        return role;
    }
}
