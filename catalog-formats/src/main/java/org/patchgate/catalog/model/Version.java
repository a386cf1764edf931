package org.patchgate.catalog.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A vendor's version string and the one ordering Patchgate uses for it (docs/versions.md).
 *
 * <p>Real catalogs carry {@code 1.2.3}, {@code 24.09}, {@code 1.2.3-beta+build}, {@code 2023.11.0.0},
 * {@code r1234}, {@code 2008-01-23}, {@code V1.11 - Rev. 64180}, {@code latest} and worse. The text
 * is kept exactly as the vendor wrote it (trimmed); ordering works on <em>parts</em>:
 * <ol>
 *   <li>Build metadata after the first {@code +} (not at the start) is set aside (SemVer 2.0 §10)
 *       and only breaks ties.</li>
 *   <li>The rest splits into runs of ASCII digits (numbers) and runs of other letters or digits
 *       (words, compared lower-cased); every other character only separates.</li>
 *   <li>Zero numbers directly before a word or the end are dropped, so {@code 1.0.0 = 1.0 = 1} and
 *       {@code 1.0.0-beta = 1-beta}.</li>
 *   <li>Parts compare position by position; a version that has ended counts as an <em>end</em> part.
 *       The kinds rank: pre-release word &lt; end &lt; other word &lt; number. So
 *       {@code 1.0-rc1 < 1.0 < 1.0a < 1.0.1} and {@code latest < 1}.</li>
 *   <li>Pre-release words rank dev/snapshot(s)/nightly/canary &lt; alpha &lt; beta &lt; milestone &lt;
 *       pre/preview &lt; rc; single letters {@code a}, {@code b}, {@code m} count as alpha, beta,
 *       milestone only after a separator ({@code 0.108.0-b.53}); glued to a number they are a
 *       patch letter ({@code 1.8d}, {@code 10.01.07C}) and rank as other words.</li>
 *   <li>Numbers compare by value at any length (no overflow), other words alphabetically.</li>
 *   <li>Ties are broken by the build metadata (same rules, none first), then by the exact text, so
 *       {@link #compareTo} is a total order consistent with {@link #equals}: {@code 24.9} and
 *       {@code 24.09} are equal in rank but not the same version.</li>
 * </ol>
 *
 * <p>Parsing rejects what no catalog means as a version: empty text, more than {@link #MAX_LENGTH}
 * characters, control or invisible format characters, path separators and {@code ..}.
 */
public final class Version implements Comparable<Version> {

    /** Longest version text accepted (winget manifest schema 1.x: PackageVersion maxLength 128). */
    public static final int MAX_LENGTH = 128;

    /** Rank of each pre-release word; higher ranks are closer to the release. */
    private static final Map<String, Integer> PRE_RELEASE_WORDS = Map.ofEntries(
            Map.entry("dev", 0), Map.entry("snapshot", 0), Map.entry("snapshots", 0), Map.entry("nightly", 0),
            Map.entry("canary", 0),
            Map.entry("alpha", 1), Map.entry("beta", 2), Map.entry("milestone", 3),
            Map.entry("pre", 4), Map.entry("preview", 4), Map.entry("rc", 5));

    /** Single letters that are pre-release markers when they stand after a separator. */
    private static final Map<String, Integer> PRE_RELEASE_LETTERS = Map.of("a", 1, "b", 2, "m", 3);

    private final String text;
    private final List<Part> parts;
    private final List<Part> build;

    private Version(String text, List<Part> parts, List<Part> build) {
        this.text = text;
        this.parts = parts;
        this.build = build;
    }

    /**
     * Parses a vendor's version text.
     *
     * @throws IllegalArgumentException naming the problem, if the text is empty, longer than
     *     {@link #MAX_LENGTH}, contains control/format characters, path separators or {@code ..},
     *     or has no letter or digit at all
     */
    public static Version parse(String text) {
        Objects.requireNonNull(text, "version");
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("version is empty");
        }
        if (trimmed.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("version is " + trimmed.length()
                    + " characters long; at most " + MAX_LENGTH + " are accepted");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == '/' || c == '\\') {
                throw new IllegalArgumentException("version '" + trimmed
                        + "' contains a path separator ('" + c + "'), which no version may contain");
            }
            int type = Character.getType(c);
            if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                throw new IllegalArgumentException("version contains the control or invisible character U+"
                        + String.format(Locale.ROOT, "%04X", (int) c) + " at position " + i);
            }
        }
        if (trimmed.contains("..")) {
            throw new IllegalArgumentException("version '" + trimmed + "' contains '..', which no version may contain");
        }
        int plus = trimmed.indexOf('+');
        String main = plus > 0 ? trimmed.substring(0, plus) : trimmed;
        String meta = plus > 0 ? trimmed.substring(plus + 1) : "";
        List<Part> parts = split(main);
        List<Part> build = split(meta);
        if (parts.isEmpty() && build.isEmpty() && !hasLetterOrDigit(main)) {
            throw new IllegalArgumentException("version '" + trimmed + "' has no letter or digit");
        }
        return new Version(trimmed, List.copyOf(parts), List.copyOf(build));
    }

    private static boolean hasLetterOrDigit(String s) {
        return s.chars().anyMatch(Character::isLetterOrDigit);
    }

    /** Splits into normalised parts: numbers without leading zeros, words lower-cased, zeros before a word or the end dropped. */
    private static List<Part> split(String s) {
        List<Part> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (isAsciiDigit(c)) {
                int start = i;
                while (i < s.length() && isAsciiDigit(s.charAt(i))) {
                    i++;
                }
                out.add(Part.number(s.substring(start, i)));
            } else if (Character.isLetterOrDigit(c)) {
                int start = i;
                while (i < s.length() && Character.isLetterOrDigit(s.charAt(i)) && !isAsciiDigit(s.charAt(i))) {
                    i++;
                }
                boolean afterSeparator = start == 0 || !Character.isLetterOrDigit(s.charAt(start - 1));
                dropTrailingZeros(out);
                out.add(Part.word(s.substring(start, i).toLowerCase(Locale.ROOT), afterSeparator));
            } else {
                i++;
            }
        }
        dropTrailingZeros(out);
        return out;
    }

    private static void dropTrailingZeros(List<Part> parts) {
        while (!parts.isEmpty() && parts.get(parts.size() - 1).isZero()) {
            parts.remove(parts.size() - 1);
        }
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The version exactly as the vendor wrote it (trimmed). */
    public String text() {
        return text;
    }

    /** Whether the version carries a pre-release word ({@code rc}, {@code beta}, {@code -b.}, …) before any build metadata. */
    public boolean isPreRelease() {
        return parts.stream().anyMatch(p -> p.kind == Kind.PRE_RELEASE);
    }

    @Override
    public int compareTo(Version other) {
        int c = compareParts(parts, other.parts);
        if (c != 0) {
            return c;
        }
        c = compareParts(build, other.build);
        return c != 0 ? c : text.compareTo(other.text);
    }

    /** Whether both rank the same, ignoring build metadata and spelling ({@code 1.0 ~ 1.0.0 ~ 1.00+b7}). */
    public boolean sameRankAs(Version other) {
        return compareParts(parts, other.parts) == 0;
    }

    private static int compareParts(List<Part> a, List<Part> b) {
        int n = Math.max(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            Part x = i < a.size() ? a.get(i) : Part.END;
            Part y = i < b.size() ? b.get(i) : Part.END;
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
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

    /** Kinds of part, in rank order at one position. */
    private enum Kind { PRE_RELEASE, END, WORD, NUMBER }

    /** One normalised part; {@code rank} orders pre-release words, {@code value} is the number without leading zeros or the lower-cased word. */
    private record Part(Kind kind, int rank, String value) implements Comparable<Part> {

        static final Part END = new Part(Kind.END, 0, "");

        static Part number(String digits) {
            int i = 0;
            while (i < digits.length() - 1 && digits.charAt(i) == '0') {
                i++;
            }
            return new Part(Kind.NUMBER, 0, digits.substring(i));
        }

        static Part word(String lower, boolean afterSeparator) {
            Integer rank = PRE_RELEASE_WORDS.get(lower);
            if (rank == null && afterSeparator) {
                rank = PRE_RELEASE_LETTERS.get(lower);
            }
            return rank == null ? new Part(Kind.WORD, 0, lower) : new Part(Kind.PRE_RELEASE, rank, lower);
        }

        boolean isZero() {
            return kind == Kind.NUMBER && value.equals("0");
        }

        @Override
        public int compareTo(Part o) {
            int c = kind.compareTo(o.kind);
            if (c != 0) {
                return c;
            }
            if (kind == Kind.NUMBER) {
                c = Integer.compare(value.length(), o.value.length());
                return c != 0 ? c : value.compareTo(o.value);
            }
            c = Integer.compare(rank, o.rank);
            return c != 0 ? c : value.compareTo(o.value);
        }
    }
}
