package io.github.rsevolve.core.catalog;

import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.sql.SqlText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a throwaway PostgreSQL database's catalog (pg_namespace, pg_class, pg_attribute, pg_get_viewdef,
 * pg_description) and its rse_meta bookkeeping into a {@link CatalogSnapshot}.
 */
public final class CatalogReader {

    /** Schemas that belong to the database or the plugin, not the data model. */
    private static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', "
            + "'rse_meta', 'rse_compat') AND n.nspname NOT LIKE 'pg_temp%' AND n.nspname NOT LIKE 'pg_toast_temp%'";

    /** The properties of a grant object ("grant SELECT on table dw.orders to group analysts"). */
    public static final String GRANT_PRIVILEGE = "privilege";
    public static final String GRANT_OBJECT_TYPE = "object type";
    public static final String GRANT_OBJECT = "on";
    public static final String GRANT_GRANTEE = "grantee";

    /** The property of a constraint that lists its columns, comma-separated as its definition has them. */
    public static final String CONSTRAINT_COLUMNS = "columns";

    /** How Redshift prints an IDENTITY column's default: "identity"(table oid, column index, 'seed,step'::text). */
    private static final Pattern REDSHIFT_IDENTITY = Pattern.compile("^\"identity\"\\(");

    private final Connection connection;
    private final String historyTable;
    private final SortedMap<CatalogKey, SortedMap<String, String>> objects = new TreeMap<>();

    private CatalogReader(Connection connection, String historyTable) {
        this.connection = connection;
        this.historyTable = historyTable;
    }

    /**
     * Whether the connection is to Redshift (through its driver, or a server that says so), whose catalog is
     * PostgreSQL 8.0's: no pg_attribute.attidentity, identity columns shown by their default.
     */
    public static boolean isRedshift(Connection connection) throws SQLException {
        if (connection.getMetaData().getURL().startsWith("jdbc:redshift:")) {
            return true;
        }
        try (Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("SELECT version()")) {
            return version.next() && version.getString(1).contains("Redshift");
        }
    }

    /**
     * @param historyTable Flyway's history table, which is not part of the model
     */
    public static CatalogSnapshot read(Connection connection, String historyTable) throws SQLException {
        return read(connection, historyTable, true);
    }

    /**
     * @param withAttributes also read what PostgreSQL's catalog lacks (physical attributes, constraints, grants):
     *                       from a cluster's own system views, or from the translator's bookkeeping where the
     *                       database has it
     */
    public static CatalogSnapshot read(Connection connection, String historyTable, boolean withAttributes)
            throws SQLException {
        CatalogReader reader = new CatalogReader(connection, historyTable);
        reader.schemas();
        reader.relations();
        reader.columns();
        if (withAttributes && isRedshift(connection)) {
            Set<String> unread = RedshiftAttributes.read(connection, reader.objects);
            return new CatalogSnapshot(reader.objects, unread, RedshiftAttributes.CHOSEN_BY_CLUSTER);
        }
        if (withAttributes && reader.hasBookkeeping()) {
            reader.relationAttributes();
            reader.columnAttributes();
            reader.constraints();
            reader.grants();
        }
        return new CatalogSnapshot(reader.objects);
    }

    /** The model's catalog in the terms a cluster's catalog has, to compare the two (see {@link #isRedshift}). */
    public static CatalogSnapshot asOnCluster(CatalogSnapshot model) {
        return RedshiftAttributes.asOnCluster(model);
    }

    /** Whether the database keeps the translator's bookkeeping (a throwaway or stand-in PostgreSQL does). */
    private boolean hasBookkeeping() throws SQLException {
        return !query("SELECT 1 FROM pg_namespace WHERE nspname = 'rse_meta'", 1).isEmpty();
    }

