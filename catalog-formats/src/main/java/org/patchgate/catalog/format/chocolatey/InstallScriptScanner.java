package org.patchgate.catalog.format.chocolatey;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patchgate.catalog.format.chocolatey.ScriptArguments.Field;
import org.patchgate.catalog.model.Architecture;
import org.patchgate.catalog.model.Digest;
import org.patchgate.catalog.model.HashAlgorithm;
import org.patchgate.catalog.model.InstallScope;
import org.patchgate.catalog.model.Installer;
import org.patchgate.catalog.model.InstallerType;
import org.patchgate.catalog.model.Sha256;

/**
 * Finds the downloads of a {@code chocolateyInstall.ps1} without running it: the {@code url},
 * {@code url64bit}/{@code url64}, {@code checksum}/{@code checksum64} and
 * {@code checksumType}/{@code checksumType64} arguments of {@code Install-ChocolateyPackage} and
 * {@code Install-ChocolateyZipPackage}, splatted ({@code @packageArgs}) or positional. Only literal
 * values are taken; a package whose download cannot be verified by a literal checksum is refused.
 */
final class InstallScriptScanner {

    private static final Pattern CALL = Pattern.compile(
            "(?im)^[ \\t]*(?:[\\w.-]+\\\\)?(Install-ChocolateyPackage|Install-ChocolateyZipPackage)\\b[ \\t]*(.*?)\\r?$");
    private static final Pattern TOKEN = Pattern.compile("'[^']*'|\"[^\"]*\"|\\S+");
    /** Chocolatey's own parameter order (Install-ChocolateyPackage.ps1, Install-ChocolateyZipPackage.ps1). */
    private static final List<String> PACKAGE_POSITIONS = List.of("packageName", "fileType", "silentArgs", "url", "url64bit");
    private static final List<String> ZIP_POSITIONS = List.of("packageName", "url", "unzipLocation", "url64bit");
    static final String NO_INSTALLER = "no downloadable installer with a checksum: ";

    private InstallScriptScanner() {
    }

    static List<Installer> scan(String script, boolean checksumsInVerificationFile) throws ChocolateyEntryException {
        String hint = checksumsInVerificationFile ? " (checksums are only in legal/VERIFICATION.txt, free text that is not used)" : "";
        Matcher call = CALL.matcher(script);
        ScriptArguments arguments = ScriptArguments.scan(script);
        List<Installer> found = null;
        while (call.find()) {
            boolean zip = call.group(1).equalsIgnoreCase("Install-ChocolateyZipPackage");
            String rest = call.group(2).strip();
            Map<String, Field> fields = rest.startsWith("@") ? splat(arguments) : positional(arguments, rest, zip);
            List<Installer> installers = installers(fields, zip, hint);
            if (found != null && !found.equals(installers)) {
                throw new ChocolateyEntryException("the script has several install calls that download different files");
            }
            found = installers;
        }
        if (found != null) {
            return found;
        }
        String lower = script.toLowerCase(Locale.ROOT);
        if (lower.contains("install-chocolateyinstallpackage") || lower.contains("get-chocolateyunzip")
                || lower.contains("install-binfile")) {
            throw new ChocolateyEntryException(NO_INSTALLER + "the binary is embedded in the .nupkg" + hint);
        }
        if (lower.contains("get-chocolateywebfile")) {
            throw new ChocolateyEntryException(NO_INSTALLER + "the script downloads with Get-ChocolateyWebFile, which is not interpreted");
        }
        throw new ChocolateyEntryException(NO_INSTALLER
                + "the install script calls neither Install-ChocolateyPackage nor Install-ChocolateyZipPackage");
    }

    private static Map<String, Field> splat(ScriptArguments arguments) {
        Map<String, Field> fields = new HashMap<>();
        for (String name : List.of("url", "url64bit", "url64", "checksum", "checksum64", "checksumType",
                "checksumType64", "fileType", "installerType", "silentArgs")) {
            fields.put(name.toLowerCase(Locale.ROOT), arguments.key(name));
        }
        return fields;
    }

    private static Map<String, Field> positional(ScriptArguments arguments, String rest, boolean zip) {
        Map<String, Field> fields = new HashMap<>();
        List<String> positions = zip ? ZIP_POSITIONS : PACKAGE_POSITIONS;
        Matcher t = TOKEN.matcher(rest);
        int position = 0;
        while (t.find()) {
            String token = t.group();
            if (token.startsWith("-") && token.length() > 1 && Character.isLetter(token.charAt(1))) {
                if (t.find()) {
                    String name = token.substring(1);
                    fields.put(name.toLowerCase(Locale.ROOT), arguments.value(ScriptValue.of(t.group()), name));
                }
            } else if (position < positions.size()) {
                String name = positions.get(position++);
                fields.put(name.toLowerCase(Locale.ROOT), arguments.value(ScriptValue.of(token), name));
            }
        }
        return fields;
    }

