package org.patchgate.catalog.format.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.patchgate.catalog.model.Architecture;
import org.patchgate.catalog.model.CatalogEntry;
import org.patchgate.catalog.model.Classification;
import org.patchgate.catalog.model.Digest;
import org.patchgate.catalog.model.HashAlgorithm;
import org.patchgate.catalog.model.InstallScope;
import org.patchgate.catalog.model.Installer;
import org.patchgate.catalog.model.InstallerType;
import org.patchgate.catalog.model.Severity;
import org.patchgate.catalog.model.Sha256;
import org.patchgate.catalog.model.Version;

/** Reads and validates one element of {@code entries} (field list: docs/formats/patchgate-json.md). */
final class EntryReader {

    private static final Set<String> ENTRY_FIELDS = Set.of("id", "vendor", "product", "productKey", "version",
            "title", "description", "releaseDate", "classification", "severity", "homepage", "license",
            "supersedes", "installers", "installedRule", "applicableRule");
    private static final Set<String> INSTALLER_FIELDS = Set.of("architecture", "scope", "locale", "type",
            "vendorType", "url", "sha256", "vendorDigest", "silentInstall", "silentUninstall", "size");
    private static final int MAX_TEXT = 4096;

    private EntryReader() {
    }

    static CatalogEntry read(JsonNode node, String path, String sourcePath) throws InvalidEntryException {
        Fields f = Fields.of(node, path, ENTRY_FIELDS);
        String productKey = bounded(f, "productKey", 256, true);
        String versionText = f.requireText("version");
        Version version;
        try {
            version = Version.parse(versionText);
        } catch (IllegalArgumentException e) {
            throw new InvalidEntryException(f.path("version"), e.getMessage());
        }
        String product = bounded(f, "product", 256, true);
        String id = bounded(f, "id", 512, false);
        String title = bounded(f, "title", 512, false);
        List<Installer> installers = new ArrayList<>();
        List<JsonNode> items = f.array("installers");
        if (items.isEmpty()) {
            throw new InvalidEntryException(f.path("installers"), "needs at least one installer");
        }
        for (int i = 0; i < items.size(); i++) {
            installers.add(installer(items.get(i), f.path("installers") + "[" + i + "]"));
        }
        List<String> supersedes = new ArrayList<>();
        List<JsonNode> superseded = f.array("supersedes");
        for (int i = 0; i < superseded.size(); i++) {
            if (!superseded.get(i).isTextual() || superseded.get(i).textValue().isBlank()) {
                throw new InvalidEntryException(f.path("supersedes") + "[" + i + "]", "must be a non-empty string (an entry id)");
            }
            supersedes.add(superseded.get(i).textValue().strip());
        }
        return new CatalogEntry(id != null ? id : productKey + "/" + version.text(), sourcePath,
                bounded(f, "vendor", 256, true), product, productKey, version,
                title != null ? title : product + " " + version.text(), bounded(f, "description", MAX_TEXT, false),
                date(f), f.enumValue("classification", Classification.class, Classification.UPDATES),
                f.enumValue("severity", Severity.class, Severity.UNSPECIFIED), url(f, "homepage", false),
                bounded(f, "license", 256, false), supersedes, installers,
                DetectionRuleCodec.read(f.raw("installedRule"), f.path("installedRule")),
                DetectionRuleCodec.read(f.raw("applicableRule"), f.path("applicableRule")));
    }

    private static Installer installer(JsonNode node, String path) throws InvalidEntryException {
        Fields f = Fields.of(node, path, INSTALLER_FIELDS);
        String sha256 = f.text("sha256");
        if (sha256 != null && !sha256.matches("[0-9A-Fa-f]{64}")) {
            throw new InvalidEntryException(f.path("sha256"), "must be 64 hex digits");
        }
        Long size = null;
        JsonNode rawSize = f.raw("size");
        if (rawSize != null) {
            if (!rawSize.canConvertToExactIntegral() || !rawSize.canConvertToLong() || rawSize.asLong() < 0) {
                throw new InvalidEntryException(f.path("size"), "must be a whole number of bytes, 0 or more");
            }
            size = rawSize.asLong();
        }
        Digest digest = digest(f.raw("vendorDigest"), f.path("vendorDigest"));
        if (sha256 == null && digest == null) {
            throw new InvalidEntryException(path, "needs sha256 or vendorDigest: an installer without a hash cannot be verified");
        }
        return new Installer(f.enumValue("architecture", Architecture.class, null),
                f.enumValue("scope", InstallScope.class, InstallScope.UNSPECIFIED), bounded(f, "locale", 35, false),
                f.enumValue("type", InstallerType.class, null), bounded(f, "vendorType", 64, false),
                URI.create(url(f, "url", true)), sha256 == null ? null : new Sha256(sha256), digest,
                bounded(f, "silentInstall", MAX_TEXT, false), bounded(f, "silentUninstall", MAX_TEXT, false), size);
    }

    private static Digest digest(JsonNode node, String path) throws InvalidEntryException {
        if (node == null) {
            return null;
        }
        Fields f = Fields.of(node, path, Set.of("algorithm", "hex"));
        HashAlgorithm algorithm = f.enumValue("algorithm", HashAlgorithm.class, null);
        try {
            return new Digest(algorithm, f.requireText("hex"));
        } catch (IllegalArgumentException e) {
            throw new InvalidEntryException(f.path("hex"), e.getMessage());
        }
    }

    private static String url(Fields f, String field, boolean required) throws InvalidEntryException {
        String text = required ? f.requireText(field) : f.text(field);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw new InvalidEntryException(f.path(field), "must be an http or https URL with a host");
            }
            return text;
        } catch (URISyntaxException e) {
            throw new InvalidEntryException(f.path(field), "not a valid URL: " + e.getReason());
        }
    }

    private static LocalDate date(Fields f) throws InvalidEntryException {
        String text = f.text("releaseDate");
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidEntryException(f.path("releaseDate"), "must be a date YYYY-MM-DD");
        }
    }

    private static String bounded(Fields f, String field, int max, boolean required) throws InvalidEntryException {
        String text = required ? f.requireText(field) : f.text(field);
        if (text != null && text.length() > max) {
            throw new InvalidEntryException(f.path(field), "is " + text.length() + " characters; at most " + max);
        }
        return text;
    }
}
