package io.github.rsevolve.core.translate;

import io.github.rsevolve.core.model.Column;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.model.PhysicalAttributes;
import io.github.rsevolve.core.model.SchemaModel;
import io.github.rsevolve.core.sql.SqlText;
import java.util.List;

/**
 * The rse_meta schema of a throwaway PostgreSQL database: what Redshift keeps and PostgreSQL cannot (distribution,
 * sort keys, encodings, BACKUP, unenforced constraints, grants to cluster-wide users, late binding), recorded by the
 * translated statements so drift can compare it.
 */
public final class Bookkeeping {

    /** Creates the schema and its tables. */
    public static final List<String> SCHEMA = List.of(
            "CREATE SCHEMA rse_meta",
            "CREATE TABLE rse_meta.relation_attributes (schema_name text, relation_name text, dist_style text, "
                    + "dist_key text, sort_style text, sort_keys text, backup text, encode_auto boolean, "
                    + "auto_refresh text, late_binding boolean, PRIMARY KEY (schema_name, relation_name))",
            "CREATE TABLE rse_meta.column_attributes (schema_name text, relation_name text, column_name text, "
                    + "encoding text, identity text, PRIMARY KEY (schema_name, relation_name, column_name))",
            "CREATE TABLE rse_meta.constraints (schema_name text, relation_name text, constraint_type text, "
                    + "columns text, referenced text)",
            "CREATE TABLE rse_meta.grants (seq serial PRIMARY KEY, revoke boolean, privileges text, "
                    + "object_type text, objects text, grantees text)");

    private Bookkeeping() {
    }

    static String literal(String value) {
        return SqlText.literal(value);
    }

    private static String key(ObjectName name) {
        ObjectName qualified = name.orSchema(SchemaModel.DEFAULT_SCHEMA);
        return literal(qualified.schema()) + ", " + literal(qualified.name());
    }

    /** " WHERE" and the condition that picks a relation's bookkeeping rows. */
    static String where(ObjectName name) {
        ObjectName qualified = name.orSchema(SchemaModel.DEFAULT_SCHEMA);
        return " WHERE schema_name = " + literal(qualified.schema()) + " AND relation_name = "
                + literal(qualified.name());
    }

    /**
     * Records a table's or materialized view's attributes, with Redshift's defaults made explicit: DISTSTYLE AUTO
     * (KEY when a DISTKEY is given), SORTKEY AUTO when none is given, BACKUP YES (docs: CREATE TABLE).
     */
    static String relation(ObjectName name, PhysicalAttributes physical, Boolean autoRefresh, boolean lateBinding) {
        String distStyle = physical.distStyle() != null ? physical.distStyle()
                : physical.distKey() != null ? "KEY" : "AUTO";
        String sortStyle = physical.sortStyle() != null ? physical.sortStyle()
                : physical.sortKeys().isEmpty() ? "AUTO" : "COMPOUND";
        return "INSERT INTO rse_meta.relation_attributes VALUES (" + key(name) + ", " + literal(distStyle) + ", "
                + literal(physical.distKey()) + ", " + literal(sortStyle) + ", "
                + literal(String.join(",", physical.sortKeys())) + ", "
                + literal(physical.backup() == null || physical.backup() ? "YES" : "NO") + ", "
                + physical.encodeAuto() + ", " + literal(autoRefresh == null ? null : autoRefresh ? "YES" : "NO")
                + ", " + lateBinding + ")";
    }

    static String column(ObjectName table, Column column) {
        String identity = column.identity() == null ? null : column.identity().seed() + "," + column.identity().step();
        return "INSERT INTO rse_meta.column_attributes VALUES (" + key(table) + ", " + literal(column.name()) + ", "
                + literal(column.encoding()) + ", " + literal(identity) + ")";
    }

    static String constraint(ObjectName table, String type, List<String> columns, ObjectName referenced) {
        return "INSERT INTO rse_meta.constraints VALUES (" + key(table) + ", " + literal(type) + ", "
                + literal(String.join(",", columns)) + ", "
                + literal(referenced == null ? null : referenced.orSchema(SchemaModel.DEFAULT_SCHEMA).toString())
                + ")";
    }

    static String grant(boolean revoke, List<String> privileges, String objectType, List<ObjectName> objects,
                        List<String> grantees) {
        return "INSERT INTO rse_meta.grants (revoke, privileges, object_type, objects, grantees) VALUES (" + revoke
                + ", " + literal(String.join(",", privileges)) + ", " + literal(objectType) + ", "
                + literal(String.join(",", objects.stream().map(Object::toString).toList())) + ", "
                + literal(String.join(",", grantees)) + ")";
    }

    /**
     * A bookkeeping {@code INSERT ... VALUES (...)} of this class that adds its row only while the relation has no
     * attributes recorded: CREATE TABLE IF NOT EXISTS of a table that exists changes nothing (docs: CREATE TABLE,
     * IF NOT EXISTS), so neither may its bookkeeping.
     */
    static String unlessRecorded(ObjectName relation, String insert) {
        int values = insert.indexOf(" VALUES (");
        return insert.substring(0, values) + " SELECT " + insert.substring(values + " VALUES (".length(),
                insert.length() - 1) + " WHERE NOT EXISTS (SELECT 1 FROM rse_meta.relation_attributes"
                + where(relation) + ")";
    }

    static String updateRelation(ObjectName name, String assignments) {
        return "UPDATE rse_meta.relation_attributes SET " + assignments + where(name);
    }

    static String updateColumn(ObjectName table, String column, String assignments) {
        return "UPDATE rse_meta.column_attributes SET " + assignments + where(table) + " AND column_name = "
                + literal(column);
    }

    /** Statements that rename a relation's records. */
    static List<String> renameRelation(ObjectName from, String to) {
        String assignment = "relation_name = " + literal(to);
        return List.of("UPDATE rse_meta.relation_attributes SET " + assignment + where(from),
                "UPDATE rse_meta.column_attributes SET " + assignment + where(from),
                "UPDATE rse_meta.constraints SET " + assignment + where(from));
    }

    /** Statements that forget a dropped relation. */
    static List<String> dropRelation(ObjectName name) {
        return List.of("DELETE FROM rse_meta.relation_attributes" + where(name),
                "DELETE FROM rse_meta.column_attributes" + where(name),
                "DELETE FROM rse_meta.constraints" + where(name));
    }

    static String dropColumn(ObjectName table, String column) {
        return "DELETE FROM rse_meta.column_attributes" + where(table) + " AND column_name = " + literal(column);
    }
}