    private static List<Installer> installers(Map<String, Field> f, boolean zip, String hint) throws ChocolateyEntryException {
        Field url = f.getOrDefault("url", Field.ABSENT);
        Field url64 = either(f, "url64bit", "url64");
        Field type = either(f, "filetype", "installertype");
        Field checksumType = f.getOrDefault("checksumtype", Field.ABSENT);
        Field checksumType64 = f.getOrDefault("checksumtype64", Field.ABSENT);
        if (!url.present() && !url64.present()) {
            throw new ChocolateyEntryException(NO_INSTALLER + "the install call passes no url" + hint);
        }
        InstallerType installerType = type(type, zip);
        String silent = f.getOrDefault("silentargs", Field.ABSENT).literal();
        List<Installer> out = new ArrayList<>();
        if (url.present()) {
            out.add(installer(Architecture.X86, url, f.getOrDefault("checksum", Field.ABSENT), checksumType,
                    installerType, silent, hint));
        }
        if (url64.present()) {
            Field type64 = checksumType64.present() ? checksumType64 : checksumType; // Chocolatey's fallback
            out.add(installer(Architecture.X64, url64, f.getOrDefault("checksum64", Field.ABSENT), type64,
                    installerType, silent, hint));
        }
        return out;
    }

    private static Field either(Map<String, Field> f, String a, String b) throws ChocolateyEntryException {
        Field x = f.getOrDefault(a, Field.ABSENT);
        Field y = f.getOrDefault(b, Field.ABSENT);
        if (x.present() && y.present() && !x.equals(y)) {
            throw new ChocolateyEntryException(a + " and " + b + " are both given and differ");
        }
        return x.present() ? x : y;
    }

    private static InstallerType type(Field fileType, boolean zip) throws ChocolateyEntryException {
        if (fileType.unusable() != null) {
            throw new ChocolateyEntryException(fileType.unusable());
        }
        if (fileType.literal() == null) {
            return zip ? InstallerType.ZIP : InstallerType.EXE; // Install-ChocolateyPackage defaults to exe
        }
        return switch (fileType.literal().toLowerCase(Locale.ROOT)) {
            case "exe" -> InstallerType.EXE;
            case "msi" -> InstallerType.MSI;
            case "zip", "7z" -> InstallerType.ZIP;
            default -> throw new ChocolateyEntryException("fileType '" + fileType.literal() + "' is not exe, msi or zip");
        };
    }

    private static Installer installer(Architecture arch, Field url, Field checksum, Field checksumType,
            InstallerType type, String silent, String hint) throws ChocolateyEntryException {
        String which = arch == Architecture.X86 ? "url" : "url64bit";
        if (url.unusable() != null) {
            throw new ChocolateyEntryException(NO_INSTALLER + url.unusable());
        }
        if (checksum.unusable() != null) {
            throw new ChocolateyEntryException(NO_INSTALLER + checksum.unusable());
        }
        if (checksum.literal() == null) {
            throw new ChocolateyEntryException(NO_INSTALLER + which + " '" + url.literal()
                    + "' has no checksum, and Patchgate verifies every download" + hint);
        }
        if (checksumType.unusable() != null) {
            throw new ChocolateyEntryException(checksumType.unusable());
        }
        Digest digest = digest(checksum.literal(), checksumType.literal());
        URI uri = uri(which, url.literal());
        try {
            Sha256 sha256 = digest.algorithm() == HashAlgorithm.SHA256 ? new Sha256(digest.hex()) : null;
            return new Installer(arch, InstallScope.MACHINE, null, type, "chocolatey", uri, sha256, digest, silent, null, null);
        } catch (IllegalArgumentException e) {
            throw new ChocolateyEntryException(which + ": " + e.getMessage());
        }
    }

    /** checksumType absent: Chocolatey would assume md5; the length tells the real algorithm more safely. */
    private static Digest digest(String checksum, String type) throws ChocolateyEntryException {
        HashAlgorithm algorithm;
        if (type == null) {
            algorithm = switch (checksum.length()) {
                case 32 -> HashAlgorithm.MD5;
                case 40 -> HashAlgorithm.SHA1;
                case 64 -> HashAlgorithm.SHA256;
                case 128 -> HashAlgorithm.SHA512;
                default -> throw new ChocolateyEntryException("checksum '" + checksum + "' has no checksumType and an unknown length");
            };
        } else {
            algorithm = switch (type.toLowerCase(Locale.ROOT)) {
                case "md5" -> HashAlgorithm.MD5;
                case "sha1" -> HashAlgorithm.SHA1;
                case "sha256" -> HashAlgorithm.SHA256;
                case "sha512" -> HashAlgorithm.SHA512;
                default -> throw new ChocolateyEntryException("checksumType '" + type + "' is not md5, sha1, sha256 or sha512");
            };
        }
        try {
            return new Digest(algorithm, checksum);
        } catch (IllegalArgumentException e) {
            throw new ChocolateyEntryException("checksum: " + e.getMessage());
        }
    }

    /** Spaces occur unencoded in real URLs (manual/ffdshow); anything else invalid is refused. */
    private static URI uri(String which, String text) throws ChocolateyEntryException {
        try {
            URI uri = new URI(text.replace(" ", "%20"));
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                throw new ChocolateyEntryException(which + " '" + text + "' is not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ChocolateyEntryException(which + " '" + text + "' is not a valid URL: " + e.getReason());
        }
    }
}