    /**
     * The other catalog with each view body that differs from the reference's as the reference's server prints it:
     * the body is created again, as a view that is rolled back, on the reference's database and printed there. Two
     * servers (another PostgreSQL major version, say) print the same view differently; one server prints one view
     * one way. A body that cannot be created there (it reads what the reference lacks) stays as it was: real drift.
     */
    public static CatalogSnapshot reprinted(CatalogSnapshot other, CatalogSnapshot reference,
                                            Connection referenceConnection) throws SQLException {
        SortedMap<CatalogKey, SortedMap<String, String>> objects = new TreeMap<>(other.objects());
        boolean autoCommit = referenceConnection.getAutoCommit();
        referenceConnection.setAutoCommit(false);
        try {
            for (Map.Entry<CatalogKey, SortedMap<String, String>> object : other.objects().entrySet()) {
                Map<String, String> theirs = reference.properties(object.getKey());
                String body = object.getValue().get("definition");
                if (body == null || theirs == null || body.equals(theirs.get("definition"))) {
                    continue;
                }
                String printed = printedAgain(referenceConnection, object.getKey(), body);
                if (printed != null && printed.equals(theirs.get("definition"))) {
                    SortedMap<String, String> same = new TreeMap<>(object.getValue());
                    same.put("definition", printed);
                    objects.put(object.getKey(), same);
                }
            }
        } finally {
            referenceConnection.rollback();
            referenceConnection.setAutoCommit(autoCommit);
        }
        return new CatalogSnapshot(objects, other.unread(), other.chosenByServer());
    }

