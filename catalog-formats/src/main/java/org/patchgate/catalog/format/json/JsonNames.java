package org.patchgate.catalog.format.json;

import java.util.Locale;

/**
 * How Patchgate's JSON spells enum values ({@code GREATER_THAN_OR_EQUAL_TO} →
 * {@code greaterThanOrEqualTo}): the one rule shared by the Patchgate JSON format and the detection
 * rules the catalog stores as JSON.
 */
public final class JsonNames {

    private JsonNames() {
    }

    /** The JSON spelling of an enum constant's name. */
    public static String camel(String upperSnake) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : upperSnake.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
