package org.patchgate.catalog.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The version ordering rules of docs/versions.md, on real strings from the shared corpus. */
class VersionTest {

    private static int compare(String a, String b) {
        return Version.parse(a).compareTo(Version.parse(b));
    }

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource(delimiter = '|', value = {
        "1.2.3|1.2.4", "1.2.3|1.10", "24.09|24.10", "2.3.0.3.45519|4.30.0", "4.30.0|4.31.0",
        "1.0-rc1|1.0", "1.0-alpha|1.0-beta", "1.0-beta|1.0-rc", "1.0-rc9.2|1.0-rc10", "2.0.0-rc9.2|2.0.0",
        "1.0-dev|1.0-alpha", "1.0|1.0a", "1.4|1.4g", "1.4f|1.4g", "1.8|1.8d", "1.0a|1.0.1", "1.0.beta|1.0.1",
        "8.10.36-31.BETA|8.10.36-31", "0.108.0-b.53|0.108.0", "0.108.0-b.53|0.108.0-b.54", "0.108.0-a.9|0.108.0-b.1",
        "2.1.25-M26|2.1.25", "r1234|r8942", "r42|r1234", "2008-01-23|2008-01-24", "2007-12-31|2008-01-01",
        "jdk-11.0.9.1+1|jdk-11.0.10+9", "11.0.21+9|11.0.21+10", "11.0.21|11.0.21+1",
        "latest|0.1", "V1.11 - Rev. 64180|V1.12", "7.1 #13|7.1 #14", "py312_24.5.0-0|py312_24.7.1-0",
        "9999999999999999999|99999999999999999999", "1.2.3-beta+build|1.2.3", "2023.11.0.0|2023.11.0.1",
        "120.0.6099.56-beta|120.0.6099.56", "154.0.8019.0-snapshots|154.0.8019.1", "v0.1.1-alpha|v0.1.1"})
    void compareTo_ordersRealVersions(String lower, String higher) {
        assertTrue(compare(lower, higher) < 0, lower + " should be below " + higher);
        assertTrue(compare(higher, lower) > 0, higher + " should be above " + lower);
    }

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource(delimiter = '|', value = {"1.0|1.0.0", "1|1.0.0.0", "24.09|24.9", "1.0-beta|1.0.0-beta",
        "1.2.3+a|1.2.3+b", "2023.11.0.0|2023.11", "1.0-BETA|1.0-beta"})
    void sameRankAs_differentSpellingOfOneVersion_rankTheSameButAreNotEqual(String a, String b) {
        Version x = Version.parse(a);
        Version y = Version.parse(b);
        assertTrue(x.sameRankAs(y));
        assertFalse(x.equals(y));
        assertTrue(x.compareTo(y) != 0, "compareTo stays consistent with equals");
        assertEquals(Integer.signum(x.compareTo(y)), -Integer.signum(y.compareTo(x)));
    }

    @Test
    void parse_keepsTextTrimmed() {
        assertEquals("1.2.3", Version.parse("  1.2.3 \t").text());
        assertEquals("6.10", Version.parse("6.10").toString());
        assertEquals(Version.parse("1.0"), Version.parse(" 1.0"));
        assertEquals(Version.parse("1.0").hashCode(), Version.parse("1.0 ").hashCode());
    }

    @Test
    void parse_everyRealVersionString_isAccepted() {
        for (String text : RealVersionStrings.all()) {
            assertEquals(text, Version.parse(text).text());
        }
        assertTrue(RealVersionStrings.all().size() > 400);
    }

    @Test
    void parse_absurdlyLongVersion_isRejectedWithItsLength() {
        String absurd = IntStream.range(0, 120).mapToObj(i -> "9999999999").collect(Collectors.joining("."));
        assertEquals(1319, absurd.length());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Version.parse(absurd));
        assertEquals("version is 1319 characters long; at most 128 are accepted", e.getMessage());
    }

    @Test
    void parse_longestAcceptedVersion_comparesWithoutOverflow() {
        String digits = "9".repeat(Version.MAX_LENGTH);
        assertTrue(Version.parse(digits).compareTo(Version.parse("9".repeat(Version.MAX_LENGTH - 1))) > 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../../../tmp/evil", "1.0/2", "1.0\\2", "1..2", "..", "a/../b"})
    void parse_pathLikeVersion_isRejected(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Version.parse(text));
        assertTrue(e.getMessage().contains("path separator") || e.getMessage().contains("'..'"), e::getMessage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "1.0\n2", "1.0\u0000", "1.0\u202E", "1\u2028.0", "-", "+", "._-"})
    void parse_emptyControlOrMeaninglessVersion_isRejected(String text) {
        assertThrows(IllegalArgumentException.class, () -> Version.parse(text));
    }

    @Test
    void isPreRelease_recognisesWordsAndSeparatedLetters() {
        assertTrue(Version.parse("2.0.0-rc9.2").isPreRelease());
        assertTrue(Version.parse("0.108.0-b.53").isPreRelease());
        assertTrue(Version.parse("8.10.36-31.BETA").isPreRelease());
        assertFalse(Version.parse("1.8d").isPreRelease());
        assertFalse(Version.parse("10.01.07C").isPreRelease());
        assertFalse(Version.parse("1.2.3+beta").isPreRelease());
    }

    @Test
    void compareTo_isAntisymmetricAndConsistentWithEquals_overAllRealPairs() {
        List<Version> all = RealVersionStrings.all().stream().map(Version::parse).toList();
        for (Version a : all) {
            for (Version b : all) {
                int ab = a.compareTo(b);
                assertEquals(Integer.signum(ab), -Integer.signum(b.compareTo(a)), a + " vs " + b);
                assertEquals(ab == 0, a.equals(b), a + " vs " + b);
            }
        }
    }

    @Test
    void compareTo_isTransitive_sortedRealVersionsAreInOrderPairwise() {
        List<Version> sorted = new ArrayList<>(withVariants(RealVersionStrings.all()));
        Collections.shuffle(sorted, new Random(42));
        Collections.sort(sorted);
        // If every earlier element ranks at or below every later one, the order on this set is a chain: transitive.
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                assertTrue(sorted.get(i).compareTo(sorted.get(j)) < 0, sorted.get(i) + " vs " + sorted.get(j));
            }
        }
    }

    @Test
    void compareTo_isTransitive_onRandomTriples() {
        List<Version> all = withVariants(RealVersionStrings.all());
        Random random = new Random(7);
        for (int n = 0; n < 200_000; n++) {
            Version a = all.get(random.nextInt(all.size()));
            Version b = all.get(random.nextInt(all.size()));
            Version c = all.get(random.nextInt(all.size()));
            if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
                assertTrue(a.compareTo(c) <= 0, a + " <= " + b + " <= " + c);
            }
        }
    }

    /** Real strings plus edge spellings around them (trailing zeros, pre-release and patch-letter suffixes). */
    private static List<Version> withVariants(List<String> real) {
        List<String> texts = new ArrayList<>();
        for (String s : real.subList(0, Math.min(real.size(), 200))) {
            texts.add(s);
            for (String suffix : new String[] {".0", "-rc1", ".a", "b", "+7", "-x"}) {
                if ((s + suffix).length() <= Version.MAX_LENGTH) {
                    texts.add(s + suffix);
                }
            }
        }
        texts.addAll(real);
        return texts.stream().distinct().map(Version::parse).toList();
    }
}
