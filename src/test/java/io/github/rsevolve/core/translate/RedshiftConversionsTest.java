package io.github.rsevolve.core.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.rsevolve.core.db.ThrowawayDatabase;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Conversions and function names Redshift has and PostgreSQL lacks, on the stand-in; what Redshift refuses still fails.
 */
class RedshiftConversionsTest {

    private static ThrowawayDatabase database;

    @BeforeAll
    static void prepare() {
        database = StandInDatabase.prepared("conversions");
    }

    @AfterAll
    static void drop() throws SQLException {
        database.close();
    }

    /** docs: Type compatibility and conversion, Implicit conversion types (integers to BOOLEAN). */
    @Test
    void anIntegerIsACondition() throws SQLException {
        assertEquals(List.of("SELECT|1"), StandInDatabase.rows(database,
                "SELECT CASE WHEN REGEXP_INSTR('select 1', '[sS]elect ') THEN 'SELECT' ELSE 'OTHER' END,"
                        + " COUNT(*) FROM (SELECT 1 AS n) s WHERE STRPOS('abc', 'b') AND n::BIGINT AND n::SMALLINT;"));
        SQLException e = assertThrows(SQLException.class, () -> StandInDatabase.rows(database, "SELECT 1 = TRUE;"));
        assertEquals("42883", e.getSQLState(), "an integer is still no boolean operand: " + e.getMessage());
    }

    /** docs: Datetime types, date arithmetic. */
    @Test
    void aDateLiteralMinusABigintIsADate() throws SQLException {
        assertEquals(List.of("2049-12-31|2050-01-03|2050-01-02|2050-01-01"), StandInDatabase.rows(database,
                "SELECT ('2050-01-01' - n)::date, '2050-01-01' + n + 1, n + DATE '2050-01-01', "
                        + "DATE '2050-01-01' + n::SMALLINT - 1 FROM (SELECT ROW_NUMBER() OVER () AS n) s;"));
    }

    /** docs: DATE_PART function (PGDATE_PART is its synonym); DATEPART runs on Redshift too. */
    @Test
    void theDatePartSynonymsRun() throws SQLException {
        assertEquals(List.of("4|2026|12"), StandInDatabase.rows(database, "SELECT DATEPART(hour, TIMESTAMP "
                + "'2026-12-02 04:05:06'), PGDATE_PART(year, DATE '2026-12-02'), DATE_PART('mon', GETDATE()::date "
                + "- GETDATE()::date + DATE '2026-12-02');"));
    }

    /**
     * docs: QUALIFY clause. The condition is checked (its columns and window functions), not applied: the stand-in
     * keeps every row, so the count is of all rows.
     */
    @Test
    void qualifyIsChecked() throws SQLException {
        String table = "CREATE TEMP TABLE sales (sold_on DATE, item VARCHAR(10), price FLOAT);"
                + "INSERT INTO sales VALUES ('2022-01-01', 'a', 1.0), ('2022-01-01', 'b', 2.0);";
        assertEquals(List.of("2|a"), StandInDatabase.rows(database, table
                + "SELECT COUNT(*), MIN(item) FROM (SELECT s.item FROM sales s QUALIFY ROW_NUMBER() OVER "
                + "(PARTITION BY sold_on ORDER BY price DESC) <= 1 ORDER BY item LIMIT 5) q;"));
        SQLException e = assertThrows(SQLException.class, () -> StandInDatabase.rows(database, table
                + "SELECT item FROM sales s WHERE price > 0 QUALIFY RANK() OVER (ORDER BY prize) = 1;"));
        assertEquals("42703", e.getSQLState(), e.getMessage());
    }
}
