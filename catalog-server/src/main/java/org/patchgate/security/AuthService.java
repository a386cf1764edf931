package org.patchgate.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

/** Logs administrators in and out and resolves a token to the administrator behind it. */
@ApplicationScoped
public class AuthService {

    @PersistenceContext(unitName = "patchgate")
    private EntityManager em;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private AuthSettings settings;

    @Inject
    private Clock clock;

    @Inject
    @Metric(name = "patchgate.login.failures", description = "Refused admin logins (wrong password, unknown user, locked)")
    private Counter loginFailures;

    /**
     * Checks the password and opens a session. A failure is counted against the account (and may lock
     * it) in the same transaction, which therefore commits although the method throws.
     *
     * @throws LoginRefusedException unknown user, disabled account or wrong password
     * @throws AccountLockedException the account is locked after too many failures
     */
    @Transactional(dontRollbackOn = {LoginRefusedException.class, AccountLockedException.class})
    public LoginResult login(String username, String password) {
        Instant now = clock.instant();
        AdminUser user = username == null ? null : findUser(AdminUser.normalize(username)).orElse(null);
        if (user == null || !user.enabled() || password == null) {
            hasher.verifyDecoy(password == null ? "" : password);
            loginFailures.inc();
            throw new LoginRefusedException();
        }
        if (user.lockedAt(now)) {
            loginFailures.inc();
            throw new AccountLockedException(user.lockedUntil(), now);
        }
        if (!hasher.verify(password, user.passwordHash())) {
            user.recordFailedLogin(settings.lockoutPolicy().lockedUntil(user.failedLogins() + 1, now));
            loginFailures.inc();
            throw new LoginRefusedException();
        }
        user.recordSuccessfulLogin();
        em.createQuery("DELETE FROM AdminSession s WHERE s.expiresAt < :now").setParameter("now", now).executeUpdate();
        String token = Tokens.SESSION_PREFIX + Tokens.random();
        Instant expiresAt = now.plus(settings.sessionTtl());
        AdminSession session = new AdminSession(Tokens.sha256Hex(token), user, Tokens.random(), now, expiresAt);
        em.persist(session);
        return new LoginResult(token, session.csrfToken(), expiresAt, user.username(), user.role().wireName());
    }

    /** The administrator a token belongs to, if the token is known, unexpired and the account enabled. */
    @Transactional
    public Optional<AuthenticatedAdmin> authenticate(String token) {
        if (token == null || !token.startsWith(Tokens.SESSION_PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return em.createQuery("SELECT s FROM AdminSession s WHERE s.tokenHash = :hash", AdminSession.class)
                .setParameter("hash", Tokens.sha256Hex(token))
                .getResultStream()
                .findFirst()
                .filter(s -> !s.expiredAt(now) && s.user().enabled())
                .map(s -> new AuthenticatedAdmin(s.user().id(), s.user().username(), s.user().role(), s.id(),
                        s.csrfToken(), s.expiresAt()));
    }

    /** Ends one login. */
    @Transactional
    public void logout(long sessionId) {
        em.createQuery("DELETE FROM AdminSession s WHERE s.id = :id").setParameter("id", sessionId).executeUpdate();
    }

    /** Changes the caller's own password after checking the current one; ends their other logins. */
    @Transactional(dontRollbackOn = LoginRefusedException.class)
    public void changeOwnPassword(AuthenticatedAdmin admin, String currentPassword, String newPassword) {
        AdminUser user = em.find(AdminUser.class, admin.userId());
        if (user == null || currentPassword == null || !hasher.verify(currentPassword, user.passwordHash())) {
            throw new LoginRefusedException();
        }
        PasswordPolicy.check("newPassword", newPassword);
        user.changePassword(hasher.hash(newPassword), clock.instant());
        em.createQuery("DELETE FROM AdminSession s WHERE s.user.id = :user AND s.id <> :current")
                .setParameter("user", user.id())
                .setParameter("current", admin.sessionId())
                .executeUpdate();
    }

    Optional<AdminUser> findUser(String normalizedUsername) {
        return em.createQuery("SELECT u FROM AdminUser u WHERE u.username = :name", AdminUser.class)
                .setParameter("name", normalizedUsername)
                .getResultStream()
                .findFirst();
    }
}
