package org.patchgate.catalog.format.chocolatey;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** A package unpacked in a folder: {@code <id>.nuspec} with {@code tools/} and {@code legal/} beside it. */
final class FolderPackage implements PackageFiles {

    private final Path nuspecFile;
    private final Path packageDir;

    FolderPackage(Path nuspecFile) {
        this.nuspecFile = nuspecFile;
        this.packageDir = nuspecFile.getParent();
    }

    @Override
    public byte[] nuspec(long maxBytes) throws IOException, ChocolateyEntryException {
        try (InputStream in = Files.newInputStream(nuspecFile)) {
            return PackageFiles.capped(in, maxBytes, "nuspec");
        }
    }

    @Override
    public Optional<byte[]> installScript(long maxBytes) throws IOException, ChocolateyEntryException {
        Path script = installScriptPath();
        if (script == null) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(script)) {
            return Optional.of(PackageFiles.capped(in, maxBytes, "install script"));
        }
    }

    @Override
    public boolean hasVerification() throws IOException {
        Path script = installScriptPath();
        return Files.isRegularFile(packageDir.resolve("legal").resolve("VERIFICATION.txt"))
                || (script != null && Files.isRegularFile(script.getParent().resolve("VERIFICATION.txt")));
    }

    /** tools/ or Tools/, chocolateyInstall.ps1 in any letter case. */
    private Path installScriptPath() throws IOException {
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
}
