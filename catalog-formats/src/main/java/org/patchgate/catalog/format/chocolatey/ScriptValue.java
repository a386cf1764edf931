package org.patchgate.catalog.format.chocolatey;

/**
 * The right-hand side of one assignment in an install script, as far as a regex can tell without
 * running PowerShell: a literal string, a plain variable, or something computed at run time.
 */
sealed interface ScriptValue {

    record Literal(String text) implements ScriptValue {
    }

    record Variable(String name) implements ScriptValue {
    }

    record Dynamic(String source) implements ScriptValue {
    }

    /**
     * Classifies an expression: {@code 'text'} is literal (PowerShell does not expand single-quoted
     * strings); {@code "text"} only if it has no {@code $} or backtick; {@code $name} alone is a variable.
     */
    static ScriptValue of(String expression) {
        String e = withoutComment(expression.strip());
        if (e.length() >= 2 && e.startsWith("'") && e.endsWith("'") && e.indexOf('\'', 1) == e.length() - 1) {
            return new Literal(e.substring(1, e.length() - 1));
        }
        if (e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") && e.indexOf('"', 1) == e.length() - 1
                && e.indexOf('$') < 0 && e.indexOf('`') < 0) {
            return new Literal(e.substring(1, e.length() - 1));
        }
        if (e.matches("\\$[A-Za-z_][A-Za-z0-9_]*")) {
            return new Variable(e.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return new Dynamic(e);
    }

    private static String withoutComment(String e) {
        int hash = e.lastIndexOf(" #");
        if (hash > 0 && (e.startsWith("'") || e.startsWith("\""))) {
            String head = e.substring(0, hash).strip();
            if (head.endsWith("'") || head.endsWith("\"")) {
                return head;
            }
        }
        return e.endsWith(";") ? e.substring(0, e.length() - 1).strip() : e;
    }
}
