package org.patchgate.catalog.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes {@link Version#parse} and the order laws of {@link Version#compareTo}: parsing either
 * succeeds or throws IllegalArgumentException, and any three parsed versions obey antisymmetry,
 * transitivity and consistency with equals.
 *
 * <p>In the normal suite this runs in regression mode (a few inputs, well under a second). To fuzz
 * for real: {@code JAZZER_FUZZ=1 mvn -pl catalog-formats test -Dtest=VersionFuzzTest}
 * (add {@code -Djazzer.max_duration=10m} or similar to bound the run).
 */
class VersionFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parseAndCompare_obeyOrderLaws(FuzzedDataProvider data) {
        Version a = parseOrNull(data.consumeString(160));
        Version b = parseOrNull(data.consumeString(160));
        Version c = parseOrNull(data.consumeRemainingAsString());
        if (a == null || b == null || c == null) {
            return;
        }
        assertEquals(Integer.signum(a.compareTo(b)), -Integer.signum(b.compareTo(a)));
        assertEquals(a.compareTo(b) == 0, a.equals(b));
        if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
            assertTrue(a.compareTo(c) <= 0, a + " <= " + b + " <= " + c);
        }
        assertEquals(a, Version.parse(a.text()));
    }

    private static Version parseOrNull(String text) {
        try {
            return Version.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
