package org.patchgate.catalog.format.scup;

import static org.patchgate.catalog.format.scup.SdpNamespaces.SDP;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.patchgate.catalog.model.CatalogEntry;
import org.patchgate.catalog.model.Classification;
import org.patchgate.catalog.model.DetectionRule;
import org.patchgate.catalog.model.Installer;
import org.patchgate.catalog.model.Severity;
import org.patchgate.catalog.model.Version;

/** Maps one {@code SoftwareDistributionPackage} element (from an .sdp or a catalog) to a catalog entry. */
final class SdpPackageMapper {

    private SdpPackageMapper() {
    }

    static CatalogEntry map(XmlElement pkg, String sourcePath) throws SdpPackageException {
        XmlElement properties = required(pkg.child(SDP, "Properties"), "sdp:Properties");
        String packageId = requiredAttribute(properties, "PackageID");
        String vendor = requiredAttribute(properties, "VendorName");
        String product = required(properties.childText(SDP, "ProductName"), "sdp:ProductName");
        XmlElement localized = localizedProperties(pkg);
        String title = required(localized.childText(SDP, "Title"), "sdp:Title");
        XmlElement specific = required(pkg.child(SDP, "UpdateSpecificData"), "sdp:UpdateSpecificData");

        List<XmlElement> items = pkg.children(SDP, "InstallableItem");
        if (items.isEmpty()) {
            throw new SdpPackageException("the package has no sdp:InstallableItem");
        }
        List<Installer> installers = new ArrayList<>();
        List<DetectionRule> installed = new ArrayList<>();
        List<DetectionRule> installable = new ArrayList<>();
        for (XmlElement item : items) {
            installers.add(SdpInstallerMapper.map(item));
            XmlElement rules = item.child(SDP, "ApplicabilityRules");
            if (rules != null) {
                addIfPresent(installed, SdpRuleMapper.container(rules.child(SDP, "IsInstalled"), "IsInstalled"));
                addIfPresent(installable, SdpRuleMapper.container(rules.child(SDP, "IsInstallable"), "IsInstallable"));
            }
        }
        // Several items are alternatives (the WSUS agent installs the first applicable one): installed if
        // the package rule holds and any item is installed; applicable likewise.
        DetectionRule installedRule = allOf(
                SdpRuleMapper.container(pkg.child(SDP, "IsInstalled"), "IsInstalled"), anyOf(installed));
        DetectionRule applicableRule = allOf(
                SdpRuleMapper.container(pkg.child(SDP, "IsInstallable"), "IsInstallable"), anyOf(installable));

        SdpVersions.Found found = SdpVersions.find(title, installedRule);
        if (found.version() == null) {
            throw new SdpPackageException("no version: sdp:Title '" + title
                    + "' carries none and the IsInstalled rule gives no MSI or file version");
        }
        Version version;
        try {
            version = Version.parse(found.version());
        } catch (IllegalArgumentException e) {
            throw new SdpPackageException("version taken from sdp:Title is invalid: " + e.getMessage(), e);
        }
        try {
            return new CatalogEntry(packageId, sourcePath, vendor, product, vendor + "/" + product + "/" + found.name(),
                    version, title, localized.childText(SDP, "Description"),
                    releaseDate(properties.attribute("CreationDate")),
                    classification(specific.attribute("UpdateClassification")),
                    severity(specific.attribute("MsrcSeverity")), properties.childText(SDP, "MoreInfoUrl"), null,
                    supersedes(pkg), installers, installedRule, applicableRule);
        } catch (IllegalArgumentException e) {
            throw new SdpPackageException(e.getMessage(), e);
        }
    }

