package io.github.rsevolve.core.catalog;

import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.sql.SqlText;
import java.util.List;
import java.util.Locale;

/**
 * What one catalog fact is about: a schema, a relation, a column, a constraint or a grant, with its parts kept apart
 * so no layer takes a text apart again. Its text ("table dw.orders", "column dw.orders.total", "constraint dw.orders
 * PRIMARY KEY (id)", "grant SELECT on table dw.orders to group bi") is what messages and reports show, each name part
 * quoted where it needs it; keys sort by that text.
 */
public final class CatalogKey implements Comparable<CatalogKey> {

    /** The kinds of fact, each with the word its text starts with. */
    public enum Kind {
        SCHEMA("schema"), TABLE("table"), VIEW("view"), MATERIALIZED_VIEW("materialized view"), COLUMN("column"),
        CONSTRAINT("constraint"), GRANT("grant");

        /** The kinds that are relations, in the order a name is looked up among them. */
        public static final List<Kind> RELATIONS = List.of(TABLE, VIEW, MATERIALIZED_VIEW);

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        /** Whether facts of this kind are about a table, view or materialized view itself. */
        public boolean isRelation() {
            return RELATIONS.contains(this);
        }
    }

    private final Kind kind;
    private final ObjectName object;
    private final String column;
    private final String detail;
    private final String text;

    private CatalogKey(Kind kind, ObjectName object, String column, String detail, String text) {
        this.kind = kind;
        this.object = object;
        this.column = column;
        this.detail = detail;
        this.text = text;
    }

    public static CatalogKey schema(String schema) {
        ObjectName name = new ObjectName(null, schema);
        return new CatalogKey(Kind.SCHEMA, name, null, null, "schema " + name.toSql());
    }

    /** A table, view or materialized view: {@code kind} is one of the three. */
    public static CatalogKey relation(Kind kind, ObjectName relation) {
        if (!kind.isRelation()) {
            throw new IllegalArgumentException(kind + " is not a kind of relation");
        }
        return new CatalogKey(kind, relation, null, null, kind.word + " " + relation.toSql());
    }

    /** The column's name is folded to lower case, as {@link ObjectName} folds, and Redshift does by default. */
    public static CatalogKey column(ObjectName relation, String column) {
        String folded = column.toLowerCase(Locale.ROOT);
        return new CatalogKey(Kind.COLUMN, relation, folded, null,
                "column " + relation.toSql() + "." + SqlText.name(folded));
    }

    /** @param definition e.g. "PRIMARY KEY (id)" or "FOREIGN KEY (customer_id) REFERENCES dw.customers" */
    public static CatalogKey constraint(ObjectName relation, String definition) {
        return new CatalogKey(Kind.CONSTRAINT, relation, null, definition,
                "constraint " + relation.toSql() + " " + definition);
    }

    /**
     * One privilege on one object to one grantee.
     *
     * @param object the object as the GRANT names it ("dw.orders"); empty for GRANT ... ON ALL TABLES IN SCHEMA
     */
    public static CatalogKey grant(String privilege, String objectType, String object, String grantee) {
        String detail = privilege + " on " + objectType.toLowerCase(Locale.ROOT) + " " + object + " to " + grantee;
        return new CatalogKey(Kind.GRANT, null, null, detail, "grant " + detail);
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The schema (as a name without schema), table, view or materialized view the fact is about or belongs to; null
     * for a grant, whose object is one of its properties.
     */
    public ObjectName object() {
        return object;
    }

    /** The column of a column fact, unquoted; null for other kinds. */
    public String column() {
        return column;
    }

    /** A constraint's definition or a grant's "privilege on type object to grantee"; null for other kinds. */
    public String detail() {
        return detail;
    }

    public boolean isRelation() {
        return kind.isRelation();
    }

    @Override
    public int compareTo(CatalogKey other) {
        return text.compareTo(other.text);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CatalogKey key && text.equals(key.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
