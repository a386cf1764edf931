package org.patchgate.catalog.format.scoop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoopVendorTest {

    @ParameterizedTest
    @CsvSource({
            "https://www.voidtools.com/, voidtools.com",
            "https://github.com/jqlang/jq, github.com/jqlang",
            "https://jqlang.github.io/jq/, github.com/jqlang",
            "https://gitlab.com/owner/project, gitlab.com/owner",
            "https://sourceforge.net/projects/ezwinports/, sourceforge.net/ezwinports",
            "https://github.com/, github.com",
            "not a url, Scoop main bucket",
            "mailto:someone@example.org, Scoop main bucket"})
    void of_homepage_givesVendor(String homepage, String vendor) {
        assertEquals(vendor, ScoopVendor.of(homepage, "main"));
    }

    @ParameterizedTest
    @CsvSource({"extras, Scoop extras bucket"})
    void of_noHomepage_namesTheBucket(String bucket, String vendor) {
        assertEquals(vendor, ScoopVendor.of(null, bucket));
    }
}
