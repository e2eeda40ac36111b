package io.github.rsevolve.core.model;

import io.github.rsevolve.core.sql.SqlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

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

    /**
     * Parses a dotted name such as {@code dw.orders} or {@code "Sales Mart"."Daily.Orders"}: dots inside double
     * quotes belong to the name, and the last two parts are schema and name.
     */
    public static ObjectName parse(String dotted) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        String text = dotted.trim();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    part.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '.' && !quoted) {
                parts.add(part.toString().trim());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString().trim());
        int n = parts.size();
        return new ObjectName(n > 1 ? parts.get(n - 2) : null, parts.get(n - 1));
    }

    /** Splits a comma-separated list of names, keeping commas inside double quotes. */
    public static List<ObjectName> parseList(String names) {
        List<ObjectName> parsed = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : names.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                if (!current.toString().isBlank()) {
                    parsed.add(parse(current.toString()));
                }
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank()) {
            parsed.add(parse(current.toString()));
        }
        return parsed;
    }

    /** The name as SQL: each part quoted when it is not a plain lower-case identifier. */
    public String toSql() {
        return schema == null ? SqlText.name(name) : SqlText.name(schema) + "." + SqlText.name(name);
    }

    public boolean isQualified() {
        return schema != null;
    }

    /** This name with the given schema when it has none (Redshift creates unqualified objects in public). */
    public ObjectName orSchema(String defaultSchema) {
        return schema != null ? this : new ObjectName(defaultSchema, name);
    }

    /**
     * As {@code toString().compareTo(other.toString())}, without building either string: names are compared all the
     * time (sorted sets of references, the graph's order).
     */
    @Override
    public int compareTo(ObjectName other) {
        // One schema (or none) on both sides: the common prefix decides nothing, the names decide all.
        if (Objects.equals(schema, other.schema)) {
            return name.compareTo(other.name);
        }
        int length = length();
        int otherLength = other.length();
        for (int i = 0, shorter = Math.min(length, otherLength); i < shorter; i++) {
            char mine = charAt(i);
            char theirs = other.charAt(i);
            if (mine != theirs) {
                return mine - theirs;
            }
        }
        return length - otherLength;
    }

    /** The length of {@link #toString()}. */
    private int length() {
        return schema == null ? name.length() : schema.length() + 1 + name.length();
    }

    /** The character of {@link #toString()} at i. */
    private char charAt(int i) {
        if (schema == null) {
            return name.charAt(i);
        }
        int dot = schema.length();
        return i < dot ? schema.charAt(i) : i == dot ? '.' : name.charAt(i - dot - 1);
    }

    // Written out: a record's generated equals and hashCode are bootstrapped through method handles on first use,
    // some hundred classes spun in a cold build before lint's first set of references.
    @Override
    public boolean equals(Object other) {
        return other instanceof ObjectName that && name.equals(that.name) && Objects.equals(schema, that.schema);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(schema) + name.hashCode();
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
