package io.github.rsevolve.core.copy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a side holds of a copied table, computed in SQL on that side: the row count, the sum of each numeric column,
 * and an order-independent checksum of all copied columns (the sum over rows of a number taken from the MD5 of the
 * row's text).
 *
 * @param sums numeric column to its sum, sorted; floating-point values are summed at 6 decimals so the order of
 *             addition cannot change the result
 */
public record Proof(long rows, Map<String, BigDecimal> sums, BigDecimal checksum) {

    /** The SQL each side speaks for the proof. */
    enum Dialect {
        /** 65535 is VARCHAR's maximum, so no value is cut (docs: Character types); STRTOL reads hex. */
        REDSHIFT("CAST(%s AS VARCHAR(65535))", "STRTOL(SUBSTRING(MD5(%s), 1, 15), 16)"),
        POSTGRES("CAST(%s AS text)", "('x' || substr(md5(%s), 1, 15))::bit(60)::bigint");

        private final String text;
        private final String hash;

        Dialect(String text, String hash) {
            this.text = text;
            this.hash = hash;
        }

        static Dialect of(String jdbcUrl) {
            return jdbcUrl.startsWith("jdbc:redshift:") ? REDSHIFT : POSTGRES;
        }
    }

    /**
     * The proof of one side.
     *
     * @param expressions column name to the expression to read it with on this side
     * @param numeric     numeric column names to "float" or "exact"
     */
    static Proof compute(Connection connection, Dialect dialect, String table, Map<String, String> expressions,
                         Map<String, String> numeric, String where) throws SQLException {
        List<String> parts = new ArrayList<>();
        for (String expression : expressions.values()) {
            parts.add("COALESCE(" + dialect.text.formatted(expression) + ", '\\N')");
        }
        String row = String.join(" || '|' || ", parts);
        StringBuilder sql = new StringBuilder("SELECT COUNT(*), SUM(CAST(")
                .append(dialect.hash.formatted(row)).append(" AS DECIMAL(38, 0)))");
        List<String> names = new ArrayList<>(numeric.keySet());
        for (String name : names) {
            String expression = expressions.get(name);
            sql.append(", SUM(").append(numeric.get(name).equals("float") ? "CAST(" + expression
                    + " AS DECIMAL(38, 6))" : expression).append(')');
        }
        sql.append(" FROM ").append(table).append(where == null ? "" : " WHERE " + where);
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(
                sql.toString())) {
            result.next();
            Map<String, BigDecimal> sums = new TreeMap<>();
            for (int i = 0; i < names.size(); i++) {
                BigDecimal sum = result.getBigDecimal(i + 3);
                sums.put(names.get(i), sum == null ? null : sum.stripTrailingZeros());
            }
            BigDecimal checksum = result.getBigDecimal(2);
            return new Proof(result.getLong(1), sums, checksum == null ? BigDecimal.ZERO : checksum);
        }
    }
}
