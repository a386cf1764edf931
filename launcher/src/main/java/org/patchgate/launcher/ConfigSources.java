package org.patchgate.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where settings come from, in MicroProfile Config's order of precedence: system properties
 * ({@code -Dpatchgate.http.port=8081}), then environment variables ({@code PATCHGATE_HTTP_PORT}),
 * then the properties file ({@code patchgate.properties}), then defaults.
 *
 * <p>The site server itself reads the same keys through MicroProfile Config; the launcher resolves
 * them first so that a wrong value stops the start with a message naming the key.
 */
public final class ConfigSources {

    /** Key naming the properties file; default {@code ./patchgate.properties} when it exists. */
    public static final String CONFIG_FILE_KEY = "patchgate.config.file";

    private final Map<String, String> systemProperties;
    private final Map<String, String> environment;
    private final Properties file;
    private final Path filePath;

    private ConfigSources(Map<String, String> systemProperties, Map<String, String> environment, Properties file,
                          Path filePath) {
        this.systemProperties = systemProperties;
        this.environment = environment;
        this.file = file;
        this.filePath = filePath;
    }

    /** Reads the sources; the properties file is named by {@value #CONFIG_FILE_KEY} or is {@code ./patchgate.properties}. */
    public static ConfigSources load(Map<String, String> systemProperties, Map<String, String> environment,
                                     Path workingDirectory) throws ConfigException {
        ConfigSources bare = new ConfigSources(systemProperties, environment, new Properties(), null);
        Optional<String> named = bare.value(CONFIG_FILE_KEY);
        Path path = named.map(workingDirectory::resolve).orElse(workingDirectory.resolve("patchgate.properties"));
        Properties properties = new Properties();
        if (Files.isRegularFile(path)) {
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigException(bare.nameOf(CONFIG_FILE_KEY), "cannot read " + path + ": " + e.getMessage(), e);
            }
        } else if (named.isPresent()) {
            throw new ConfigException(bare.nameOf(CONFIG_FILE_KEY), path + " does not exist or is not a file");
        }
        return new ConfigSources(systemProperties, environment, properties, Files.isRegularFile(path) ? path : null);
    }

    /** The value of a key from the first source that has it, blank values counting as unset. */
    public Optional<String> value(String key) {
        String v = systemProperties.get(key);
        if (v == null) {
            v = environment.get(environmentName(key));
        }
        if (v == null) {
            v = file.getProperty(key);
        }
        return Optional.ofNullable(v).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** How the operator wrote the key that gave the value, for error messages. */
    public String nameOf(String key) {
        if (systemProperties.containsKey(key)) {
            return key;
        }
        if (environment.containsKey(environmentName(key))) {
            return environmentName(key);
        }
        if (file.containsKey(key)) {
            return key + " (in " + filePath + ")";
        }
        return environmentName(key);
    }

    /** Every {@code patchgate.*} property of the file, handed to the site server's MicroProfile Config. */
    public Map<String, String> fileProperties() {
        Map<String, String> out = new HashMap<>();
        for (String name : file.stringPropertyNames()) {
            if (name.startsWith("patchgate.") || name.startsWith("mp.")) {
                out.put(name, file.getProperty(name));
            }
        }
        return out;
    }

    /** MicroProfile Config's mapping of a property name to an environment variable name. */
    public static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
