package org.patchgate.catalog.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A vendor's version string and the one ordering Patchgate uses for it.
 *
 * <p>Real catalogs carry {@code 1.2.3}, {@code 24.09}, {@code 1.2.3-beta+build},
 * {@code 2023.11.0.0}, {@code r1234}, dotted dates and worse. The text is kept exactly as the vendor
 * wrote it; ordering works on segments:
 * <ul>
 *   <li>build metadata after the first {@code +} is ignored for ordering (SemVer 2.0 §10), but kept
 *       in {@link #text()} and used by {@link #equals};</li>
 *   <li>the rest splits into runs of digits and runs of letters; {@code .}, {@code -}, {@code _} and
 *       spaces only separate;</li>
 *   <li>numbers compare by value (no overflow: any length), letters case-insensitively;</li>
 *   <li>a number ranks above letters at the same position ({@code 1.0.1 > 1.0.beta});</li>
 *   <li>when one version ends where the other goes on, a following pre-release word
 *       ({@code alpha}, {@code beta}, {@code rc}, {@code pre}, {@code preview}, {@code dev},
 *       {@code snapshot}, {@code a}, {@code b}) makes the longer one <em>lower</em>
 *       ({@code 1.0-rc1 < 1.0}); anything else makes it higher ({@code 1.0.1 > 1.0},
 *       {@code 1.4g > 1.4}).</li>
 * </ul>
 * Trailing zero segments are significant only as a tie-breaker in {@link #equals}, not in ordering
 * ({@code 1.0} and {@code 1.0.0} compare as 0 but are different texts).
 */
public final class Version implements Comparable<Version> {

    /** Longest version text accepted; real ones are far shorter, absurd ones are rejected early. */
    public static final int MAX_LENGTH = 128;

    private static final List<String> PRE_RELEASE_WORDS =
            List.of("alpha", "beta", "rc", "pre", "preview", "dev", "snapshot", "a", "b", "c", "m");

    private final String text;
    private final List<String> segments;

    private Version(String text, List<String> segments) {
        this.text = text;
        this.segments = segments;
    }

    /**
     * Parses a vendor's version text.
     *
     * @throws IllegalArgumentException if the text is empty, longer than {@link #MAX_LENGTH},
     *     contains control characters or path separators, or has no digit or letter at all
     */
    public static Version parse(String text) {
        Objects.requireNonNull(text, "version");
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("version is empty");
        }
        if (trimmed.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "version is " + trimmed.length() + " characters long; at most " + MAX_LENGTH + " are accepted");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (Character.isISOControl(c) || c == '/' || c == '\\') {
                throw new IllegalArgumentException("version '" + trimmed + "' contains a forbidden character");
            }
        }
        if (trimmed.contains("..")) {
            throw new IllegalArgumentException("version '" + trimmed + "' contains '..'");
        }
        List<String> segments = split(withoutBuildMetadata(trimmed));
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("version '" + trimmed + "' has no digit or letter");
        }
        return new Version(trimmed, List.copyOf(segments));
    }

    private static String withoutBuildMetadata(String text) {
        int plus = text.indexOf('+');
        return plus > 0 ? text.substring(0, plus) : text;
    }

    private static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int kind = 0; // 0 none, 1 digits, 2 letters
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int k = Character.isDigit(c) ? 1 : Character.isLetter(c) ? 2 : 0;
            if (k != kind && run.length() > 0) {
                out.add(run.toString());
                run.setLength(0);
            }
            kind = k;
            if (k != 0) {
                run.append(k == 2 ? Character.toLowerCase(c) : c);
            }
        }
        if (run.length() > 0) {
            out.add(run.toString());
        }
        return out;
    }

    /** The version exactly as the vendor wrote it (trimmed). */
    public String text() {
        return text;
    }

    @Override
    public int compareTo(Version other) {
        int n = Math.min(segments.size(), other.segments.size());
        for (int i = 0; i < n; i++) {
            int c = compareSegment(segments.get(i), other.segments.get(i));
            if (c != 0) {
                return c;
            }
        }
        if (segments.size() == other.segments.size()) {
            return 0;
        }
        boolean thisLonger = segments.size() > other.segments.size();
        List<String> rest = thisLonger ? segments.subList(n, segments.size()) : other.segments.subList(n, other.segments.size());
        int sign = tailSign(rest);
        return thisLonger ? sign : -sign;
    }

    /** +1 if a version extended by these segments is newer, -1 if older, 0 if only zeros follow. */
    private static int tailSign(List<String> rest) {
        for (String s : rest) {
            if (isNumber(s)) {
                if (!isZero(s)) {
                    return 1;
                }
            } else {
                return PRE_RELEASE_WORDS.contains(s) ? -1 : 1;
            }
        }
        return 0;
    }

    private static int compareSegment(String a, String b) {
        boolean na = isNumber(a);
        boolean nb = isNumber(b);
        if (na && nb) {
            return compareNumbers(a, b);
        }
        if (na != nb) {
            return na ? 1 : -1;
        }
        boolean pa = PRE_RELEASE_WORDS.contains(a);
        boolean pb = PRE_RELEASE_WORDS.contains(b);
        if (pa && pb) {
            return Integer.compare(PRE_RELEASE_WORDS.indexOf(a), PRE_RELEASE_WORDS.indexOf(b));
        }
        return a.compareTo(b);
    }

    private static int compareNumbers(String a, String b) {
        String x = stripLeadingZeros(a);
        String y = stripLeadingZeros(b);
        if (x.length() != y.length()) {
            return Integer.compare(x.length(), y.length());
        }
        return x.compareTo(y);
    }

    private static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    private static boolean isNumber(String segment) {
        return Character.isDigit(segment.charAt(0));
    }

    private static boolean isZero(String digits) {
        return stripLeadingZeros(digits).equals("0");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && v.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
