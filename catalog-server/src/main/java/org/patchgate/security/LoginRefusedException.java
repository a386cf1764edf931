package org.patchgate.security;

import jakarta.ws.rs.core.Response;
import org.patchgate.server.problem.ProblemException;

/** Wrong username or password; deliberately does not say which. */
public class LoginRefusedException extends ProblemException {

    public LoginRefusedException() {
        super(Response.Status.UNAUTHORIZED, "login-failed", "invalid username or password");
    }
}