    /** SDP allows one LocalizedProperties per language; English is preferred, else the first. */
    private static XmlElement localizedProperties(XmlElement pkg) throws SdpPackageException {
        List<XmlElement> all = pkg.children(SDP, "LocalizedProperties");
        if (all.isEmpty()) {
            throw new SdpPackageException("sdp:LocalizedProperties is missing");
        }
        for (XmlElement l : all) {
            String language = l.childText(SDP, "Language");
            if (language != null && (language.equalsIgnoreCase("en") || language.toLowerCase().startsWith("en-"))) {
                return l;
            }
        }
        return all.get(0);
    }

    private static List<String> supersedes(XmlElement pkg) {
        List<String> ids = new ArrayList<>();
        XmlElement superseded = pkg.child(SDP, "SupersededPackages");
        if (superseded != null) {
            for (XmlElement id : superseded.children(SDP, "PackageID")) {
                if (!id.text().isEmpty()) {
                    ids.add(id.text());
                }
            }
        }
        return ids;
    }

    /** Real files use three forms: {@code 2019-02-24T13:29:12} (HP), {@code …Z} and {@code …+00:00} (Dell). */
    static LocalDate releaseDate(String value) throws SdpPackageException {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).toLocalDate();
        } catch (DateTimeParseException zoned) {
            try {
                return LocalDateTime.parse(v).toLocalDate();
            } catch (DateTimeParseException local) {
                try {
                    return LocalDate.parse(v);
                } catch (DateTimeParseException date) {
                    throw new SdpPackageException("CreationDate '" + v + "' is not an ISO 8601 date-time");
                }
            }
        }
    }

    /** The WSUS update classifications SCUP offers (UpdateSpecificData/@UpdateClassification). */
    static Classification classification(String value) throws SdpPackageException {
        if (value == null) {
            throw new SdpPackageException("UpdateClassification is missing");
        }
        return switch (value.strip()) {
            case "Security Updates" -> Classification.SECURITY_UPDATES;
            case "Critical Updates" -> Classification.CRITICAL_UPDATES;
            case "Updates" -> Classification.UPDATES;
            case "Feature Packs" -> Classification.FEATURE_PACKS;
            case "Tools" -> Classification.TOOLS;
            case "Drivers" -> Classification.DRIVERS;
            case "Applications" -> Classification.APPLICATIONS;
            case "Update Rollups" -> Classification.UPDATE_ROLLUPS;
            case "Service Packs" -> Classification.SERVICE_PACKS;
            default -> throw new SdpPackageException("UpdateClassification '" + value + "' is not a WSUS classification");
        };
    }

    /** MsrcSeverity is optional; HP and Dell set it on non-security updates too. */
    static Severity severity(String value) throws SdpPackageException {
        if (value == null || value.isBlank() || value.strip().equals("Unspecified")) {
            return Severity.UNSPECIFIED;
        }
        return switch (value.strip()) {
            case "Critical" -> Severity.CRITICAL;
            case "Important" -> Severity.IMPORTANT;
            case "Moderate" -> Severity.MODERATE;
            case "Low" -> Severity.LOW;
            default -> throw new SdpPackageException("MsrcSeverity '" + value + "' is not an MSRC severity");
        };
    }

    private static DetectionRule anyOf(List<DetectionRule> rules) {
        return rules.isEmpty() ? null : rules.size() == 1 ? rules.get(0) : new DetectionRule.Or(rules);
    }

    private static DetectionRule allOf(DetectionRule a, DetectionRule b) {
        return a == null ? b : b == null ? a : new DetectionRule.And(List.of(a, b));
    }

    private static void addIfPresent(List<DetectionRule> list, DetectionRule rule) {
        if (rule != null) {
            list.add(rule);
        }
    }

    private static <T> T required(T value, String field) throws SdpPackageException {
        if (value == null) {
            throw new SdpPackageException(field + " is missing");
        }
        return value;
    }

    private static String requiredAttribute(XmlElement e, String name) throws SdpPackageException {
        String v = e.attribute(name);
        if (v == null || v.isBlank()) {
            throw new SdpPackageException("sdp:" + e.name() + "/@" + name + " is missing");
        }
        return v.strip();
    }
}
