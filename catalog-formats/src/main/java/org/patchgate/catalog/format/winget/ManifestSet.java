package org.patchgate.catalog.format.winget;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The manifests of one package version, checked to belong together: a singleton, or a multi-file
 * set of exactly one version, one defaultLocale and one installer manifest plus any locale
 * manifests (winget-pkgs: one version per directory), all naming the same PackageIdentifier and
 * PackageVersion.
 *
 * @param main the version or singleton manifest: the entry's source path
 * @param locale the defaultLocale manifest (or the singleton)
 * @param installer the installer manifest (or the singleton)
 */
record ManifestSet(Manifest main, Manifest locale, Manifest installer, String identifier, String version) {

    static ManifestSet singleton(Manifest singleton) throws InvalidManifestException {
        return new ManifestSet(singleton, singleton, singleton,
                singleton.requireText("PackageIdentifier"), singleton.requireText("PackageVersion"));
    }

    /** Checks and assembles the non-singleton manifests of one directory. */
    static ManifestSet of(List<Manifest> manifests, List<String> types) throws InvalidManifestException {
        Manifest version = only(manifests, types, "version");
        Manifest defaultLocale = only(manifests, types, "defaultLocale");
        Manifest installer = only(manifests, types, "installer");
        String id = version.requireText("PackageIdentifier");
        String packageVersion = version.requireText("PackageVersion");
        for (Manifest m : manifests) {
            String otherId = m.requireText("PackageIdentifier");
            if (!otherId.equals(id)) {
                throw new InvalidManifestException(m.file(), "PackageIdentifier '" + otherId
                        + "' differs from '" + id + "' in " + version.file());
            }
            String otherVersion = m.requireText("PackageVersion");
            if (!otherVersion.equals(packageVersion)) {
                throw new InvalidManifestException(m.file(), "PackageVersion '" + otherVersion
                        + "' differs from '" + packageVersion + "' in " + version.file());
            }
        }
        String declared = version.requireText("DefaultLocale");
        String actual = defaultLocale.requireText("PackageLocale");
        // Locale tags are not normalised in winget-pkgs (en-us next to en-US), so compare ignoring case.
        if (!declared.toLowerCase(Locale.ROOT).equals(actual.toLowerCase(Locale.ROOT))) {
            throw new InvalidManifestException(defaultLocale.file(), "PackageLocale '" + actual
                    + "' differs from DefaultLocale '" + declared + "' in " + version.file());
        }
        return new ManifestSet(version, defaultLocale, installer, id, packageVersion);
    }

    private static Manifest only(List<Manifest> manifests, List<String> types, String type)
            throws InvalidManifestException {
        List<Manifest> found = new ArrayList<>();
        for (int i = 0; i < manifests.size(); i++) {
            if (types.get(i).equals(type)) {
                found.add(manifests.get(i));
            }
        }
        String dir = directoryOf(manifests.get(0).file());
        if (found.isEmpty()) {
            throw new InvalidManifestException(manifests.get(0).file(),
                    "the " + type + " manifest is missing from " + dir);
        }
        if (found.size() > 1) {
            throw new InvalidManifestException(found.get(1).file(), "a second " + type + " manifest in " + dir
                    + " (one package version per directory)");
        }
        return found.get(0);
    }

    private static String directoryOf(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "." : file.substring(0, slash) + "/";
    }
}
