package io.github.rsevolve.core.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Which missing columns are lateral alias references Redshift resolves (docs: SELECT list), and their inlining. */
class LateralAliasesTest {

    /** Inlines at the n-th use (0-based) of the name, as PostgreSQL would report it. */
    private static String inline(String sql, String name, int use) {
        Matcher uses = Pattern.compile("\\b" + name + "\\b").matcher(sql);
        for (int i = 0; i <= use; i++) {
            uses.find();
        }
        return LateralAliases.inline(sql, name, uses.start());
    }

    @Test
    void anAliasIsUsableLaterInTheSameList() {
        assertEquals("SELECT clicks / impressions AS probability, ROUND(100 * (clicks / impressions), 1) AS percentage"
                        + " FROM raw_data",
                inline("SELECT clicks / impressions AS probability, ROUND(100 * probability, 1) AS percentage "
                        + "FROM raw_data", "probability", 1));
    }

    @Test
    void aBareAliasAndACaseAliasCountToo() {
        assertEquals("SELECT COUNT(*) n, (COUNT(*)) * 2 AS m FROM t",
                inline("SELECT COUNT(*) n, n * 2 AS m FROM t", "n", 1));
        assertEquals("SELECT CASE WHEN a THEN 1 END flag, (CASE WHEN a THEN 1 END) + 1 FROM t",
                inline("SELECT CASE WHEN a THEN 1 END flag, flag + 1 FROM t", "flag", 1));
    }

    @Test
    void anAliasIsUsableInTheWhereOfItsQuery() {
        assertEquals("SELECT DISTINCT a || b AS privilege FROM t WHERE (t.x = 1 AND (a || b) IS NOT NULL)",
                inline("SELECT DISTINCT a || b AS privilege FROM t WHERE (t.x = 1 AND privilege IS NOT NULL)",
                        "privilege", 1));
    }

    @Test
    void anAliasIsNotUsableBeforeItIsDefinedNorOutsideItsQuery() {
        assertNull(inline("SELECT x + 1 AS y, a AS x FROM t", "x", 0), "used before its definition");
        assertNull(inline("SELECT a AS x, (SELECT x FROM u) AS y FROM t", "x", 1), "in a subquery");
        assertNull(inline("SELECT a AS x, t.x FROM t", "x", 1), "a qualified column");
        assertNull(inline("SELECT a AS x FROM t GROUP BY a HAVING x > 1", "x", 1), "in HAVING");
        assertNull(inline("SELECT a AS x FROM t WHERE x(1) > 1", "x", 1), "a function of that name");
    }
}
