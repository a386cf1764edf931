package org.patchgate.content.download;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Content-Range} of a 206 answer, RFC 9110 14.4: {@code bytes first-last/complete}, where
 * complete may be {@code *} (unknown).
 *
 * @param first offset of the first byte sent
 * @param last offset of the last byte sent
 * @param complete the full length, or -1 if the server wrote {@code *}
 */
record ContentRange(long first, long last, long complete) {

    private static final Pattern FORM = Pattern.compile("bytes\\s+(\\d{1,18})-(\\d{1,18})/(\\d{1,18}|\\*)");

    /** The range, or {@code null} if the header is missing, malformed or inconsistent. */
    static ContentRange parse(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = FORM.matcher(header.strip());
        if (!m.matches()) {
            return null;
        }
        long first = Long.parseLong(m.group(1));
        long last = Long.parseLong(m.group(2));
        long complete = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
        if (last < first || (complete >= 0 && last >= complete)) {
            return null;
        }
        return new ContentRange(first, last, complete);
    }
}
