package org.patchgate.catalog.format.chocolatey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an install script assigns, found with line-anchored regexes: hashtable entries
 * ({@code url = '…'} inside {@code @{ … }}) and variables ({@code $url = '…'}). A name assigned
 * several different values, or a value computed at run time, is never guessed at.
 */
final class ScriptArguments {

    private static final Pattern KEY = Pattern.compile("(?m)^[ \\t]*([A-Za-z][A-Za-z0-9]*)[ \\t]*=(?![=~])[ \\t]*(\\S.*?)[ \\t]*\\r?$");
    private static final Pattern VARIABLE = Pattern.compile("(?m)^[ \\t]*\\$([A-Za-z_][A-Za-z0-9_]*)[ \\t]*=(?![=~])[ \\t]*(\\S.*?)[ \\t]*\\r?$");
    private static final int MAX_INDIRECTION = 4;

    /** A resolved field: a literal, absent, or unusable with the reason. */
    record Field(String literal, String unusable) {
        static final Field ABSENT = new Field(null, null);

        boolean present() {
            return literal != null || unusable != null;
        }
    }

    private final Map<String, List<ScriptValue>> keys;
    private final Map<String, List<ScriptValue>> variables;

    private ScriptArguments(Map<String, List<ScriptValue>> keys, Map<String, List<ScriptValue>> variables) {
        this.keys = keys;
        this.variables = variables;
    }

    static ScriptArguments scan(String script) {
        return new ScriptArguments(collect(KEY, script), collect(VARIABLE, script));
    }

    private static Map<String, List<ScriptValue>> collect(Pattern pattern, String script) {
        Map<String, List<ScriptValue>> out = new HashMap<>();
        Matcher m = pattern.matcher(script);
        while (m.find()) {
            out.computeIfAbsent(m.group(1).toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(ScriptValue.of(m.group(2)));
        }
        return out;
    }

    /** A hashtable key, as a splatted {@code @packageArgs} passes it. */
    Field key(String name) {
        return field(name, keys.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
    }

    /** A value written directly in a call (literal, or a variable resolved through its assignments). */
    Field value(ScriptValue value, String name) {
        return field(name, List.of(value));
    }

    private Field field(String name, List<ScriptValue> values) {
        Set<String> literals = new LinkedHashSet<>();
        for (ScriptValue v : values) {
            ScriptValue r = resolve(v, 0);
            if (r instanceof ScriptValue.Literal l) {
                if (!l.text().isBlank()) { // lightworks: url = '' means "no 32-bit installer"
                    literals.add(l.text().strip());
                }
            } else {
                String source = r instanceof ScriptValue.Dynamic d ? d.source() : "$" + ((ScriptValue.Variable) r).name();
                return new Field(null, name + " is computed when the script runs (" + source + ")");
            }
        }
        if (literals.size() > 1) {
            return new Field(null, name + " is assigned " + literals.size() + " different values " + literals);
        }
        return literals.isEmpty() ? Field.ABSENT : new Field(literals.iterator().next(), null);
    }

    private ScriptValue resolve(ScriptValue value, int depth) {
        if (!(value instanceof ScriptValue.Variable v) || depth >= MAX_INDIRECTION) {
            return value;
        }
        List<ScriptValue> assigned = variables.getOrDefault(v.name(), List.of());
        Set<ScriptValue> distinct = new LinkedHashSet<>();
        for (ScriptValue a : assigned) {
            distinct.add(resolve(a, depth + 1));
        }
        return distinct.size() == 1 ? distinct.iterator().next() : value;
    }
}
