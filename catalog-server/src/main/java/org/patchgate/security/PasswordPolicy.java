package org.patchgate.security;

import org.patchgate.server.problem.ProblemException;

/**
 * What a new password must be. Length is what matters (NIST SP 800-63B §5.1.1.2): at least 12
 * characters, no composition rules; an upper bound keeps hashing cheap for absurd inputs.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 1024;

    private PasswordPolicy() {
    }

    /** @throws ProblemException naming {@code field} if the password is not acceptable */
    public static void check(String field, String password) {
        if (password == null || password.isEmpty()) {
            throw ProblemException.invalid(field, "a password is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw ProblemException.invalid(field, "must be at least " + MIN_LENGTH + " characters long");
        }
        if (length > MAX_LENGTH) {
            throw ProblemException.invalid(field, "must be at most " + MAX_LENGTH + " characters long");
        }
    }
}
