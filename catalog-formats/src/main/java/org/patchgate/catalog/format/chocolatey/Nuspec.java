package org.patchgate.catalog.format.chocolatey;

import java.util.List;

/**
 * The fields of a {@code .nuspec} metadata block that Patchgate uses (NuGet nuspec reference);
 * any may be {@code null} except {@code dependencies}.
 */
record Nuspec(String id, String version, String title, String authors, String summary, String description,
        String projectUrl, String licenseUrl, String license, String releaseNotes, List<String> dependencies) {
}
