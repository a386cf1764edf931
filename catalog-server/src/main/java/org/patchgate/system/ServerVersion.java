package org.patchgate.system;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Patchgate's version, written into the build by Maven resource filtering. */
@ApplicationScoped
public class ServerVersion {

    private final String text;
    private final String build;

    public ServerVersion() {
        Properties properties = new Properties();
        try (InputStream in = ServerVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the build's version.properties", e);
        }
        this.text = properties.getProperty("version", "unknown");
        this.build = text + " built " + properties.getProperty("build", "unknown");
    }

    public String text() {
        return text;
    }

    /** The version and when this build was made: one SNAPSHOT version covers many builds. */
    public String build() {
        return build;
    }
}
