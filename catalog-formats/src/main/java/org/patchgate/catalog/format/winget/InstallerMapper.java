package org.patchgate.catalog.format.winget;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.patchgate.catalog.model.Architecture;
import org.patchgate.catalog.model.DetectionRule;
import org.patchgate.catalog.model.InstallScope;
import org.patchgate.catalog.model.Installer;
import org.patchgate.catalog.model.InstallerType;
import org.patchgate.catalog.model.Sha256;

/**
 * Maps one entry of {@code Installers} to an {@link Installer}. winget lets most installer fields
 * stand at the top level of the installer manifest as defaults for every entry; a value in the
 * entry wins (winget schema 1.x, "installer manifest": root-level fields).
 */
final class InstallerMapper {

    /** winget schema 1.x: InstallerSha256 pattern ^[A-Fa-f0-9]{64}$. */
    private static final Pattern SHA256 = Pattern.compile("[A-Fa-f0-9]{64}");
    /** An MSI ProductCode is a braced GUID; other ProductCodes are ARP key names (Inno's {@code …_is1}). */
    private static final Pattern GUID = Pattern.compile("\\{[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}}");

    private final Manifest file;
    private final Map<String, Object> entry;
    private final String label;

    InstallerMapper(Manifest file, Map<String, Object> entry, String label) {
        this.file = file;
        this.entry = entry;
        this.label = label;
    }

    Installer installer() throws InvalidManifestException {
        String vendorType = required("InstallerType").toLowerCase(Locale.ROOT);
        InstallerType type = switch (vendorType) {
            case "msi", "wix" -> InstallerType.MSI;
            case "exe", "inno", "nullsoft", "burn" -> InstallerType.EXE;
            case "msix", "appx" -> InstallerType.MSIX;
            case "zip" -> InstallerType.ZIP;
            case "portable" -> InstallerType.PORTABLE;
            default -> throw problem("InstallerType", "'" + vendorType + "' is not supported");
        };
        String nested = field("NestedInstallerType");
        if (type == InstallerType.ZIP && nested != null) {
            vendorType = vendorType + "/" + nested.toLowerCase(Locale.ROOT);
        }
        String hex = required("InstallerSha256");
        if (!SHA256.matcher(hex).matches()) {
            throw problem("InstallerSha256", "must be 64 hex digits, got " + hex.length() + " characters"
                    + (hex.length() == 64 ? " with a non-hex character" : ""));
        }
        Map<String, Object> switches = switches();
        String silent = file.text(switches, "Silent", label + "InstallerSwitches.Silent");
        if (silent == null) {
            silent = file.text(switches, "SilentWithProgress", label + "InstallerSwitches.SilentWithProgress");
        }
        try {
            return new Installer(architecture(), scope(), field("InstallerLocale"), type, vendorType, url(),
                    new Sha256(hex), null, silent, null, null);
        } catch (IllegalArgumentException e) {
            throw problem("InstallerUrl", e.getMessage());
        }
    }

    /** Apps & Features and package-family rules that say this package is installed. */
    List<DetectionRule> installedRules() throws InvalidManifestException {
        List<DetectionRule> rules = new ArrayList<>();
        String type = field("InstallerType");
        boolean msi = "msi".equalsIgnoreCase(type) || "wix".equalsIgnoreCase(type);
        String productCode = field("ProductCode");
        if (productCode != null) {
            rules.add(productRule(productCode, null, msi));
        }
        List<Map<String, Object>> arp = file.mappings(entry, "AppsAndFeaturesEntries", label + "AppsAndFeaturesEntries");
        if (arp.isEmpty()) {
            arp = file.mappings(file.fields(), "AppsAndFeaturesEntries", "AppsAndFeaturesEntries");
        }
        for (int i = 0; i < arp.size(); i++) {
            String prefix = label + "AppsAndFeaturesEntries[" + i + "].";
            String code = file.text(arp.get(i), "ProductCode", prefix + "ProductCode");
            if (code != null) {
                rules.add(productRule(code, file.text(arp.get(i), "DisplayVersion", prefix + "DisplayVersion"), msi));
            }
        }
        String family = field("PackageFamilyName");
        if (family != null) {
            rules.add(new DetectionRule.PackageFamilyInstalled(family));
        }
        return rules;
    }

    private static DetectionRule productRule(String code, String displayVersion, boolean msi) {
        if (msi && displayVersion == null && GUID.matcher(code).matches()) {
            return new DetectionRule.MsiProductInstalled(code, null, null);
        }
        return new DetectionRule.ProductCodeInstalled(code, displayVersion);
    }

    private Architecture architecture() throws InvalidManifestException {
        String value = required("Architecture");
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "x86" -> Architecture.X86;
            case "x64" -> Architecture.X64;
            case "arm" -> Architecture.ARM;
            case "arm64" -> Architecture.ARM64;
            case "neutral" -> Architecture.NEUTRAL;
            default -> throw problem("Architecture", "'" + value + "' is not x86, x64, arm, arm64 or neutral");
        };
    }

    private InstallScope scope() throws InvalidManifestException {
        String value = field("Scope");
        if (value == null) {
            return InstallScope.UNSPECIFIED;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "user" -> InstallScope.USER;
            case "machine" -> InstallScope.MACHINE;
            default -> throw problem("Scope", "'" + value + "' is not user or machine");
        };
    }

    private URI url() throws InvalidManifestException {
        String value = required("InstallerUrl").strip();
        try {
            return new URI(encodeIllegal(value));
        } catch (URISyntaxException e) {
            throw problem("InstallerUrl", "not a valid URL: " + e.getReason());
        }
    }

    /**
     * Percent-encodes characters that RFC 3986 does not allow in a path or query but that real
     * manifests carry and download clients encode themselves (winget-pkgs Guru3D.Afterburner 4.6.5:
     * {@code .../[Guru3D.com]-MSIAfterburnerSetup465.zip}). The scheme and authority stay as written.
     */
    static String encodeIllegal(String url) {
        int scheme = url.indexOf("://");
        int pathStart = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
        if (pathStart < 0) {
            return url;
        }
        StringBuilder out = new StringBuilder(url.length() + 16).append(url, 0, pathStart);
        for (byte b : url.substring(pathStart).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (b >= 0 && (Character.isLetterOrDigit(c) || "-._~:/?#@!$&'()*+,;=%".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /** Per-key merge: a switch in the entry wins over the same switch at the top level. */
    private Map<String, Object> switches() throws InvalidManifestException {
        Map<String, Object> merged = new java.util.HashMap<>(
                file.mapping(file.fields(), "InstallerSwitches", "InstallerSwitches"));
        merged.putAll(file.mapping(entry, "InstallerSwitches", label + "InstallerSwitches"));
        return merged;
    }

    /** The entry's value, else the top-level default. */
    private String field(String name) throws InvalidManifestException {
        String value = file.text(entry, name, label + name);
        return value != null ? value : file.text(file.fields(), name, name);
    }

    private String required(String name) throws InvalidManifestException {
        String value = field(name);
        if (value == null || value.isBlank()) {
            throw problem(name, "required field is missing");
        }
        return value;
    }

    private InvalidManifestException problem(String name, String what) {
        return new InvalidManifestException(file.file(), label + name + ": " + what);
    }
}
