package org.patchgate.launcher;

/** A configuration value that cannot work, named by its key as the operator wrote it. */
public class ConfigException extends Exception {

    private final String key;

    public ConfigException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
    }

    public ConfigException(String key, String problem, Throwable cause) {
        super(key + ": " + problem, cause);
        this.key = key;
    }

    /** The key as the operator wrote it (environment variable or property name). */
    public String key() {
        return key;
    }
}
