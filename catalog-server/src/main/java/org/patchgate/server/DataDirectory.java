package org.patchgate.server;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's data directory ({@code patchgate.data.dir}; the launcher passes the one it checked):
 * downloaded catalogs and the content store live under it.
 */
@ApplicationScoped
public class DataDirectory {

    @Inject
    @ConfigProperty(name = "patchgate.data.dir", defaultValue = "patchgate-data")
    String configured;

    public Path root() {
        return Path.of(configured).toAbsolutePath().normalize();
    }

    /** A folder under the data directory, e.g. {@code sources/3}. */
    public Path resolve(String relative) {
        return root().resolve(relative);
    }
}
