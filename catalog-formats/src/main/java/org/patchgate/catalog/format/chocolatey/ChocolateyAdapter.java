package org.patchgate.catalog.format.chocolatey;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.patchgate.catalog.format.CatalogAdapter;
import org.patchgate.catalog.format.CatalogReadException;
import org.patchgate.catalog.format.EntryProblem;
import org.patchgate.catalog.format.EntrySink;
import org.patchgate.catalog.format.RawDigest;
import org.patchgate.catalog.format.SourceFormat;
import org.patchgate.catalog.model.CatalogEntry;
import org.patchgate.catalog.model.Classification;
import org.patchgate.catalog.model.Installer;
import org.patchgate.catalog.model.Severity;
import org.patchgate.catalog.model.Version;

/**
 * Reads Chocolatey packages: a chocolatey-packages style tree ({@code <automatic|manual>/<id>/<id>.nuspec}
 * with {@code tools/chocolateyInstall.ps1}, any case of folder and file name, beside it) and
 * {@code .nupkg} archives, the form of an internal Chocolatey repository (a folder or share of
 * packages). The location may be the repository root, one group folder or one package folder;
 * every {@code .nuspec} and {@code .nupkg} up to two folders below it is a package, except under
 * hidden folders ({@code .git}). PowerShell is never run: see {@link InstallScriptScanner}.
 */
public final class ChocolateyAdapter implements CatalogAdapter {

    /** Install scripts are a few KB; a larger one is not a script this adapter should trust a regex with. */
    static final long MAX_SCRIPT_BYTES = 1024 * 1024;
    static final long MAX_NUSPEC_BYTES = 1024 * 1024;
    /**
     * Part of every package's raw digest ({@link EntrySink#unchanged}): bump it when the same files
     * map to a different entry, so that stored digests stop matching and every package is parsed again.
     */
    static final String MAPPING_VERSION = "chocolatey-mapping-1";
    private static final byte[] NO_SCRIPT = new byte[0];

    @Override
    public SourceFormat format() {
        return SourceFormat.CHOCOLATEY;
    }

    @Override
    public void read(Path location, EntrySink sink) throws CatalogReadException {
        if (!Files.isDirectory(location)) {
            throw new CatalogReadException("Chocolatey location " + location + " is not a folder");
        }
        List<Path> packages;
        try (Stream<Path> walk = Files.walk(location, 3)) {
            packages = walk.filter(p -> isPackage(location.relativize(p)))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new CatalogReadException("cannot list Chocolatey folder " + location + ": " + e.getMessage(), e);
        }
        if (packages.isEmpty()) {
            throw new CatalogReadException("no .nuspec or .nupkg file in " + location);
        }
        sink.expect(packages.size());
        for (Path file : packages) {
            String relative = location.relativize(file).toString().replace('\\', '/');
            try {
                readOne(file, relative, sink);
            } catch (ChocolateyEntryException e) {
                sink.problem(new EntryProblem(relative, e.getMessage()));
            } catch (NuspecReader.NuspecException e) {
                sink.problem(new EntryProblem(relative, e.getMessage()));
            } catch (IOException e) {
                sink.problem(new EntryProblem(relative, "cannot read: " + e.getMessage()));
            }
        }
    }

    /** A {@code .nuspec} (unpacked package) or {@code .nupkg}, not under a hidden folder such as {@code .git}. */
    private static boolean isPackage(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        String name = relative.getFileName() == null ? "" : relative.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".nuspec") || name.endsWith(".nupkg");
    }

    /**
     * One package is one entry, so its files are read (not parsed) first and the sink asked whether
     * they are unchanged ({@link EntrySink#unchanged}): the digest covers {@link #MAPPING_VERSION},
     * the package's path (the entry's sourcePath), the nuspec, the install script and whether a
     * verification file is there — everything the entry is made of.
     */
    private static void readOne(Path file, String relative, EntrySink sink)
            throws IOException, NuspecReader.NuspecException, ChocolateyEntryException {
        PackageBytes bytes;
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".nupkg")) {
            try (NupkgPackage nupkg = new NupkgPackage(file)) {
                bytes = PackageBytes.of(nupkg);
            }
        } else {
            bytes = PackageBytes.of(new FolderPackage(file));
        }
        String digest = bytes.digest(relative);
        if (sink.unchanged(relative, digest)) {
            return;
        }
        sink.entry(entry(bytes, relative), digest);
    }

    /** A package's files as read: the nuspec, the install script if any, whether it ships a verification file. */
    private record PackageBytes(byte[] nuspec, Optional<byte[]> script, boolean verification) {

        static PackageBytes of(PackageFiles files) throws IOException, ChocolateyEntryException {
            return new PackageBytes(files.nuspec(MAX_NUSPEC_BYTES), files.installScript(MAX_SCRIPT_BYTES),
                    files.hasVerification());
        }

        String digest(String sourcePath) {
            return new RawDigest(MAPPING_VERSION).add(sourcePath).add(nuspec).add(script.orElse(NO_SCRIPT))
                    .add(new byte[] {(byte) (script.isPresent() ? 1 : 0), (byte) (verification ? 1 : 0)}).hex();
        }
    }

    private static CatalogEntry entry(PackageBytes files, String relative)
            throws NuspecReader.NuspecException, ChocolateyEntryException {
        Nuspec nuspec = NuspecReader.read(new ByteArrayInputStream(files.nuspec()));
        String id = required(nuspec.id(), "id");
        Version version = version(required(nuspec.version(), "version"));
        String vendor = required(nuspec.authors(), "authors");
        Optional<byte[]> script = files.script();
        if (script.isEmpty()) {
            String deps = nuspec.dependencies().isEmpty() ? "" : "; it only depends on " + String.join(", ", nuspec.dependencies());
            throw new ChocolateyEntryException(InstallScriptScanner.NO_INSTALLER
                    + "there is no tools/chocolateyInstall.ps1 (a meta package" + deps + ")");
        }
        List<Installer> installers = InstallScriptScanner.scan(decode(script.get()), files.verification());
        String product = nuspec.title() != null ? nuspec.title() : id;
        try {
            return new CatalogEntry(id + "/" + version.text(), relative, vendor, product,
                    id.toLowerCase(Locale.ROOT), // Chocolatey ids are case-insensitive (GoogleChrome = googlechrome)
                    version, product + " " + version.text(),
                    nuspec.summary() != null ? nuspec.summary() : nuspec.description(), null,
                    Classification.APPLICATIONS, Severity.UNSPECIFIED, nuspec.projectUrl(),
                    nuspec.license() != null ? nuspec.license() : nuspec.licenseUrl(), List.of(), installers, null, null);
        } catch (IllegalArgumentException e) {
            throw new ChocolateyEntryException(e.getMessage());
        }
    }

    /** The repository commits {@code {{PackageVersion}}} unexpanded in some nuspecs (manual/libreoffice-help). */
    private static Version version(String text) throws ChocolateyEntryException {
        if (text.contains("{{") || text.contains("}}")) {
            throw new ChocolateyEntryException("version '" + text + "' is an unexpanded template token, not a version");
        }
        try {
            return Version.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ChocolateyEntryException("version: " + e.getMessage());
        }
    }

    /** UTF-8, with or without the BOM that 70 of the repository's files carry. */
    private static String decode(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.ISO_8859_1); // Windows-1252 scripts: URLs and hashes are ASCII anyway
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String required(String value, String field) throws ChocolateyEntryException {
        if (value == null || value.isBlank()) {
            throw new ChocolateyEntryException("nuspec <" + field + "> is missing");
        }
        return value;
    }
}
