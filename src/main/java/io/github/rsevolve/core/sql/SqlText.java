package io.github.rsevolve.core.sql;

import java.util.regex.Pattern;

/**
 * The one home for putting a value into SQL text: identifiers and string literals, for the two engines the plugin
 * writes SQL for. Every name or value that reaches SQL text goes through here, so a name such as
 * {@code x\'); COPY ...} stays a name whatever the connection's settings.
 */
public final class SqlText {

    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_$]*");

    private SqlText() {
    }

    /** A delimited identifier: always in double quotes, inner quotes doubled; no escapes exist inside one. */
    public static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** A name as a person writes it: bare when it is a plain lower-case identifier, delimited otherwise. */
    public static String name(String name) {
        return PLAIN_NAME.matcher(name).matches() ? name : identifier(name);
    }

    /**
     * A PostgreSQL string literal that means the same under either standard_conforming_strings setting: quotes
     * doubled, and where the value holds a backslash the escape form {@code E'...'} with backslashes escaped
     * (PostgreSQL docs: String Constants with C-Style Escapes). The throwaway databases read Redshift's backslash
     * escapes, so a literal that only doubled quotes would let a backslash end it.
     */
    public static String literal(String value) {
        if (value == null) {
            return "NULL";
        }
        return value.indexOf('\\') < 0 ? "'" + value.replace("'", "''") + "'" : "E'" + escaped(value) + "'";
    }

    /**
     * A Redshift string literal: quotes doubled and backslashes escaped, since Redshift reads a backslash in a
     * literal as an escape (Redshift docs: Literals; UNLOAD, "escape them").
     */
    public static String redshiftLiteral(String value) {
        return value == null ? "NULL" : "'" + escaped(value) + "'";
    }

    /** The inside of a literal in either form, for a literal nested in another (UNLOAD's query). */
    public static String escaped(String value) {
        return value.replace("\\", "\\\\").replace("'", "''");
    }
}