    /** The body as this connection's server prints it, or null when it cannot be created there. */
    private static String printedAgain(Connection connection, CatalogKey object, String body) throws SQLException {
        ObjectName name = object.object();
        String probe = SqlText.identifier(name.schema()) + "." + SqlText.identifier("rse_reprinted");
        Savepoint before = connection.setSavepoint();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE VIEW " + probe + " AS " + body.replaceAll(";\\s*$", ""));
            try (ResultSet printed = statement.executeQuery("SELECT pg_get_viewdef(" + SqlText.literal(probe)
                    + "::regclass, true)")) {
                printed.next();
                return printed.getString(1).replaceAll("\\s+", " ").trim();
            }
        } catch (SQLException e) {
            return null;
        } finally {
            connection.rollback(before);
        }
    }

    /** Whether the database keeps the translator's bookkeeping. */
    public static boolean hasBookkeeping(Connection connection) throws SQLException {
        return new CatalogReader(connection, "").hasBookkeeping();
    }

    private SortedMap<String, String> object(CatalogKey key) {
        return objects.computeIfAbsent(key, k -> new TreeMap<>());
    }

    private List<String[]> query(String sql, int columns) throws SQLException {
        return rows(connection, sql, columns);
    }

    /**
     * What each bound view reads, as the database recorded it when the view was created: pg_depend's rows from the
     * view's rewrite rule (pg_rewrite) to the relations its query names. Redshift keeps PostgreSQL's catalog tables
     * for this (docs: System catalog tables); a late-binding view has no such rows, since Redshift resolves its names
     * only when it is queried (docs: CREATE VIEW, late-binding views).
     */
    public static Map<ObjectName, Set<ObjectName>> viewDependencies(Connection connection) throws SQLException {
        Map<ObjectName, Set<ObjectName>> reads = new TreeMap<>();
        for (String[] row : rows(connection, "SELECT DISTINCT n.nspname, v.relname, rn.nspname, r.relname "
                + "FROM pg_depend d JOIN pg_rewrite w ON w.oid = d.objid JOIN pg_class v ON v.oid = w.ev_class "
                + "JOIN pg_namespace n ON n.oid = v.relnamespace JOIN pg_class r ON r.oid = d.refobjid "
                + "JOIN pg_namespace rn ON rn.oid = r.relnamespace WHERE r.oid <> v.oid AND d.deptype = 'n' "
                + "AND rn.nspname NOT IN ('pg_catalog', 'information_schema') AND " + USER_SCHEMAS, 4)) {
            reads.computeIfAbsent(new ObjectName(row[0], row[1]), k -> new TreeSet<>())
                    .add(new ObjectName(row[2], row[3]));
        }
        return reads;
    }

    /** The rows of a query, each its first {@code columns} values as text. */
    static List<String[]> rows(Connection connection, String sql, int columns) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = result.getString(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private void schemas() throws SQLException {
        for (String[] row : query("SELECT n.nspname, obj_description(n.oid, 'pg_namespace') FROM pg_namespace n "
                + "WHERE " + USER_SCHEMAS, 2)) {
            SortedMap<String, String> schema = object(CatalogKey.schema(row[0]));
            putIfPresent(schema, "comment", row[1]);
        }
    }

    private static void putIfPresent(Map<String, String> properties, String key, String value) {
        if (value != null) {
            properties.put(key, value);
        }
    }

    private static CatalogKey relation(String relkind, ObjectName name) {
        CatalogKey.Kind kind = switch (relkind) {
            case "v" -> CatalogKey.Kind.VIEW;
            case "m" -> CatalogKey.Kind.MATERIALIZED_VIEW;
            default -> CatalogKey.Kind.TABLE;
        };
        return CatalogKey.relation(kind, name);
    }

    private boolean isHistoryTable(String name) {
        return name.equals(historyTable);
    }

    private void relations() throws SQLException {
        for (String[] row : query("SELECT n.nspname, c.relname, c.relkind, "
                + "CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid, true) END, "
                + "obj_description(c.oid, 'pg_class') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE c.relkind IN ('r', 'p', 'v', 'm') AND " + USER_SCHEMAS, 5)) {
            if (isHistoryTable(row[1])) {
                continue;
            }
            SortedMap<String, String> relation = object(relation(row[2], new ObjectName(row[0], row[1])));
            if (row[3] != null) {
                relation.put("definition", row[3].replaceAll("\\s+", " ").trim());
            }
            putIfPresent(relation, "comment", row[4]);
        }
    }

    /** One row of pg_attribute for a relation of the model, with what the catalog says of the column. */
    private record ColumnRow(ObjectName relation, String relkind, String name, String type, boolean notNull,
                             String defaultValue, boolean identity, String comment) {

        boolean ofTable() {
            return relkind.equals("r") || relkind.equals("p");
        }
    }

    /** A base table's column: its name as the catalog spells it, its type as format_type prints it. */
    public record TableColumn(String name, String type, boolean identity) {
    }

    /**
     * Each base table's columns in their order, for reading and writing rows (copy-data); the history table and the
     * plugin's bookkeeping left out.
     */
    public static Map<ObjectName, List<TableColumn>> tableColumns(Connection connection, String historyTable)
            throws SQLException {
        Map<ObjectName, List<TableColumn>> tables = new LinkedHashMap<>();
        for (ColumnRow row : new CatalogReader(connection, historyTable).columnRows()) {
            if (row.ofTable()) {
                tables.computeIfAbsent(row.relation(), k -> new ArrayList<>())
                        .add(new TableColumn(row.name(), row.type(), row.identity()));
            }
        }
        return tables;
    }

    private List<ColumnRow> columnRows() throws SQLException {
        boolean redshift = isRedshift(connection);
        List<ColumnRow> columns = new ArrayList<>();
        for (String[] row : query("SELECT n.nspname, c.relname, c.relkind, a.attname, "
                + "format_type(a.atttypid, a.atttypmod), a.attnotnull::text, pg_get_expr(d.adbin, d.adrelid), "
                + (redshift ? "NULL" : "a.attidentity") + ", col_description(c.oid, a.attnum) "
                + "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                + "WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm') AND "
                + USER_SCHEMAS + " ORDER BY n.nspname, c.relname, a.attnum", 9)) {
            if (isHistoryTable(row[1])) {
                continue;
            }
            boolean identityDefault = row[6] != null && REDSHIFT_IDENTITY.matcher(row[6]).find();
            columns.add(new ColumnRow(new ObjectName(row[0], row[1]), row[2], row[3], row[4], "true".equals(row[5]),
                    identityDefault ? null : row[6], identityDefault || row[7] != null && !row[7].isEmpty(),
                    row[8]));
        }
        return columns;
    }

    private void columns() throws SQLException {
        Map<CatalogKey, List<String>> order = new LinkedHashMap<>();
        for (ColumnRow row : columnRows()) {
            SortedMap<String, String> column = object(CatalogKey.column(row.relation(), row.name()));
            column.put("type", row.type());
            if (row.ofTable()) {
                column.put("nullable", row.notNull() ? "NOT NULL" : "NULL");
                putIfPresent(column, "default", row.defaultValue());
                if (row.identity()) {
                    column.put("identity", "yes");
                }
            }
            putIfPresent(column, "comment", row.comment());
            order.computeIfAbsent(relation(row.relkind(), row.relation()), k -> new ArrayList<>()).add(row.name());
        }
        order.forEach((relation, columns) -> object(relation).put("column order", String.join(", ", columns)));
    }

    private void relationAttributes() throws SQLException {
        for (String[] row : query("SELECT schema_name, relation_name, dist_style, dist_key, sort_style, sort_keys, "
                + "backup, encode_auto::text, auto_refresh, late_binding::text FROM rse_meta.relation_attributes", 10)) {
            SortedMap<String, String> relation = existing(new ObjectName(row[0], row[1]));
            if (relation == null) {
                continue;
            }
            if ("true".equals(row[9])) {
                relation.put("late binding", "yes");
                continue;
            }
            relation.put("diststyle", row[2]);
            putIfPresent(relation, "distkey", row[3]);
            relation.put("sortkey", row[4] + (row[5] == null || row[5].isEmpty() ? "" : " (" + row[5] + ")"));
            relation.put("backup", row[6]);
            relation.put("encode auto", row[7]);
            putIfPresent(relation, "auto refresh", row[8]);
        }
        // A table the translator did not create (plain Flyway or psql on a stand-in) has no row: it is what Redshift
        // makes of a CREATE TABLE without attributes (docs: CREATE TABLE), as the translator records it.
        objects.forEach((key, table) -> {
            if (key.kind() == CatalogKey.Kind.TABLE && !table.containsKey("diststyle")) {
                table.put("diststyle", "AUTO");
                table.put("sortkey", "AUTO");
                table.put("backup", "YES");
                table.put("encode auto", "false");
            }
        });
    }

    /** The properties of the table, view or materialized view with this name, or null if none exists. */
    private SortedMap<String, String> existing(ObjectName name) {
        for (CatalogKey.Kind kind : CatalogKey.Kind.RELATIONS) {
            SortedMap<String, String> found = objects.get(CatalogKey.relation(kind, name));
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private void columnAttributes() throws SQLException {
        for (String[] row : query("SELECT schema_name, relation_name, column_name, encoding, identity "
                + "FROM rse_meta.column_attributes", 5)) {
            SortedMap<String, String> column = objects.get(CatalogKey.column(new ObjectName(row[0], row[1]), row[2]));
            if (column != null) {
                putIfPresent(column, "encode", row[3]);
                putIfPresent(column, "identity", row[4]);
            }
        }
    }

    private void constraints() throws SQLException {
        for (String[] row : query("SELECT schema_name, relation_name, constraint_type, columns, referenced "
                + "FROM rse_meta.constraints", 5)) {
            ObjectName relation = new ObjectName(row[0], row[1]);
            if (existing(relation) != null) {
                object(CatalogKey.constraint(relation, row[2] + " (" + row[3] + ")"
                        + (row[4] == null ? "" : " REFERENCES " + row[4]))).put(CONSTRAINT_COLUMNS, row[3]);
            }
        }
    }

    /** One privilege on one object to one grantee, as a GRANT of several of each expands. */
    public interface GrantVisitor {
        void grant(CatalogKey key, String privilege, String object, String grantee);
    }

    /**
     * Expands a GRANT or REVOKE of several privileges, objects and grantees into its single grants, each with its
     * catalog name. No objects (GRANT ... ON ALL TABLES IN SCHEMA names its schema elsewhere) is one empty object.
     */
    public static void expand(List<String> privileges, String objectType, List<String> objects,
                              List<String> grantees, GrantVisitor visitor) {
        for (String privilege : privileges) {
            for (String object : objects.isEmpty() ? List.of("") : objects) {
                for (String grantee : grantees) {
                    visitor.grant(CatalogKey.grant(privilege, objectType, object, grantee), privilege, object, grantee);
                }
            }
        }
    }

    /**
     * The grants in effect after every GRANT and REVOKE, in order. Each is an object of its own whose properties
     * say what it grants, so a changeset can be written from it.
     */
    private void grants() throws SQLException {
        Map<CatalogKey, Map<String, String>> effective = new HashMap<>();
        for (String[] row : query("SELECT revoke::text, privileges, object_type, objects, grantees "
                + "FROM rse_meta.grants ORDER BY seq", 5)) {
            String objectType = row[2];
            expand(List.of(row[1].split(",")), objectType, row[3].isEmpty() ? List.of() : List.of(row[3].split(",")),
                    List.of(row[4].split(",")), (grant, privilege, object, grantee) -> {
                        if ("true".equals(row[0])) {
                            effective.entrySet().removeIf(g -> g.getKey().equals(grant)
                                    || privilege.startsWith("ALL") && sameObjectAndGrantee(g.getValue(), objectType,
                                    object, grantee));
                        } else {
                            effective.put(grant, Map.of(GRANT_PRIVILEGE, privilege, GRANT_OBJECT_TYPE, objectType,
                                    GRANT_OBJECT, object, GRANT_GRANTEE, grantee));
                        }
                    });
        }
        effective.forEach((grant, properties) -> object(grant).putAll(properties));
    }

    private static boolean sameObjectAndGrantee(Map<String, String> grant, String objectType, String object,
                                                String grantee) {
        return grant.get(GRANT_OBJECT_TYPE).equalsIgnoreCase(objectType) && grant.get(GRANT_OBJECT).equals(object)
                && grant.get(GRANT_GRANTEE).equals(grantee);
    }
}
