package org.patchgate.catalog.model;

import java.net.URI;
import java.util.Objects;

/**
 * One installer of an update: one architecture/scope/locale variant.
 *
 * @param architecture processor architecture
 * @param scope machine or user install
 * @param locale installer locale (BCP 47 as the vendor wrote it), or {@code null} for any
 * @param type how the agent runs it
 * @param vendorType the vendor's own installer type word ({@code inno}, {@code wix}, {@code nullsoft},
 *     {@code CommandLineInstallerData} …), or {@code null}
 * @param url where to download it (http or https)
 * @param sha256 SHA-256 of the file if the catalog gives one, else {@code null}
 * @param vendorDigest another hash the vendor gives (SHA-1, SHA-512, MD5), or {@code null}
 * @param silentInstall command line that installs silently, or {@code null}
 * @param silentUninstall command line that uninstalls silently, or {@code null}
 * @param size size in bytes if the catalog gives it, else {@code null}
 */
public record Installer(
        Architecture architecture,
        InstallScope scope,
        String locale,
        InstallerType type,
        String vendorType,
        URI url,
        Sha256 sha256,
        Digest vendorDigest,
        String silentInstall,
        String silentUninstall,
        Long size) {

    public Installer {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("installer URL must be http or https: " + url);
        }
        if (size != null && size < 0) {
            throw new IllegalArgumentException("installer size is negative: " + size);
        }
    }

    /** Whether the catalog gives any hash to verify a download against. */
    public boolean verifiable() {
        return sha256 != null || vendorDigest != null;
    }
}
