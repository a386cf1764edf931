package org.patchgate.catalog.format.scup;

import static org.patchgate.catalog.format.scup.SdpNamespaces.CMD;
import static org.patchgate.catalog.format.scup.SdpNamespaces.MSI;
import static org.patchgate.catalog.format.scup.SdpNamespaces.SDP;

import java.net.URI;
import java.net.URISyntaxException;
import org.patchgate.catalog.model.Architecture;
import org.patchgate.catalog.model.Digest;
import org.patchgate.catalog.model.HashAlgorithm;
import org.patchgate.catalog.model.InstallScope;
import org.patchgate.catalog.model.Installer;
import org.patchgate.catalog.model.InstallerType;

/**
 * Maps one {@code sdp:InstallableItem} to an {@link Installer}: its {@code sdp:OriginFile} gives
 * the download and its SHA-1, its installer data the kind of installer.
 */
final class SdpInstallerMapper {

    private SdpInstallerMapper() {
    }

    static Installer map(XmlElement item) throws SdpPackageException {
        XmlElement origin = item.child(SDP, "OriginFile");
        if (origin == null) {
            throw new SdpPackageException("InstallableItem " + item.attribute("ID") + " has no sdp:OriginFile");
        }
        URI url = url(origin.attribute("OriginUri"));
        String digest = origin.attribute("Digest");
        if (digest == null || digest.isBlank()) {
            throw new SdpPackageException("sdp:OriginFile/@Digest is missing: the download could not be verified");
        }
        Digest sha1;
        try {
            sha1 = Digest.ofBase64(HashAlgorithm.SHA1, digest); // SCUP: base64 of the file's SHA-1
        } catch (IllegalArgumentException e) {
            throw new SdpPackageException("sdp:OriginFile/@Digest '" + digest + "' is not a base64 SHA-1: " + e.getMessage(), e);
        }
        Long size = size(origin.attribute("Size"));
        XmlElement command = item.child(CMD, "CommandLineInstallerData");
        XmlElement msi = item.child(MSI, "MsiInstallerData");
        InstallerType type;
        String vendorType;
        String silent;
        if (command != null) {
            type = InstallerType.EXE;
            vendorType = "CommandLineInstallerData";
            String program = command.attribute("Program");
            String arguments = command.attribute("Arguments");
            silent = program == null ? arguments
                    : arguments == null || arguments.isBlank() ? program : program + " " + arguments;
        } else if (msi != null) {
            type = InstallerType.MSI;
            vendorType = "MsiInstallerData";
            // The agent runs msiexec itself; SCUP's CommandLine holds the extra properties it passes.
            silent = msi.attribute("CommandLine");
        } else {
            throw new SdpPackageException("InstallableItem " + item.attribute("ID")
                    + " has no cmd:CommandLineInstallerData or msi:MsiInstallerData; other installer kinds are not supported");
        }
        // SCUP installs run as SYSTEM (WSUS agent); the architecture is decided by the applicability rules.
        return new Installer(Architecture.NEUTRAL, InstallScope.MACHINE, item.childText(SDP, "Language"), type,
                vendorType, url, null, sha1, silent, null, size);
    }

    private static URI url(String value) throws SdpPackageException {
        if (value == null || value.isBlank()) {
            throw new SdpPackageException("sdp:OriginFile/@OriginUri is missing");
        }
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                throw new SdpPackageException("sdp:OriginFile/@OriginUri '" + value + "' is not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new SdpPackageException("sdp:OriginFile/@OriginUri '" + value + "' is not a valid URL", e);
        }
    }

    private static Long size(String value) throws SdpPackageException {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long size = Long.parseLong(value.strip());
            if (size < 0) {
                throw new SdpPackageException("sdp:OriginFile/@Size is negative: " + value);
            }
            return size;
        } catch (NumberFormatException e) {
            throw new SdpPackageException("sdp:OriginFile/@Size '" + value + "' is not a number", e);
        }
    }
}
