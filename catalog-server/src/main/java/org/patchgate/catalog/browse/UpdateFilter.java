package org.patchgate.catalog.browse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patchgate.catalog.model.Architecture;
import org.patchgate.catalog.model.Classification;
import org.patchgate.catalog.model.InstallerType;
import org.patchgate.server.problem.ProblemException;

/**
 * What to look for among updates; every field optional. {@link #text} is full-text search over title,
 * entry id and description (each word matches as a prefix: {@code chro} finds Chrome).
 */
public record UpdateFilter(String text, String vendor, Long productId, Long sourceId, Classification classification,
                           LocalDate releasedFrom, LocalDate releasedBefore, InstallerType installerType,
                           Architecture architecture, boolean includeSuperseded, boolean includeRemoved) {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int MAX_WORDS = 8;

    /** The text as a PostgreSQL tsquery of prefix terms, or null: only letters and digits reach it. */
    public String tsQuery() {
        if (text == null) {
            return null;
        }
        List<String> terms = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find() && terms.size() < MAX_WORDS) {
            terms.add(m.group() + ":*");
        }
        return terms.isEmpty() ? null : String.join(" & ", terms);
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String normalised = value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(normalised)) {
                return constant;
            }
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name().toLowerCase(Locale.ROOT));
        }
        throw ProblemException.invalid(field, "must be one of " + String.join(", ", names));
    }

    static LocalDate parseDate(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date such as 2026-01-31");
        }
    }
}
