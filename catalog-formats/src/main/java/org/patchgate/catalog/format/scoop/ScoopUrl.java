package org.patchgate.catalog.format.scoop;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import org.patchgate.catalog.model.InstallerType;

/**
 * One Scoop download URL. Scoop's {@code #/name} suffix is not part of the URL (a fragment is never
 * sent to the server): it names the file Scoop saves the download as, e.g. {@code …/jq-windows-amd64.exe#/jq.exe}
 * so that {@code bin: jq.exe} finds it, or {@code …/download#/dl.7z} so that Scoop extracts it.
 *
 * @param uri the download URL without fragment, http or https
 * @param rename the file name from {@code #/name}, or {@code null}
 */
record ScoopUrl(URI uri, String rename) {

    /** Extensions Scoop extracts with its archive tools (zip natively, the rest with 7-Zip). */
    private static final Set<String> ARCHIVES = Set.of(
            "zip", "7z", "rar", "tar", "tgz", "tbz", "tbz2", "txz", "gz", "bz2", "xz", "lzma", "nupkg", "iso");

    private static final int MAX_NAME = 255;

    static ScoopUrl parse(String raw, String field) throws ScoopManifestException {
        String text = raw.strip();
        int hash = text.indexOf('#');
        String base = hash < 0 ? text : text.substring(0, hash);
        String fragment = hash < 0 ? null : text.substring(hash + 1);
        URI uri;
        try {
            uri = new URI(base);
        } catch (URISyntaxException e) {
            throw new ScoopManifestException(field, "'" + Texts.shorten(base) + "' is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
            throw new ScoopManifestException(field, "'" + Texts.shorten(base) + "' is not an http or https URL");
        }
        if (uri.getHost() == null) {
            throw new ScoopManifestException(field, "'" + Texts.shorten(base) + "' has no host");
        }
        String rename = null;
        if (fragment != null && fragment.startsWith("/")) {
            rename = fragment.substring(1);
            checkFileName(rename, field);
        }
        return new ScoopUrl(uri, rename);
    }

    /**
     * The rename target becomes a file name on the device, so it must be one plain Windows file
     * name: nothing that climbs out of the app folder or that Windows forbids in names.
     */
    private static void checkFileName(String name, String field) throws ScoopManifestException {
        boolean bad = name.isEmpty() || name.length() > MAX_NAME || name.equals(".") || name.equals("..")
                || name.endsWith(".") || name.endsWith(" ") || Texts.hasControl(name);
        for (int i = 0; i < name.length() && !bad; i++) {
            bad = "/\\:*?\"<>|".indexOf(name.charAt(i)) >= 0;
        }
        if (bad) {
            throw new ScoopManifestException(field, "rename target '#/" + Texts.shorten(name)
                    + "' is not a plain file name");
        }
    }

    /** The name the downloaded file is saved as: the rename target, else the URL's last path segment. */
    String fileName() {
        if (rename != null) {
            return rename;
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isEmpty() ? uri.getHost() : last;
    }

    /**
     * How the file is handled, from its saved name as Scoop decides it: archives are extracted; an
     * {@code .msi} is an MSI; an {@code .exe} is an installer only when the manifest says
     * {@code innosetup: true} (Scoop unpacks it) and otherwise the program itself, copied as it is
     * ({@code jq.exe}); anything else is copied as it is.
     */
    InstallerType installerType(boolean innoSetup) {
        String name = fileName().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        if (ARCHIVES.contains(extension)) {
            return InstallerType.ZIP;
        }
        return switch (extension) {
            case "msi" -> InstallerType.MSI;
            case "exe" -> innoSetup ? InstallerType.EXE : InstallerType.PORTABLE;
            default -> InstallerType.PORTABLE;
        };
    }
}
