package org.patchgate.catalog.format.winget;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.patchgate.catalog.model.CatalogEntry;
import org.patchgate.catalog.model.Classification;
import org.patchgate.catalog.model.DetectionRule;
import org.patchgate.catalog.model.Installer;
import org.patchgate.catalog.model.Severity;
import org.patchgate.catalog.model.Version;

/** Maps one checked {@link ManifestSet} to a {@link CatalogEntry} (field mapping: docs/formats/winget.md). */
final class EntryMapper {

    /**
     * winget schema 1.x PackageIdentifier: 2 to 8 dot-separated parts of 1–32 characters without
     * whitespace or {@code \ / : * ? " < > |}, at most 128 characters.
     */
    private static final Pattern IDENTIFIER =
            Pattern.compile("[^.\\s\\\\/:*?\"<>|\\x01-\\x1f]{1,32}(\\.[^.\\s\\\\/:*?\"<>|\\x01-\\x1f]{1,32}){1,7}");
    private static final int MAX_IDENTIFIER_LENGTH = 128;

    private EntryMapper() {
    }

    static CatalogEntry map(ManifestSet set) throws InvalidManifestException {
        Manifest main = set.main();
        String id = set.identifier();
        if (id.length() > MAX_IDENTIFIER_LENGTH || !IDENTIFIER.matcher(id).matches()) {
            throw new InvalidManifestException(main.file(), "PackageIdentifier '" + ManifestYaml.shorten(id)
                    + "' is not a winget identifier (2 to 8 dot-separated parts, no spaces or path characters)");
        }
        Version version;
        try {
            version = Version.parse(set.version());
        } catch (IllegalArgumentException e) {
            throw new InvalidManifestException(main.file(), "PackageVersion: " + e.getMessage());
        }
        Manifest locale = set.locale();
        String vendor = locale.requireText("Publisher");
        String product = locale.requireText("PackageName");
        String description = firstText(locale, "Description", "ShortDescription");
        String homepage = firstText(locale, "PackageUrl", "ReleaseNotesUrl");

        Manifest installerFile = set.installer();
        List<Map<String, Object>> entries =
                installerFile.mappings(installerFile.fields(), "Installers", "Installers");
        if (entries.isEmpty()) {
            throw new InvalidManifestException(installerFile.file(), "Installers: at least one installer is required");
        }
        List<Installer> installers = new ArrayList<>();
        Set<DetectionRule> installedRules = new LinkedHashSet<>();
        LocalDate releaseDate = releaseDate(installerFile, installerFile.fields(), "ReleaseDate");
        for (int i = 0; i < entries.size(); i++) {
            InstallerMapper mapper = new InstallerMapper(installerFile, entries.get(i), "Installers[" + i + "].");
            installers.add(mapper.installer());
            installedRules.addAll(mapper.installedRules());
            if (releaseDate == null) {
                releaseDate = releaseDate(installerFile, entries.get(i), "Installers[" + i + "].ReleaseDate");
            }
        }
        return new CatalogEntry(id + "/" + set.version(), main.file(), vendor, product, id, version,
                product + " " + version.text(), description, releaseDate, Classification.APPLICATIONS,
                Severity.UNSPECIFIED, homepage, locale.text("License"), List.of(), installers,
                anyOf(installedRules), null);
    }

    private static String firstText(Manifest manifest, String... fields) throws InvalidManifestException {
        for (String field : fields) {
            String value = manifest.text(field);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static LocalDate releaseDate(Manifest file, Map<String, Object> map, String label)
            throws InvalidManifestException {
        String text = file.text(map, "ReleaseDate", label);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidManifestException(file.file(), label + ": '" + ManifestYaml.shorten(text)
                    + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static DetectionRule anyOf(Set<DetectionRule> rules) {
        if (rules.isEmpty()) {
            return null;
        }
        return rules.size() == 1 ? rules.iterator().next() : new DetectionRule.Or(List.copyOf(rules));
    }
}
