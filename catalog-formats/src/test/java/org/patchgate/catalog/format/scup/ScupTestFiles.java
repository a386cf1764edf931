package org.patchgate.catalog.format.scup;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real SCUP files under {@code src/test/resources/scup/}, see the README there. */
final class ScupTestFiles {

    private ScupTestFiles() {
    }

    static Path path(String relative) {
        try {
            return Path.of(ScupTestFiles.class.getResource("/scup/" + relative).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String relative) throws IOException {
        return Files.readString(path(relative), StandardCharsets.UTF_8);
    }

    static Path write(Path folder, String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }
}
