package org.patchgate.catalog.format.scoop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.patchgate.catalog.model.CatalogEntry;
import org.patchgate.catalog.model.Classification;
import org.patchgate.catalog.model.Installer;
import org.patchgate.catalog.model.Severity;
import org.patchgate.catalog.model.Version;

/**
 * Maps one Scoop app manifest to a {@link CatalogEntry}.
 *
 * <p>Only data is read: {@code version}, {@code description}, {@code homepage}, {@code license},
 * {@code url}, {@code hash}, {@code innosetup} and {@code architecture}. Every other key
 * ({@code checkver}, {@code autoupdate}, {@code installer}, {@code pre_install}, {@code persist},
 * {@code bin}, {@code shortcuts}, {@code ##} comments …) is ignored; the PowerShell they may carry is
 * never evaluated.
 */
final class ScoopManifestReader {

    /** App names are file names; Scoop's own are short ({@code vcredist2022}, {@code draw.io}). */
    static final int MAX_NAME_CHARS = 128;

    private ScoopManifestReader() {
    }

    /**
     * Reads one manifest.
     *
     * @param name app name: the file name without {@code .json}
     * @param bucket bucket name, for the vendor when the homepage gives none
     * @param sourcePath file path relative to the source root
     * @param bytes the file's content
     * @throws ScoopManifestException naming the field and the problem when the manifest cannot be taken
     */
    static CatalogEntry read(String name, String bucket, String sourcePath, byte[] bytes) throws ScoopManifestException {
        if (name.isBlank() || name.length() > MAX_NAME_CHARS || Texts.hasControl(name)) {
            throw new ScoopManifestException(null, "app name '" + Texts.shorten(name) + "' (the file name) must be 1 to "
                    + MAX_NAME_CHARS + " characters without control characters");
        }
        ObjectNode manifest = ScoopJson.parse(bytes);
        Version version = version(manifest.get("version"));
        String description = optionalText(manifest, "description");
        String homepage = homepage(manifest.get("homepage"));
        String license = license(manifest.get("license"));
        List<Installer> installers = ScoopDownloads.installers(manifest);
        try {
            return new CatalogEntry(name + "/" + version.text(), sourcePath, ScoopVendor.of(homepage, bucket), name, name,
                    version, name + " " + version.text(), description, null, Classification.APPLICATIONS,
                    Severity.UNSPECIFIED, homepage, license, List.of(), installers, null, null);
        } catch (IllegalArgumentException e) {
            throw new ScoopManifestException(null, e.getMessage());
        }
    }

    private static Version version(JsonNode node) throws ScoopManifestException {
        if (node == null || node.isNull()) {
            throw new ScoopManifestException("version", "missing");
        }
        if (!node.isTextual()) {
            // Scoop compares versions as strings; a JSON number 1.10 would already have become 1.1
            throw new ScoopManifestException("version", "must be a string, found " + kind(node));
        }
        try {
            return Version.parse(node.textValue());
        } catch (IllegalArgumentException e) {
            throw new ScoopManifestException("version", e.getMessage());
        }
    }

    private static String optionalText(ObjectNode manifest, String field) throws ScoopManifestException {
        JsonNode node = manifest.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new ScoopManifestException(field, "must be a string, found " + kind(node));
        }
        String text = node.textValue().strip();
        return text.isEmpty() ? null : text;
    }

    /** Only http(s): the console shows it as a link, and a javascript: or file: link is an attack. */
    private static String homepage(JsonNode node) throws ScoopManifestException {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new ScoopManifestException("homepage", "must be a string, found " + kind(node));
        }
        String text = node.textValue().strip();
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (scheme != null && (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                    && uri.getHost() != null) {
                return text;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new ScoopManifestException("homepage", "'" + Texts.shorten(text) + "' is not an http or https URL");
    }

    /** Scoop schema: a licence identifier string, or {@code {"identifier": …, "url": …}}. */
    private static String license(JsonNode node) throws ScoopManifestException {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue().isBlank() ? null : node.textValue().strip();
        }
        if (node.isObject()) {
            JsonNode identifier = node.get("identifier");
            if (identifier != null && identifier.isTextual() && !identifier.textValue().isBlank()) {
                return identifier.textValue().strip();
            }
            throw new ScoopManifestException("license.identifier", "missing or not a string");
        }
        throw new ScoopManifestException("license", "must be a string or an object with an identifier, found "
                + kind(node));
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
