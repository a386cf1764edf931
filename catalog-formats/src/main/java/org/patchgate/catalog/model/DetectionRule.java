package org.patchgate.catalog.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A rule the agent evaluates on a device: is this update installed, or applicable? Rules combine
 * with {@link And}, {@link Or} and {@link Not} as SCUP's {@code lar:} logical rules do.
 */
public sealed interface DetectionRule {

    /**
     * A registry value exists and (if {@code expected} is set) compares with it; a {@code null}
     * comparison is {@link Comparison#EXISTS}, so that both spellings are one value.
     */
    record RegistryValue(String hive, String key, String valueName, Comparison comparison, String expected)
            implements DetectionRule {
        public RegistryValue {
            Objects.requireNonNull(hive, "hive");
            Objects.requireNonNull(key, "key");
            comparison = comparison == null ? Comparison.EXISTS : comparison;
        }
    }

    /** A registry key exists. */
    record RegistryKeyExists(String hive, String key) implements DetectionRule {
        public RegistryKeyExists {
            Objects.requireNonNull(hive, "hive");
            Objects.requireNonNull(key, "key");
        }
    }

    /** A file's version resource compares with {@code version}; {@code folder} is a CSIDL or a path. */
    record FileVersion(String folder, String path, Comparison comparison, String version) implements DetectionRule {
        public FileVersion {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(comparison, "comparison");
        }
    }

    /** A file exists. */
    record FileExists(String folder, String path) implements DetectionRule {
        public FileExists {
            Objects.requireNonNull(path, "path");
        }
    }

    /** An MSI product is installed, optionally within a version range. */
    record MsiProductInstalled(String productCode, String versionMin, String versionMax) implements DetectionRule {
        public MsiProductInstalled {
            Objects.requireNonNull(productCode, "productCode");
        }
    }

    /** An Apps & Features entry with this winget ProductCode (ARP key name) is present. */
    record ProductCodeInstalled(String productCode, String displayVersion) implements DetectionRule {
        public ProductCodeInstalled {
            Objects.requireNonNull(productCode, "productCode");
        }
    }

    /** A packaged (MSIX/AppX) app with this package family name is installed. */
    record PackageFamilyInstalled(String packageFamilyName) implements DetectionRule {
        public PackageFamilyInstalled {
            Objects.requireNonNull(packageFamilyName, "packageFamilyName");
        }
    }

    /**
     * A rule this model does not interpret itself (WMI query, Windows version, processor …), kept
     * with its vendor name and attributes so that nothing the catalog said is lost.
     */
    record Opaque(String kind, Map<String, String> attributes) implements DetectionRule {
        public Opaque {
            Objects.requireNonNull(kind, "kind");
            attributes = Map.copyOf(attributes);
        }
    }

    record And(List<DetectionRule> rules) implements DetectionRule {
        public And {
            rules = List.copyOf(rules);
        }
    }

    record Or(List<DetectionRule> rules) implements DetectionRule {
        public Or {
            rules = List.copyOf(rules);
        }
    }

    record Not(DetectionRule rule) implements DetectionRule {
        public Not {
            Objects.requireNonNull(rule, "rule");
        }
    }

    /** Comparisons as SCUP writes them. */
    enum Comparison {
        EQUAL_TO, NOT_EQUAL_TO, LESS_THAN, LESS_THAN_OR_EQUAL_TO, GREATER_THAN, GREATER_THAN_OR_EQUAL_TO, EXISTS
    }
}
