package org.patchgate.catalog.format.scoop;

/** Quoting manifest text in problem reports: short, and without control characters. */
final class Texts {

    private static final int MAX_QUOTED = 80;

    private Texts() {
    }

    static String shorten(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < MAX_QUOTED; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return text.length() > MAX_QUOTED ? out + "…" : out.toString();
    }

    /** No control characters (line breaks in an id or file name would forge report lines). */
    static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }
}
