package io.github.rsevolve.core.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.rsevolve.core.db.ThrowawayDatabase;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Queries over Redshift's catalog run on the stand-in and see what the translated DDL recorded. */
class RedshiftCatalogTest {

    private static ThrowawayDatabase database;

    @BeforeAll
    static void createTable() throws SQLException {
        database = StandInDatabase.prepared("catalog");
        run("CREATE SCHEMA dw;\n"
                + "CREATE TABLE dw.sales (sale_id INT NOT NULL ENCODE az64, region VARCHAR(10) ENCODE lzo,\n"
                + "  sold_on DATE, amount DECIMAL(10,2)) DISTKEY(region) INTERLEAVED SORTKEY(sale_id, region, sold_on);");
    }

    @AfterAll
    static void drop() throws SQLException {
        database.close();
    }

    private static List<String> run(String redshiftSql) throws SQLException {
        return StandInDatabase.rows(database, redshiftSql);
    }

    @Test
    void pgTableDefListsTheColumnsOfTablesOnTheSearchPath() throws SQLException {
        String query = "SELECT \"column\", type, encoding, distkey, sortkey, \"notnull\" FROM pg_table_def "
                + "WHERE tablename = 'sales' ORDER BY \"column\";";
        assertEquals(List.of(), run(query), "dw is not on the search_path (docs: PG_TABLE_DEF)");
        assertEquals(List.of("amount|numeric(10,2)|none|f|0|f", "region|character varying(10)|lzo|t|-2|f",
                "sale_id|integer|az64|f|1|t", "sold_on|date|none|f|3|f"), run("SET search_path TO dw;\n" + query));
    }

    @Test
    void theAdminViewsIdiomsRun() throws SQLException {
        assertEquals(List.of("--DROP TABLE dw.sales;|1|region|t|-2|lzo"), run(
                "SELECT '--DROP TABLE ' + QUOTE_IDENT(n.nspname) + '.' + QUOTE_IDENT(c.relname) + ';',"
                        + " c.reldiststyle, a.attname, a.attisdistkey, a.attsortkeyord,"
                        + " format_encoding(a.attencodingtype::integer)\n"
                        + "FROM pg_catalog.pg_namespace n JOIN pg_catalog.pg_class c ON n.oid = c.relnamespace\n"
                        + "JOIN pg_attribute a ON a.attrelid = c.oid\n"
                        + "WHERE n.nspname = 'dw' AND a.attname = 'region';"));
        assertEquals(List.of("1"), run("SELECT COUNT(*) FROM pg_stat_activity WHERE procpid = pg_backend_pid()"
                + " AND current_query IS NOT NULL;"));
    }

    @Test
    void theSystemViewsThatLogWhatRanHaveTheirDocumentedColumns() throws SQLException {
        assertEquals(List.of("0"), run("SELECT COUNT(*) FROM stl_query q JOIN pg_catalog.stl_querytext t"
                + " ON t.query = q.query WHERE q.starttime > DATEADD(day, -1, GETDATE())"
                + " AND TRIM(q.querytxt) LIKE 'COPY%' AND t.sequence = 0;"));
        assertEquals(List.of("0"), run("SELECT COUNT(*) FROM svv_table_info WHERE \"schema\" = 'dw'"
                + " AND diststyle LIKE 'KEY%' AND tbl_rows > 0;"));
        assertEquals(List.of("t"), run("SELECT COUNT(*) > 0 FROM pg_locks l JOIN pg_catalog.pg_stat_activity a"
                + " ON a.procpid = l.pid WHERE l.transaction IS NULL OR l.transaction IS NOT NULL;"));
    }

    @Test
    void theViewsDriftReadsShowWhatTheBookkeepingRecorded() throws SQLException {
        assertEquals(List.of("amount|az64|f|0", "region|lzo|t|-2", "sale_id|az64|f|1", "sold_on|none|f|3"),
                run("SELECT column_name, encoding, distkey, sortkey FROM svv_redshift_columns "
                        + "WHERE schema_name = 'dw' AND table_name = 'sales' ORDER BY column_name;"),
                "where none is written, the documented default: RAW (none) for a sort key column, AZ64 for numbers "
                        + "and dates (docs: Compression encodings)");
        assertEquals(List.of("1"), run("SELECT DISTINCT p.backup FROM stv_tbl_perm p JOIN pg_class c ON c.oid = p.id "
                + "WHERE c.relname = 'sales';"));
        run("GRANT ALL ON dw.sales TO GROUP analysts;\nREVOKE DELETE ON dw.sales FROM GROUP analysts;");
        assertEquals(List.of("INSERT|group", "REFERENCES|group", "SELECT|group", "UPDATE|group", "DROP|group")
                .stream().sorted().toList(), run("SELECT privilege_type, identity_type FROM svv_relation_privileges "
                + "WHERE relation_name = 'sales' AND identity_name = 'analysts' ORDER BY 1;"),
                "ALL is each privilege type, and a REVOKE takes one away (docs: SVV_RELATION_PRIVILEGES)");
    }

    @Test
    void theComputedSystemViewsHaveTheDocumentedColumnsInOrder() throws SQLException {
        for (RedshiftCatalog.SystemView documented : RedshiftCatalog.systemViews()) {
            if (!RedshiftCatalog.computedViews().contains(documented.name())) {
                continue;
            }
            List<String> columns = run("SELECT attname FROM pg_attribute WHERE attrelid = 'rse_compat."
                    + documented.name() + "'::regclass AND attnum > 0 ORDER BY attnum;");
            assertEquals(List.copyOf(documented.columns().keySet()), columns, documented.name());
        }
    }

    @Test
    void pgAttributeHasRedshiftsColumnsNotLaterPostgresOnes() throws SQLException {
        assertEquals(List.of("1"), run("SELECT COUNT(*) FROM pg_class_info i JOIN pg_attribute_info a"
                + " ON a.attrelid = i.reloid WHERE i.relname = 'sales' AND a.attname = 'region'"
                + " AND a.attacl IS NULL AND i.releffectivediststyle = 1;"));
        assertUndefinedColumn("SELECT attidentity FROM pg_attribute;");
    }

    @Test
    void aColumnTheDocumentationDoesNotListFails() {
        assertUndefinedColumn("SELECT distkey, nullable FROM pg_table_def;");
    }

    /** The query fails as Redshift fails it: PostgreSQL's undefined_column. */
    private static void assertUndefinedColumn(String redshiftSql) {
        SQLException e = assertThrows(SQLException.class, () -> run(redshiftSql));
        assertEquals("42703", e.getSQLState(), e.getMessage());
    }
}
