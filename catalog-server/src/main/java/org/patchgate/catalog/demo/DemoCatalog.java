package org.patchgate.catalog.demo;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.patchgate.catalog.source.CatalogSource;
import org.patchgate.catalog.source.SourceService;
import org.patchgate.catalog.source.SyncCoordinator;
import org.patchgate.server.DataDirectory;
import org.patchgate.server.DatabaseMigrated;

/**
 * Loads the demo catalog on the first start with an empty database: a winget source of real manifests
 * shipped with the server, and a Patchgate JSON source whose installers the server generates and
 * serves at {@code /demo/content/} (see resources {@code demo/README.md}). Both are ordinary sources:
 * an admin may sync, change or delete them.
 */
@ApplicationScoped
public class DemoCatalog {

    static final String CONTENT_DIR = "demo/content";
    static final List<String> TOOL_VERSIONS = List.of("1.0.0", "1.1.0");

    private static final Logger LOG = Logger.getLogger(DemoCatalog.class.getName());

    @Inject
    private DataDirectory dataDirectory;

    @Inject
    private SourceService sources;

    @Inject
    private SyncCoordinator syncs;

    @Inject
    @ConfigProperty(name = "patchgate.demo.enabled", defaultValue = "true")
    private boolean enabled;

    @Inject
    @ConfigProperty(name = "patchgate.http.port", defaultValue = "8080")
    private int httpPort;

    /** After {@link org.patchgate.catalog.source.InterruptedSyncs}, which would take the demo's running syncs for interrupted ones. */
    void onMigrated(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) DatabaseMigrated migrated) {
        if (!enabled || !migrated.freshDatabase()) {
            return;
        }
        try {
            Path winget = copyWingetManifests(dataDirectory.resolve("demo/winget"));
            Path json = writeDemoToolCatalog(dataDirectory.resolve("demo/patchgate-json"));
            load("Demo: winget", "winget", winget);
            load("Demo: Patchgate JSON", "patchgate-json", json);
        } catch (IOException | RuntimeException e) {
            // The demo is a convenience: a failure is logged, the server starts anyway.
            LOG.log(Level.WARNING, "The demo catalog could not be loaded", e);
        }
    }

    /**
     * Adds the source now and syncs it in the background: the server is ready (and the first start
     * about a second shorter) while the demo's few entries are read; the sync shows as running.
     */
    private void load(String name, String format, Path location) {
        CatalogSource source = sources.create(new SourceService.SourceDefinition(name, format, location.toString(), null,
                true, null, null));
        syncs.start(source.id(), "demo", false);
    }

    private static Path copyWingetManifests(Path target) throws IOException {
        for (String file : resourceLines("/demo/winget/index.txt")) {
            Path out = target.resolve(file).normalize();
            if (!out.startsWith(target)) {
                throw new IOException("demo index names a path outside the demo folder: " + file);
            }
            Files.createDirectories(out.getParent());
            try (InputStream in = DemoCatalog.class.getResourceAsStream("/demo/winget/" + file)) {
                if (in == null) {
                    throw new IOException("demo resource missing: " + file);
                }
                Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }

    private Path writeDemoToolCatalog(Path target) throws IOException {
        Path content = dataDirectory.resolve(CONTENT_DIR);
        Files.createDirectories(content);
        Files.createDirectories(target);
        StringBuilder entries = new StringBuilder();
        for (String version : TOOL_VERSIONS) {
            byte[] zip = DemoContent.zip(version);
            String file = "patchgate-demo-tool-" + version + ".zip";
            Files.write(content.resolve(file), zip);
            if (entries.length() > 0) {
                entries.append(",\n");
            }
            entries.append("""
                        {
                          "vendor": "Patchgate",
                          "product": "Patchgate Demo Tool",
                          "productKey": "Patchgate.DemoTool",
                          "version": "%s",
                          "title": "Patchgate Demo Tool %s",
                          "description": "A generated package that shows download and verification without internet access.",
                          "classification": "tools",
                          "installers": [
                            {
                              "architecture": "neutral",
                              "type": "zip",
                              "url": "http://127.0.0.1:%d/demo/content/%s",
                              "sha256": "%s",
                              "size": %d
                            }
                          ]
                        }""".formatted(version, version, httpPort, file, DemoContent.sha256(zip), zip.length));
        }
        Path catalog = target.resolve("demo-tool.json");
        Files.writeString(catalog, "{\n  \"formatVersion\": 1,\n  \"entries\": [\n" + entries + "\n  ]\n}\n", StandardCharsets.UTF_8);
        return target;
    }

    private static List<String> resourceLines(String resource) throws IOException {
        try (InputStream in = DemoCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("demo resource missing: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
