package org.patchgate.audit;

import jakarta.enterprise.context.RequestScoped;

/**
 * What an endpoint tells the audit log about the current request beyond what the filter sees: the
 * actor when nobody is logged in yet (a login attempt), and a detail of the change.
 */
@RequestScoped
public class AuditContext {

    private String actor;
    private String detail;

    /** Records who acted when the request is not authenticated, such as the username of a login attempt. */
    public void actor(String actor) {
        this.actor = actor;
    }

    /** A short description of the change (never a secret). */
    public void detail(String detail) {
        this.detail = detail;
    }

    public String actor() {
        return actor;
    }

    public String detail() {
        return detail;
    }
}
