package org.patchgate.catalog.format;

/** The catalog formats Patchgate reads; each has one {@link CatalogAdapter}. */
public enum SourceFormat {
    /** winget-pkgs manifests (multi-file and singleton, schema 1.x). */
    WINGET,
    /** Scoop bucket JSON manifests. */
    SCOOP,
    /** SCUP: SoftwareDistributionPackage (.sdp) files and SystemsManagementCatalog XML or .cab. */
    SCUP,
    /** Chocolatey .nuspec metadata with the install script beside it. */
    CHOCOLATEY,
    /** Patchgate's own JSON format (docs/formats/patchgate-catalog.schema.json). */
    PATCHGATE_JSON
}
