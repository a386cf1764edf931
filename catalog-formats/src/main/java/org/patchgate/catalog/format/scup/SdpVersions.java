package org.patchgate.catalog.format.scup;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patchgate.catalog.model.DetectionRule;

/**
 * Finds an update's version, which SCUP has no field for. In order:
 * <ol>
 *   <li>a trailing {@code [...]} in the title (every HP SoftPaq: {@code AMD PSP Driver [4.4.0.0.A1]});</li>
 *   <li>the text after the first comma of the title (Dell drivers:
 *       {@code Realtek High Definition Audio Driver,6.0.1.8454,A02} → {@code 6.0.1.8454,A02});</li>
 *   <li>{@code VersionMin} of an {@code msiar:MsiProductInstalled} installed rule (Dell MSI packages);</li>
 *   <li>the version of a {@code bar:FileVersion GreaterThanOrEqualTo} installed rule.</li>
 * </ol>
 * The title minus the version is the product's name within the vendor, used for the product key.
 */
final class SdpVersions {

    private static final Pattern BRACKETED = Pattern.compile("^(.*?)\\s*\\[([^\\[\\]]+)]\\s*$");
    private static final Pattern COMMA = Pattern.compile("^([^,]+?)\\s*,\\s*(\\d[^,]*(?:,.*)?)$");

    /** @param version the version text, or {@code null}; @param name the title without it */
    record Found(String version, String name) {
    }

    private SdpVersions() {
    }

    static Found find(String title, DetectionRule installed) {
        Matcher m = BRACKETED.matcher(title);
        if (m.matches() && !m.group(1).isBlank()) {
            return new Found(m.group(2).strip(), m.group(1));
        }
        m = COMMA.matcher(title);
        if (m.matches()) {
            return new Found(m.group(2).strip(), m.group(1));
        }
        return new Found(fromRule(installed, 0), title.strip());
    }

    private static String fromRule(DetectionRule rule, int depth) {
        if (rule == null || depth > SdpRuleMapper.MAX_RULE_DEPTH) {
            return null;
        }
        if (rule instanceof DetectionRule.MsiProductInstalled msi) {
            return msi.versionMin();
        }
        if (rule instanceof DetectionRule.FileVersion file
                && file.comparison() == DetectionRule.Comparison.GREATER_THAN_OR_EQUAL_TO) {
            return file.version();
        }
        if (rule instanceof DetectionRule.And and) {
            for (DetectionRule r : and.rules()) {
                String v = fromRule(r, depth + 1);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }
}
