package org.patchgate.catalog.format.chocolatey;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.patchgate.catalog.format.CatalogAdapter;
import org.patchgate.catalog.format.CatalogReadException;
import org.patchgate.catalog.format.EntryProblem;
import org.patchgate.catalog.format.EntrySink;
import org.patchgate.catalog.format.SourceFormat;
import org.patchgate.catalog.model.CatalogEntry;
import org.patchgate.catalog.model.Classification;
import org.patchgate.catalog.model.Installer;
import org.patchgate.catalog.model.Severity;
import org.patchgate.catalog.model.Version;

/**
 * Reads a chocolatey-packages style tree: {@code <automatic|manual>/<id>/<id>.nuspec} with
 * {@code tools/chocolateyInstall.ps1} (any case of folder and file name) beside it. The location
 * may be the repository root, one group folder or one package folder; every {@code .nuspec} up to
 * two folders below it is a package. PowerShell is never run: see {@link InstallScriptScanner}.
 */
public final class ChocolateyAdapter implements CatalogAdapter {

    /** Install scripts are a few KB; a larger one is not a script this adapter should trust a regex with. */
    static final long MAX_SCRIPT_BYTES = 1024 * 1024;
    static final long MAX_NUSPEC_BYTES = 1024 * 1024;

    @Override
    public SourceFormat format() {
        return SourceFormat.CHOCOLATEY;
    }

    @Override
    public void read(Path location, EntrySink sink) throws CatalogReadException {
        if (!Files.isDirectory(location)) {
            throw new CatalogReadException("Chocolatey location " + location + " is not a folder");
        }
        List<Path> nuspecs;
        try (Stream<Path> walk = Files.walk(location, 3)) {
            nuspecs = walk.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".nuspec"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new CatalogReadException("cannot list Chocolatey folder " + location + ": " + e.getMessage(), e);
        }
        if (nuspecs.isEmpty()) {
            throw new CatalogReadException("no .nuspec file in " + location);
        }
        sink.expect(nuspecs.size());
        for (Path nuspec : nuspecs) {
            String relative = location.relativize(nuspec).toString().replace('\\', '/');
            try {
                sink.entry(entry(nuspec, relative));
            } catch (ChocolateyEntryException e) {
                sink.problem(new EntryProblem(relative, e.getMessage()));
            } catch (NuspecReader.NuspecException e) {
                sink.problem(new EntryProblem(relative, e.getMessage()));
            } catch (IOException e) {
                sink.problem(new EntryProblem(relative, "cannot read: " + e.getMessage()));
            }
        }
    }

    private static CatalogEntry entry(Path nuspecFile, String relative)
            throws IOException, NuspecReader.NuspecException, ChocolateyEntryException {
        if (Files.size(nuspecFile) > MAX_NUSPEC_BYTES) {
            throw new ChocolateyEntryException("nuspec is larger than " + MAX_NUSPEC_BYTES + " bytes");
        }
        Nuspec nuspec;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(nuspecFile))) {
            nuspec = NuspecReader.read(in);
        }
        String id = required(nuspec.id(), "id");
        Version version = version(required(nuspec.version(), "version"));
        String vendor = required(nuspec.authors(), "authors");
        Path packageDir = nuspecFile.getParent();
        Path script = installScript(packageDir);
        if (script == null) {
            String deps = nuspec.dependencies().isEmpty() ? "" : "; it only depends on " + String.join(", ", nuspec.dependencies());
            throw new ChocolateyEntryException(InstallScriptScanner.NO_INSTALLER
                    + "there is no tools/chocolateyInstall.ps1 (a meta package" + deps + ")");
        }
        boolean verification = Files.isRegularFile(packageDir.resolve("legal").resolve("VERIFICATION.txt"))
                || Files.isRegularFile(script.getParent().resolve("VERIFICATION.txt"));
        List<Installer> installers = InstallScriptScanner.scan(readScript(script), verification);
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

    /** tools/ or Tools/, chocolateyInstall.ps1 in any letter case. */
    private static Path installScript(Path packageDir) throws IOException {
        try (Stream<Path> tools = Files.list(packageDir)) {
            for (Path dir : tools.filter(Files::isDirectory).sorted().toList()) {
                if (!dir.getFileName().toString().equalsIgnoreCase("tools")) {
                    continue;
                }
                try (Stream<Path> files = Files.list(dir)) {
                    Path script = files.filter(f -> f.getFileName().toString().equalsIgnoreCase("chocolateyInstall.ps1"))
                            .filter(Files::isRegularFile).findFirst().orElse(null);
                    if (script != null) {
                        return script;
                    }
                }
            }
        }
        return null;
    }

    /** UTF-8, with or without the BOM that 70 of the repository's files carry. */
    private static String readScript(Path script) throws IOException, ChocolateyEntryException {
        if (Files.size(script) > MAX_SCRIPT_BYTES) {
            throw new ChocolateyEntryException("install script is larger than " + MAX_SCRIPT_BYTES + " bytes");
        }
        byte[] bytes = Files.readAllBytes(script);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
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
