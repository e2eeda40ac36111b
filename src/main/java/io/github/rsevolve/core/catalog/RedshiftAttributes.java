package io.github.rsevolve.core.catalog;

import io.github.rsevolve.core.catalog.CatalogKey.Kind;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.model.SchemaModel;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Redshift cluster keeps beyond PostgreSQL 8.0's catalog, read from its documented system views into the same
 * facts the translator's bookkeeping gives a throwaway database: distribution (PG_CLASS_INFO), distribution key,
 * sort key, encodings and IDENTITY (SVV_REDSHIFT_COLUMNS, SVV_TABLE_INFO for a sort key Redshift chose itself),
 * BACKUP (STV_TBL_PERM, visible to superusers only), a materialized view's AUTO REFRESH (STV_MV_INFO), late-binding
 * views (PG_GET_LATE_BINDING_VIEW_COLS) and the privileges on tables and views (SVV_RELATION_PRIVILEGES).
 */
final class RedshiftAttributes {

    /** The privilege types SVV_RELATION_PRIVILEGES lists, which GRANT ALL on a table or view gives. */
    static final List<String> RELATION_PRIVILEGES = List.of("INSERT", "SELECT", "UPDATE", "DELETE", "REFERENCES",
            "DROP");

    /** How Redshift prints an IDENTITY column's default: "identity"(table oid, column index, 'seed,step'::text). */
    private static final Pattern IDENTITY = Pattern.compile("^\"identity\"\\(\\d+, *\\d+, *'([^']*)'");

    private static final Pattern NO_SCHEMA_BINDING = Pattern.compile(
            "(?i)\\s*with\\s+no\\s+schema\\s+binding\\s*;?\\s*$");

    /** Properties the cluster sets itself where the model names none: an encoding for every column. */
    static final Set<String> CHOSEN_BY_CLUSTER = Set.of("encode");

    private final Connection connection;
    private final SortedMap<CatalogKey, SortedMap<String, String>> objects;
    private final Set<String> unread = new HashSet<>();

    private RedshiftAttributes(Connection connection, SortedMap<CatalogKey, SortedMap<String, String>> objects) {
        this.connection = connection;
        this.objects = objects;
    }

    /**
     * Adds the cluster's attributes to the facts read from its PostgreSQL-shaped catalog.
     *
     * @return the properties the cluster could not tell (BACKUP without superuser rights; ENCODE AUTO, which
     *         SVV_TABLE_INFO shows for tables holding data only)
     */
    static Set<String> read(Connection connection, SortedMap<CatalogKey, SortedMap<String, String>> objects)
            throws SQLException {
        RedshiftAttributes reader = new RedshiftAttributes(connection, objects);
        reader.lateBinding();
        reader.distribution();
        reader.columns();
        reader.backup();
        reader.autoRefresh();
        reader.grants();
        reader.unread.add("encode auto");
        return Set.copyOf(reader.unread);
    }

    private List<String[]> query(String sql, int columns) throws SQLException {
        return CatalogReader.rows(connection, sql, columns);
    }

    /** The relation a row's first two values name; Redshift's char(128) columns come padded. */
    private static ObjectName relation(String[] row) {
        return new ObjectName(row[0].trim(), row[1].trim());
    }

    /** The table's or materialized view's facts, or null when the catalog has no such relation. */
    private SortedMap<String, String> physical(ObjectName relation) {
        SortedMap<String, String> table = objects.get(CatalogKey.relation(Kind.TABLE, relation));
        return table != null ? table : objects.get(CatalogKey.relation(Kind.MATERIALIZED_VIEW, relation));
    }

    /** A late-binding view is one PG_GET_LATE_BINDING_VIEW_COLS lists; its printed body loses the clause. */
    private void lateBinding() throws SQLException {
        for (String[] row : query("SELECT DISTINCT view_schema, view_name FROM pg_get_late_binding_view_cols() "
                + "cols(view_schema name, view_name name, col_name name, col_type varchar, col_num int)", 2)) {
            SortedMap<String, String> view = objects.get(CatalogKey.relation(Kind.VIEW, relation(row)));
            if (view != null) {
                view.put("late binding", "yes");
            }
        }
        objects.forEach((key, properties) -> {
            String body = properties.get("definition");
            if (body != null) {
                properties.put("definition", NO_SCHEMA_BINDING.matcher(body).replaceFirst(""));
            }
        });
    }

