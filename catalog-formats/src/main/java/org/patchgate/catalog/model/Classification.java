package org.patchgate.catalog.model;

/** The kind of update, as WSUS/SCUP classify them. */
public enum Classification {
    SECURITY_UPDATES, CRITICAL_UPDATES, UPDATES, FEATURE_PACKS, TOOLS, DRIVERS, APPLICATIONS,
    UPDATE_ROLLUPS, SERVICE_PACKS
}
