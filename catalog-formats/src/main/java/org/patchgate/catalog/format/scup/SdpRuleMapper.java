package org.patchgate.catalog.format.scup;

import static org.patchgate.catalog.format.scup.SdpNamespaces.BAR;
import static org.patchgate.catalog.format.scup.SdpNamespaces.LAR;
import static org.patchgate.catalog.format.scup.SdpNamespaces.MSIAR;

import java.util.ArrayList;
import java.util.List;
import org.patchgate.catalog.model.DetectionRule;
import org.patchgate.catalog.model.DetectionRule.Comparison;

/**
 * Maps SCUP applicability rules (the {@code lar:}, {@code bar:} and {@code msiar:} schemas) to
 * {@link DetectionRule}s. Rules the model has no type for are kept as {@link DetectionRule.Opaque}
 * with all their attributes, so nothing the catalog says is lost.
 */
final class SdpRuleMapper {

    /** Real rules nest at most 5 levels (Dell Realtek); deeper is refused so evaluation stays cheap. */
    static final int MAX_RULE_DEPTH = 64;

    private SdpRuleMapper() {
    }

    /** Maps the single rule inside a container such as {@code sdp:IsInstalled}; {@code null} if it is empty. */
    static DetectionRule container(XmlElement container, String field) throws SdpPackageException {
        if (container == null || container.children().isEmpty()) {
            return null;
        }
        if (container.children().size() > 1) {
            throw new SdpPackageException(field + " holds " + container.children().size()
                    + " rules; the schema allows exactly one (combine them with lar:And)");
        }
        return rule(container.children().get(0), field, 1);
    }

    private static DetectionRule rule(XmlElement e, String field, int depth) throws SdpPackageException {
        if (depth > MAX_RULE_DEPTH) {
            throw new SdpPackageException(field + " nests rules deeper than " + MAX_RULE_DEPTH + " levels");
        }
        if (e.namespace().equals(LAR)) {
            switch (e.name()) {
                case "And" -> {
                    return new DetectionRule.And(rules(e, field, depth));
                }
                case "Or" -> {
                    return new DetectionRule.Or(rules(e, field, depth));
                }
                case "Not" -> {
                    List<DetectionRule> inner = rules(e, field, depth);
                    if (inner.size() != 1) {
                        throw new SdpPackageException(field + ": lar:Not must hold exactly one rule, it holds " + inner.size());
                    }
                    return new DetectionRule.Not(inner.get(0));
                }
                default -> {
                    return opaque(e);
                }
            }
        }
        DetectionRule mapped = e.namespace().equals(BAR) ? base(e) : e.is(MSIAR, "MsiProductInstalled") ? msi(e) : null;
        return mapped != null ? mapped : opaque(e);
    }

    private static List<DetectionRule> rules(XmlElement e, String field, int depth) throws SdpPackageException {
        if (e.children().isEmpty()) {
            throw new SdpPackageException(field + ": " + SdpNamespaces.shortName(e) + " holds no rules");
        }
        List<DetectionRule> out = new ArrayList<>(e.children().size());
        for (XmlElement child : e.children()) {
            out.add(rule(child, field, depth + 1));
        }
        return out;
    }

    /** bar: rules; {@code null} when the attributes do not fit the model (then kept opaque). */
    private static DetectionRule base(XmlElement e) {
        String hive = e.attribute("Key");
        String subkey = e.attribute("Subkey");
        // Registry rules that read the 32-bit view (RegType32="true") are kept opaque: the model has no view.
        boolean registry = hive != null && subkey != null && !"true".equalsIgnoreCase(e.attribute("RegType32"));
        switch (e.name()) {
            case "RegSz", "RegDword" -> {
                Comparison c = comparison(e.attribute("Comparison"));
                return registry && c != null ? new DetectionRule.RegistryValue(hive, subkey, e.attribute("Value"), c,
                        e.attribute("Data")) : null;
            }
            case "RegValueExists" -> {
                return registry ? new DetectionRule.RegistryValue(hive, subkey, e.attribute("Value"),
                        Comparison.EXISTS, null) : null;
            }
            case "RegKeyExists" -> {
                return registry ? new DetectionRule.RegistryKeyExists(hive, subkey) : null;
            }
            case "FileVersion" -> {
                Comparison c = comparison(e.attribute("Comparison"));
                String path = e.attribute("Path");
                return c != null && path != null
                        ? new DetectionRule.FileVersion(e.attribute("Csidl"), path, c, e.attribute("Version")) : null;
            }
            case "FileExists" -> {
                String path = e.attribute("Path");
                return path != null ? new DetectionRule.FileExists(e.attribute("Csidl"), path) : null;
            }
            default -> {
                return null;
            }
        }
    }

    private static DetectionRule msi(XmlElement e) {
        String code = e.attribute("ProductCode");
        return code == null ? null
                : new DetectionRule.MsiProductInstalled(code, e.attribute("VersionMin"), e.attribute("VersionMax"));
    }

    private static DetectionRule opaque(XmlElement e) {
        return new DetectionRule.Opaque(SdpNamespaces.shortName(e), e.attributes());
    }

    /** BaseApplicabilityRules.xsd ScalarComparison; string comparisons (Contains …) stay opaque. */
    static Comparison comparison(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "EqualTo" -> Comparison.EQUAL_TO;
            case "NotEqualTo" -> Comparison.NOT_EQUAL_TO;
            case "LessThan" -> Comparison.LESS_THAN;
            case "LessThanOrEqualTo" -> Comparison.LESS_THAN_OR_EQUAL_TO;
            case "GreaterThan" -> Comparison.GREATER_THAN;
            case "GreaterThanOrEqualTo" -> Comparison.GREATER_THAN_OR_EQUAL_TO;
            default -> null;
        };
    }
}