    /** PG_CLASS_INFO: 0 EVEN, 1 KEY, 8 ALL; an effective style of 10, 11 or 12 is AUTO (docs: PG_CLASS_INFO). */
    private void distribution() throws SQLException {
        for (String[] row : query("SELECT n.nspname, c.relname, c.reldiststyle, c.releffectivediststyle "
                + "FROM pg_class_info c JOIN pg_namespace n ON n.oid = c.relnamespace", 4)) {
            SortedMap<String, String> relation = physical(relation(row));
            if (relation == null) {
                continue;
            }
            String style = Set.of("10", "11", "12").contains(row[3]) ? "AUTO" : switch (row[2]) {
                case "0" -> "EVEN";
                case "1" -> "KEY";
                case "8" -> "ALL";
                default -> null;
            };
            if (style != null) {
                relation.put("diststyle", style);
            }
        }
    }

    /**
     * SVV_REDSHIFT_COLUMNS: the distribution key, the sort key (a negative place marks an INTERLEAVED key; none, or
     * SVV_TABLE_INFO's AUTO(SORTKEY...), is SORTKEY AUTO), each column's encoding (RAW printed as none) and an
     * IDENTITY column's seed and step from its printed default.
     */
    private void columns() throws SQLException {
        Map<ObjectName, TreeMap<Integer, String>> sortKeys = new LinkedHashMap<>();
        Set<ObjectName> interleaved = new HashSet<>();
        for (String[] row : query("SELECT schema_name, table_name, column_name, encoding, distkey::text, sortkey, "
                + "column_default FROM svv_redshift_columns WHERE database_name = current_database()", 7)) {
            ObjectName name = relation(row);
            SortedMap<String, String> relation = physical(name);
            if (relation == null) {
                continue;
            }
            TreeMap<Integer, String> places = sortKeys.computeIfAbsent(name, k -> new TreeMap<>());
            if ("true".equals(row[4])) {
                relation.put("distkey", row[2]);
            }
            int place = row[5] == null ? 0 : Integer.parseInt(row[5]);
            if (place != 0) {
                places.put(Math.abs(place), row[2]);
                if (place < 0) {
                    interleaved.add(name);
                }
            }
            SortedMap<String, String> column = objects.get(CatalogKey.column(name, row[2]));
            if (column == null) {
                continue;
            }
            if (row[3] != null) {
                String encoding = row[3].trim().toLowerCase(Locale.ROOT);
                column.put("encode", encoding.equals("none") ? "raw" : encoding);
            }
            Matcher identity = row[6] == null ? null : IDENTITY.matcher(row[6]);
            if (identity != null && identity.find()) {
                column.put("identity", identity.group(1));
                column.remove("default");
            }
        }
        Set<ObjectName> automatic = new HashSet<>();
        for (String[] row : query("SELECT schema, \"table\" FROM svv_table_info WHERE sortkey1 LIKE 'AUTO(%'", 2)) {
            automatic.add(relation(row));
        }
        sortKeys.forEach((name, places) -> physical(name).put("sortkey", places.isEmpty() || automatic.contains(name)
                ? "AUTO" : (interleaved.contains(name) ? "INTERLEAVED" : "COMPOUND") + " ("
                        + String.join(",", places.values()) + ")"));
    }

    /** STV_TBL_PERM, one row per slice: visible to superusers only, so BACKUP is unread when it shows nothing. */
    private void backup() throws SQLException {
        List<String[]> rows = query("SELECT DISTINCT n.nspname, c.relname, p.backup FROM stv_tbl_perm p "
                + "JOIN pg_class c ON c.oid = p.id JOIN pg_namespace n ON n.oid = c.relnamespace", 3);
        if (rows.isEmpty()) {
            unread.add("backup");
            return;
        }
        for (String[] row : rows) {
            SortedMap<String, String> relation = physical(relation(row));
            if (relation != null) {
                relation.put("backup", "0".equals(row[2]) ? "NO" : "YES");
            }
        }
    }

