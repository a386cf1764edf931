package org.patchgate.content.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ContentRangeTest {

    @Test
    void parse_rangeWithCompleteLength() {
        assertEquals(new ContentRange(400, 999, 1000), ContentRange.parse("bytes 400-999/1000"));
    }

    @Test
    void parse_unknownCompleteLength_isMinusOne() {
        assertEquals(new ContentRange(400, 999, -1), ContentRange.parse("bytes 400-999/*"));
    }

    @Test
    void parse_malformedOrInconsistent_isNull() {
        assertNull(ContentRange.parse(null));
        assertNull(ContentRange.parse("bytes */1000"));
        assertNull(ContentRange.parse("bytes 999-400/1000"));
        assertNull(ContentRange.parse("bytes 400-1000/1000"));
        assertNull(ContentRange.parse("bytes 1-2/99999999999999999999"));
        assertNull(ContentRange.parse("items 0-1/2"));
    }
}
