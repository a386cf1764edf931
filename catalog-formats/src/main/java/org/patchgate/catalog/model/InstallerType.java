package org.patchgate.catalog.model;

/**
 * How an installer is run, in the few kinds the agent distinguishes. The vendor's finer type
 * (winget's {@code inno}, {@code nullsoft}, {@code burn}, {@code wix} …) is kept beside it in
 * {@link Installer#vendorType()}.
 */
public enum InstallerType {
    MSI, EXE, MSIX, ZIP, PORTABLE,
    /** A script-driven package (Chocolatey, Scoop installer scripts) run by its own tool. */
    SCRIPT
}
