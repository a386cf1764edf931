package org.patchgate.catalog.format.winget;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One parsed manifest file: its path relative to the source root and its fields as plain data.
 * Accessors check the shape of a field and name it in the error.
 */
record Manifest(String file, Map<String, Object> fields) {

    /** winget schemas 1.0–1.12: ManifestVersion is semver; this reader knows 1.0.0 up to 1.12.x. */
    private static final Pattern SUPPORTED_MANIFEST_VERSION = Pattern.compile("1\\.(\\d|1[0-2])\\.\\d{1,4}");

    /** The ManifestType, checked to be one this reader knows, after the ManifestVersion is checked. */
    String type() throws InvalidManifestException {
        String version = requireText("ManifestVersion");
        if (!SUPPORTED_MANIFEST_VERSION.matcher(version).matches()) {
            throw new InvalidManifestException(file, "ManifestVersion '" + version
                    + "' is not supported (this reader knows 1.0.0 to 1.12.0)");
        }
        String type = requireText("ManifestType");
        return switch (type) {
            case "version", "defaultLocale", "locale", "installer", "singleton" -> type;
            default -> throw new InvalidManifestException(file, "ManifestType '" + type
                    + "' is not read (expected version, defaultLocale, locale, installer or singleton)");
        };
    }

    /** A text field, or {@code null} if absent or empty. */
    String text(String field) throws InvalidManifestException {
        return text(fields, field, field);
    }

    String requireText(String field) throws InvalidManifestException {
        String value = text(field);
        if (value == null || value.isBlank()) {
            throw new InvalidManifestException(file, field + ": required field is missing");
        }
        return value;
    }

    /** A text field of a nested mapping; {@code label} names it in errors ({@code Installers[2].Scope}). */
    String text(Map<String, Object> map, String field, String label) throws InvalidManifestException {
        Object value = map.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new InvalidManifestException(file, label + ": expected a text value, found a "
                    + (value instanceof List ? "list" : "mapping"));
        }
        return s.isEmpty() ? null : s;
    }

    /** A list of mappings ({@code Installers}, {@code AppsAndFeaturesEntries}), empty if absent. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> mappings(Map<String, Object> map, String field, String label)
            throws InvalidManifestException {
        Object value = map.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(item -> item instanceof Map)) {
            throw new InvalidManifestException(file, label + ": expected a list of mappings");
        }
        return (List<Map<String, Object>>) list;
    }

    /** A nested mapping ({@code InstallerSwitches}), empty if absent. */
    @SuppressWarnings("unchecked")
    Map<String, Object> mapping(Map<String, Object> map, String field, String label) throws InvalidManifestException {
        Object value = map.get(field);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map)) {
            throw new InvalidManifestException(file, label + ": expected a mapping");
        }
        return (Map<String, Object>) value;
    }
}
