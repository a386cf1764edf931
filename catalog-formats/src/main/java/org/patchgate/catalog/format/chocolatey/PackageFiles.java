package org.patchgate.catalog.format.chocolatey;

import java.io.IOException;
import java.util.Optional;

/**
 * The files of one Chocolatey package the adapter needs, wherever they are: unpacked in a folder of
 * a chocolatey-packages style tree ({@link FolderPackage}) or inside a {@code .nupkg} archive, the
 * form an internal Chocolatey repository holds ({@link NupkgPackage}). Each file is read with a size
 * cap; nothing else of the package is read or unpacked.
 */
interface PackageFiles {

    /** The package's {@code .nuspec}, at most {@code maxBytes}; a larger one is an entry problem. */
    byte[] nuspec(long maxBytes) throws IOException, ChocolateyEntryException;

    /** {@code tools/chocolateyInstall.ps1} in any letter case, at most {@code maxBytes}; empty if there is none. */
    Optional<byte[]> installScript(long maxBytes) throws IOException, ChocolateyEntryException;

    /** Whether the package ships {@code legal/VERIFICATION.txt} or {@code tools/VERIFICATION.txt}. */
    boolean hasVerification() throws IOException;

    /** Reads at most {@code maxBytes} of {@code in}, refusing more, for {@code what} ("nuspec", "install script"). */
    static byte[] capped(java.io.InputStream in, long maxBytes, String what) throws IOException, ChocolateyEntryException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new ChocolateyEntryException(what + " is larger than " + maxBytes + " bytes");
        }
        return bytes;
    }
}
