package org.patchgate.catalog.format.chocolatey;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A {@code .nupkg} (a zip archive, as in an internal Chocolatey repository or a NuGet feed's
 * folder): the {@code .nuspec} at its root, {@code tools/chocolateyInstall.ps1} and the verification
 * file are found in its central directory and read with a size cap each, so an archive that
 * unpacks to far more than it weighs (a zip bomb) or embeds large installers costs no more than its
 * small files. Nothing is written to disk; entry names are only compared, never used as paths.
 */
final class NupkgPackage implements PackageFiles, AutoCloseable {

    private final ZipFile zip;
    private final List<ZipEntry> entries = new ArrayList<>();

    /** @throws ChocolateyEntryException if the file is not a readable zip archive */
    NupkgPackage(Path file) throws IOException, ChocolateyEntryException {
        try {
            this.zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new ChocolateyEntryException("not a valid .nupkg (zip) archive: " + e.getMessage());
        }
        try {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (!entry.isDirectory()) {
                    entries.add(entry);
                }
            }
        } catch (IllegalArgumentException e) {
            zip.close();
            throw new ChocolateyEntryException("not a valid .nupkg (zip) archive: " + e.getMessage());
        }
    }

    @Override
    public byte[] nuspec(long maxBytes) throws IOException, ChocolateyEntryException {
        List<ZipEntry> nuspecs = entries.stream()
                .filter(e -> !e.getName().contains("/") && lower(e.getName()).endsWith(".nuspec")).toList();
        if (nuspecs.size() != 1) {
            throw new ChocolateyEntryException(nuspecs.isEmpty() ? "the .nupkg holds no .nuspec at its root"
                    : "the .nupkg holds " + nuspecs.size() + " .nuspec files at its root, not one");
        }
        return read(nuspecs.get(0), maxBytes, "nuspec");
    }

    @Override
    public Optional<byte[]> installScript(long maxBytes) throws IOException, ChocolateyEntryException {
        Optional<ZipEntry> script = find("tools/chocolateyinstall.ps1");
        return script.isEmpty() ? Optional.empty() : Optional.of(read(script.get(), maxBytes, "install script"));
    }

    @Override
    public boolean hasVerification() {
        return find("legal/verification.txt").isPresent() || find("tools/verification.txt").isPresent();
    }

    /** Entry names in a nupkg vary in case ({@code Tools/ChocolateyInstall.ps1}); OPC escapes nothing here. */
    private Optional<ZipEntry> find(String lowerCaseName) {
        return entries.stream().filter(e -> lower(e.getName().replace('\\', '/')).equals(lowerCaseName)).findFirst();
    }

    private byte[] read(ZipEntry entry, long maxBytes, String what) throws IOException, ChocolateyEntryException {
        try (InputStream in = zip.getInputStream(entry)) {
            return PackageFiles.capped(in, maxBytes, what);
        } catch (ZipException e) {
            throw new ChocolateyEntryException(what + " in the .nupkg cannot be unpacked: " + e.getMessage());
        }
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
