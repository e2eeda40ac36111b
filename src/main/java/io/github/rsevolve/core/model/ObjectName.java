package io.github.rsevolve.core.model;

import java.util.Locale;

/**
 * A possibly schema-qualified object name, folded to lower case as Redshift stores it.
 *
 * @param schema the schema, or null when the name is unqualified (resolved through search_path)
 */
public record ObjectName(String schema, String name) implements Comparable<ObjectName> {

    public ObjectName {
        schema = schema == null ? null : schema.toLowerCase(Locale.ROOT);
        name = name.toLowerCase(Locale.ROOT);
    }

    /** Parses a dotted name such as {@code dw.orders}; the last two parts are schema and name. */
    public static ObjectName parse(String dotted) {
        String cleaned = dotted.replace("\"", "").trim();
        int dot = cleaned.lastIndexOf('.');
        if (dot < 0) {
            return new ObjectName(null, cleaned);
        }
        String qualifier = cleaned.substring(0, dot);
        int schemaDot = qualifier.lastIndexOf('.');
        return new ObjectName(qualifier.substring(schemaDot + 1), cleaned.substring(dot + 1));
    }

    public boolean isQualified() {
        return schema != null;
    }

    /** This name with the given schema when it has none (Redshift creates unqualified objects in public). */
    public ObjectName orSchema(String defaultSchema) {
        return schema != null ? this : new ObjectName(defaultSchema, name);
    }

    @Override
    public int compareTo(ObjectName other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
