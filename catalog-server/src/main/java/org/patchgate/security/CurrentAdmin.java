package org.patchgate.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The administrator behind the current request, set by {@link AuthenticationFilter}. */
@RequestScoped
public class CurrentAdmin {

    private AuthenticatedAdmin admin;

    public void set(AuthenticatedAdmin admin) {
        this.admin = admin;
    }

    public Optional<AuthenticatedAdmin> get() {
        return Optional.ofNullable(admin);
    }

    /** The caller; only for endpoints that require a role, where the filter guarantees one. */
    public AuthenticatedAdmin require() {
        if (admin == null) {
            throw new IllegalStateException("no authenticated administrator on this request");
        }
        return admin;
    }
}
