package org.patchgate.catalog.model;

/** Whether an installer installs for the whole machine or one user. */
public enum InstallScope {
    MACHINE, USER,
    /** The catalog does not say; the installer decides. */
    UNSPECIFIED
}
