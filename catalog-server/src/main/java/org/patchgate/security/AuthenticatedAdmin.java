package org.patchgate.security;

import java.time.Instant;

/**
 * Who is calling, once their token checked out.
 *
 * @param userId the account's id
 * @param username the account's name
 * @param role the account's role
 * @param sessionId the login the token belongs to
 * @param csrfToken what a cookie-authenticated change must repeat in {@code X-CSRF-Token}
 * @param expiresAt when the login ends
 */
public record AuthenticatedAdmin(long userId, String username, Role role, long sessionId, String csrfToken,
                                 Instant expiresAt) {
}
