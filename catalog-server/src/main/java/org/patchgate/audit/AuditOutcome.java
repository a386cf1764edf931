package org.patchgate.audit;

import java.util.Locale;

/** How an audited action ended. */
public enum AuditOutcome {
    /** The change was made. */
    SUCCESS,
    /** The caller was not allowed (401, 403, 429). */
    DENIED,
    /** The change was attempted and failed (invalid input, conflict, error). */
    FAILURE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The outcome an HTTP status stands for. */
    public static AuditOutcome ofStatus(int status) {
        if (status < 400) {
            return SUCCESS;
        }
        return status == 401 || status == 403 || status == 429 ? DENIED : FAILURE;
    }
}
