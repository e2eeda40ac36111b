package io.github.rsevolve.core.catalog;

import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.sql.SqlText;

/**
 * How the catalog names its facts ("table dw.orders", "column dw.orders.total", "constraint dw.orders PRIMARY KEY
 * (id)"), written and read in this one place. A name that is not a plain lower-case identifier is in double quotes,
 * so a dot or a space inside a name (Snowplow's "client_context.client.app_title") stays part of it.
 */
public final class CatalogKeys {

    private CatalogKeys() {
    }

    /** "schema.name", each part quoted where it needs it. */
    static String relationName(String schema, String name) {
        return SqlText.name(schema) + "." + SqlText.name(name);
    }

    static String relation(String kind, String schema, String name) {
        return relation(kind, relationName(schema, name));
    }

    /** The fact of a table, view or materialized view named as {@link #relationOf} gives it. */
    public static String relation(String kind, String relation) {
        return kind + " " + relation;
    }

    static String column(String schema, String relation, String column) {
        return column(relationName(schema, relation), column);
    }

    /** The fact of a column of the relation named as {@link #relationOf} gives it. */
    public static String column(String relation, String column) {
        return "column " + relation + "." + SqlText.name(column);
    }

    static String constraint(String schema, String relation, String definition) {
        return constraint(relationName(schema, relation), definition);
    }

    /** The fact of a constraint of the relation named as {@link #relationOf} gives it; "" gives their prefix. */
    public static String constraint(String relation, String definition) {
        return "constraint " + relation + " " + definition;
    }

    /** The relation (or schema) a fact belongs to, as written in the key: "column dw.orders.total" to "dw.orders". */
    public static String relationOf(String key) {
        String name = key.replaceFirst("^(materialized view|view|table|schema|column|constraint) ", "");
        if (key.startsWith("constraint ")) {
            return name.substring(0, unquoted(name, ' ', true));
        }
        return key.startsWith("column ") ? name.substring(0, unquoted(name, '.', false)) : name;
    }

    /** The relation a fact belongs to, as a name. */
    public static ObjectName relationNameOf(String key) {
        return ObjectName.parse(relationOf(key));
    }

    /** The column a "column ..." fact is about, without quotes; null for other facts. */
    public static String columnOf(String key) {
        if (!key.startsWith("column ")) {
            return null;
        }
        String name = key.substring("column ".length());
        return ObjectName.parse(name.substring(unquoted(name, '.', false) + 1)).name();
    }

    /** Whether the fact is about a table, view or materialized view itself. */
    public static boolean isRelation(String key) {
        return key.startsWith("table ") || key.startsWith("view ") || key.startsWith("materialized view ");
    }

    /** The first (or last) index of the character outside double quotes, or the text's length when there is none. */
    private static int unquoted(String text, char wanted, boolean first) {
        boolean quoted = false;
        int found = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                if (first) {
                    return i;
                }
                found = i;
            }
        }
        return found < 0 ? text.length() : found;
    }
}
