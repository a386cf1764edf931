package org.patchgate.catalog.sync;

import org.patchgate.catalog.model.CatalogEntry;
import org.patchgate.catalog.model.Installer;

/**
 * Checks an entry against the column sizes of V2__catalog.sql before it is written, so that one
 * over-long field becomes a problem for that entry instead of a database error that fails the
 * whole sync. PostgreSQL also refuses the character U+0000 in text, so it is refused here too.
 */
final class ColumnLimits {

    private ColumnLimits() {
    }

    /** Why the entry cannot be stored, or {@code null} if it fits. */
    static String violation(CatalogEntry e) {
        String v = first(
                check("id", e.sourceEntryId(), 512),
                check("sourcePath", e.sourcePath(), 1024),
                check("vendor", e.vendor(), 256),
                check("product", e.product(), 512),
                check("productKey", e.productKey(), 512),
                check("title", e.title(), 1024),
                check("description", e.description(), Integer.MAX_VALUE),
                check("homepage", e.homepage(), 2048),
                check("license", e.license(), 512));
        if (v != null) {
            return v;
        }
        for (String rule : new String[] {DetectionRuleJson.toJson(e.installedRule()), DetectionRuleJson.toJson(e.applicableRule())}) {
            // jsonb refuses the escape \u0000 (PostgreSQL docs 8.14: "unsupported Unicode escape sequence").
            if (rule != null && rule.contains("\\u0000")) {
                return "a detection rule contains the character U+0000, which PostgreSQL jsonb cannot hold";
            }
        }
        for (String s : e.supersedes()) {
            if ((v = check("supersedes", s, 512)) != null) {
                return v;
            }
        }
        for (int i = 0; i < e.installers().size(); i++) {
            Installer in = e.installers().get(i);
            String prefix = "installers[" + i + "].";
            v = first(
                    check(prefix + "locale", in.locale(), 64),
                    check(prefix + "vendorType", in.vendorType(), 128),
                    check(prefix + "url", in.url().toString(), 4096),
                    check(prefix + "silentInstall", in.silentInstall(), 4000),
                    check(prefix + "silentUninstall", in.silentUninstall(), 4000));
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String check(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            return field + " is " + value.length() + " characters long; the catalog stores at most " + max;
        }
        if (value.indexOf('\0') >= 0) {
            return field + " contains the character U+0000, which PostgreSQL text cannot hold";
        }
        return null;
    }

    private static String first(String... violations) {
        for (String v : violations) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
