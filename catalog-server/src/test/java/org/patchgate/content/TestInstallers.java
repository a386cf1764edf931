package org.patchgate.content;

import java.net.URI;
import org.patchgate.catalog.model.Architecture;
import org.patchgate.catalog.model.Digest;
import org.patchgate.catalog.model.InstallScope;
import org.patchgate.catalog.model.Installer;
import org.patchgate.catalog.model.InstallerType;
import org.patchgate.catalog.model.Sha256;

/** Catalog installers as adapters produce them, reduced to what content handling reads. */
public final class TestInstallers {

    private TestInstallers() {
    }

    public static Installer withSha256(URI url, Sha256 sha256) {
        return new Installer(Architecture.X64, InstallScope.MACHINE, null, InstallerType.MSI, "wix", url, sha256,
                null, null, null, null);
    }

    public static Installer withVendorDigest(URI url, Digest digest) {
        return new Installer(Architecture.X64, InstallScope.MACHINE, null, InstallerType.EXE, "inno", url, null,
                digest, null, null, null);
    }

    public static Installer withoutHash(URI url) {
        return new Installer(Architecture.X64, InstallScope.MACHINE, null, InstallerType.EXE, null, url, null,
                null, null, null, null);
    }
}
