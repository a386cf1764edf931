package org.patchgate.catalog.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One update as a catalog source describes it, normalised: which product of which vendor, which
 * version, how to install it and how to tell whether it is installed.
 *
 * @param sourceEntryId identifier of this entry within its source, stable across syncs (e.g.
 *     {@code Git.Git/2.45.2} for winget, the PackageID for SCUP); the key sync diffs by
 * @param sourcePath file (relative to the source root) the entry was read from, for reports
 * @param vendor publisher name
 * @param product product name
 * @param productKey identifier of the product within its source ({@code Git.Git}), stable across
 *     versions: versions of one productKey supersede each other
 * @param version the version
 * @param title human title of the update
 * @param description longer text, or {@code null}
 * @param releaseDate release date if known, else {@code null}
 * @param classification kind of update
 * @param severity vendor severity
 * @param homepage product or release-notes page, or {@code null}
 * @param license licence name, or {@code null}
 * @param supersedes source entry ids this update explicitly supersedes (SCUP); versions of the same
 *     product are linked by sync without being listed here
 * @param installers installers, at least one
 * @param installedRule how to tell it is installed, or {@code null}
 * @param applicableRule when it applies to a device, or {@code null}
 */
public record CatalogEntry(
        String sourceEntryId,
        String sourcePath,
        String vendor,
        String product,
        String productKey,
        Version version,
        String title,
        String description,
        LocalDate releaseDate,
        Classification classification,
        Severity severity,
        String homepage,
        String license,
        List<String> supersedes,
        List<Installer> installers,
        DetectionRule installedRule,
        DetectionRule applicableRule) {

    public CatalogEntry {
        requireText(sourceEntryId, "sourceEntryId");
        requireText(sourcePath, "sourcePath");
        requireText(vendor, "vendor");
        requireText(product, "product");
        requireText(productKey, "productKey");
        Objects.requireNonNull(version, "version");
        requireText(title, "title");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(severity, "severity");
        supersedes = supersedes == null ? List.of() : List.copyOf(supersedes);
        installers = List.copyOf(installers);
        if (installers.isEmpty()) {
            throw new IllegalArgumentException("an update needs at least one installer");
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is missing");
        }
    }
}