    private void autoRefresh() throws SQLException {
        for (String[] row : query("SELECT schema, name, autorefresh FROM stv_mv_info", 3)) {
            SortedMap<String, String> view = objects.get(CatalogKey.relation(Kind.MATERIALIZED_VIEW, relation(row)));
            if (view != null) {
                view.put("auto refresh", "t".equals(row[2] == null ? null : row[2].trim()) ? "YES" : "NO");
            }
        }
    }

    /** Each privilege on a table or view to a user, group, role or PUBLIC, named as the bookkeeping names it. */
    private void grants() throws SQLException {
        for (String[] row : query("SELECT namespace_name, relation_name, privilege_type, identity_name, "
                + "identity_type FROM svv_relation_privileges", 5)) {
            String privilege = row[2].toUpperCase(Locale.ROOT);
            if (!RELATION_PRIVILEGES.contains(privilege)) {
                continue;
            }
            String object = relation(row).toString();
            String grantee = switch (row[4].toLowerCase(Locale.ROOT)) {
                case "group", "role" -> row[4].toLowerCase(Locale.ROOT) + " " + row[3];
                case "public" -> "public";
                default -> row[3];
            };
            SortedMap<String, String> grant = new TreeMap<>(Map.of(CatalogReader.GRANT_PRIVILEGE, privilege,
                    CatalogReader.GRANT_OBJECT_TYPE, "TABLE", CatalogReader.GRANT_OBJECT, object,
                    CatalogReader.GRANT_GRANTEE, grantee));
            objects.put(CatalogKey.grant(privilege, "TABLE", object, grantee), grant);
        }
    }

    /**
     * The model's catalog as a cluster's would show it: grants on tables and views one privilege type each (ALL is
     * all of SVV_RELATION_PRIVILEGES' types) on schema-qualified names, encodings in lower case. Grants on other
     * objects and the informational constraints are left out: the cluster keeps them in views not read yet.
     */
    static CatalogSnapshot asOnCluster(CatalogSnapshot model) {
        SortedMap<CatalogKey, SortedMap<String, String>> objects = new TreeMap<>();
        model.objects().forEach((key, properties) -> {
            if (key.kind() == Kind.CONSTRAINT) {
                return;
            }
            if (key.kind() != Kind.GRANT) {
                SortedMap<String, String> copy = new TreeMap<>(properties);
                copy.computeIfPresent("encode", (k, encoding) -> encoding.toLowerCase(Locale.ROOT));
                objects.put(key, copy);
                return;
            }
            String privilege = properties.get(CatalogReader.GRANT_PRIVILEGE).toUpperCase(Locale.ROOT);
            String grantee = properties.get(CatalogReader.GRANT_GRANTEE);
            for (ObjectName object : grantedRelations(model, properties)) {
                for (String single : privilege.startsWith("ALL") ? RELATION_PRIVILEGES : List.of(privilege)) {
                    objects.put(CatalogKey.grant(single, "TABLE", object.toString(), grantee), new TreeMap<>(Map.of(
                            CatalogReader.GRANT_PRIVILEGE, single, CatalogReader.GRANT_OBJECT_TYPE, "TABLE",
                            CatalogReader.GRANT_OBJECT, object.toString(), CatalogReader.GRANT_GRANTEE, grantee)));
                }
            }
        });
        return new CatalogSnapshot(objects, model.unread(), model.chosenByServer());
    }

    /**
     * The tables and views a grant gives privileges on: its object, schema-qualified as Redshift resolves it, or
     * with ON ALL TABLES IN SCHEMA every table and view of the schema (docs: GRANT); none for other objects.
     */
    private static List<ObjectName> grantedRelations(CatalogSnapshot model, Map<String, String> grant) {
        String type = grant.get(CatalogReader.GRANT_OBJECT_TYPE).toUpperCase(Locale.ROOT);
        String object = grant.get(CatalogReader.GRANT_OBJECT);
        if (type.equals("TABLE")) {
            return List.of(ObjectName.parse(object).orSchema(SchemaModel.DEFAULT_SCHEMA));
        }
        if (!type.equals("ALL TABLES IN SCHEMA")) {
            return List.of();
        }
        String schema = ObjectName.parse(object).name();
        return model.objects().keySet().stream().filter(k -> k.isRelation() && schema.equals(k.object().schema()))
                .map(CatalogKey::object).distinct().toList();
    }
}
