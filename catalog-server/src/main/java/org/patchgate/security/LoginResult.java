package org.patchgate.security;

import java.time.Instant;

/**
 * A successful login.
 *
 * @param token the session token: send it as {@code Authorization: Bearer <token>} or let the cookie carry it
 * @param csrfToken for cookie sessions, repeat it in {@code X-CSRF-Token} on every change
 * @param expiresAt when the login ends
 * @param username who logged in
 * @param role their role
 */
public record LoginResult(String token, String csrfToken, Instant expiresAt, String username, String role) {
}
