package io.github.rsevolve.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a Maven project of long analytic Redshift SQL over a star schema, the kind the shared corpus has few of:
 * statements of 2-8 KB built from CTE chains with joins to dimensions, window functions (ranking, running sums over
 * ROWS frames, LAG), CASE, DATEADD / DATEDIFF / DATE_TRUNC arithmetic and UNION ALL. The absolute folder holds the
 * star schema (physical attributes included) and the views; the ETL folder holds INSERT ... SELECT, CTAS into temp
 * tables and reports. Deterministic: the same arguments write the same files. Used by bench/lint.sh and by a test
 * that holds the set clean.
 */
public final class AnalyticQueries {

    static final int MIN_BYTES = 2048;
    static final int MAX_BYTES = 8192;
    private static final int STATEMENTS_PER_FILE = 10;

    private static final String SCHEMA = """
            CREATE SCHEMA star;
            CREATE SCHEMA mart;
            CREATE TABLE star.dim_date (date_key INT NOT NULL, cal_date DATE NOT NULL, cal_year SMALLINT,
                cal_quarter SMALLINT, cal_month SMALLINT, day_of_week SMALLINT, is_holiday BOOLEAN DEFAULT FALSE)
                DISTSTYLE ALL SORTKEY (date_key);
            CREATE TABLE star.dim_customer (customer_key INT NOT NULL ENCODE az64, customer_id VARCHAR(32) NOT NULL,
                full_name VARCHAR(200), segment VARCHAR(40) ENCODE bytedict, country_code CHAR(2),
                signup_ts TIMESTAMP, birth_date DATE) DISTKEY (customer_key) SORTKEY (customer_key);
            CREATE TABLE star.dim_product (product_key INT NOT NULL, sku VARCHAR(40) NOT NULL,
                category VARCHAR(80) ENCODE bytedict, brand VARCHAR(80), list_price DECIMAL(12,2), launched_on DATE)
                DISTSTYLE ALL;
            CREATE TABLE star.dim_store (store_key INT NOT NULL, store_name VARCHAR(120), region VARCHAR(40),
                opened_on DATE, floor_sqft INT) DISTSTYLE ALL;
            CREATE TABLE star.fact_sales (sale_id BIGINT IDENTITY(1, 1), date_key INT NOT NULL,
                customer_key INT NOT NULL, product_key INT NOT NULL, store_key INT NOT NULL, quantity INT NOT NULL,
                unit_price DECIMAL(12,2) NOT NULL, discount DECIMAL(5,4) DEFAULT 0, sold_at TIMESTAMP NOT NULL,
                channel VARCHAR(16) ENCODE lzo) DISTKEY (customer_key) COMPOUND SORTKEY (date_key, store_key);
            CREATE TABLE star.fact_returns (return_id BIGINT NOT NULL, sale_id BIGINT NOT NULL,
                returned_at TIMESTAMP NOT NULL, quantity INT, reason VARCHAR(60)) DISTKEY (sale_id)
                SORTKEY (returned_at);
            CREATE TABLE star.fact_inventory (date_key INT NOT NULL, product_key INT NOT NULL, store_key INT NOT NULL,
                on_hand INT) DISTKEY (product_key) SORTKEY (date_key);
            CREATE TABLE mart.report_rows (report_id INT NOT NULL, entity_key INT, period_start TIMESTAMP,
                amount DECIMAL(18,4), label VARCHAR(256), computed_at TIMESTAMP DEFAULT GETDATE())
                DISTSTYLE EVEN SORTKEY (report_id, period_start);
            """;

    /** A dimension a base block joins: table, alias, key, and label expressions it can group by. */
    private record Dimension(String table, String alias, String key, List<String> labels, List<String> filters) {
    }

    private static final List<Dimension> DIMENSIONS = List.of(
            new Dimension("star.dim_customer", "c", "customer_key",
                    List.of("c.segment", "c.country_code", "UPPER(c.segment) || '-' || c.country_code",
                            "CASE WHEN DATEDIFF(year, c.birth_date, f.sold_at) < 30 THEN 'young' "
                                    + "WHEN DATEDIFF(year, c.birth_date, f.sold_at) < 55 THEN 'middle' "
                                    + "ELSE 'senior' END"),
                    List.of("c.segment IN ('retail', 'smb', 'enterprise')", "c.country_code <> 'XX'",
                            "c.signup_ts < DATEADD(month, -1, f.sold_at)", "c.full_name NOT LIKE 'test%'")),
            new Dimension("star.dim_product", "p", "product_key",
                    List.of("p.category", "p.brand", "COALESCE(p.brand, p.category, 'unknown')",
                            "CASE WHEN p.list_price >= 100 THEN 'premium' WHEN p.list_price >= 20 THEN 'standard' "
                                    + "ELSE 'budget' END"),
                    List.of("p.category IS NOT NULL", "p.launched_on <= f.sold_at",
                            "p.list_price BETWEEN 1 AND 10000", "p.sku LIKE 'SKU-%'")),
            new Dimension("star.dim_store", "s", "store_key",
                    List.of("s.region", "s.store_name", "s.region || ' / ' || s.store_name",
                            "CASE WHEN s.floor_sqft > 20000 THEN 'large' ELSE 'small' END"),
                    List.of("s.region <> 'closed'", "s.opened_on < DATEADD(year, -1, GETDATE())",
                            "s.floor_sqft > 0")));

    private static final List<String> MEASURES = List.of(
            "SUM(f.quantity * f.unit_price * (1 - f.discount))",
            "SUM(f.quantity)",
            "AVG(f.unit_price * (1 - NVL(f.discount, 0)))",
            "COUNT(DISTINCT f.customer_key)",
            "SUM(CASE WHEN f.channel = 'web' THEN f.quantity * f.unit_price ELSE 0 END)",
            "MAX(f.unit_price) - MIN(f.unit_price)");

    private static final List<String> PERIODS = List.of(
            "DATE_TRUNC('month', f.sold_at)", "DATE_TRUNC('week', f.sold_at)", "DATE_TRUNC('day', f.sold_at)",
            "DATE_TRUNC('quarter', f.sold_at)");

    private static final List<String> SALE_FILTERS = List.of(
            "f.sold_at >= DATEADD(day, -90, GETDATE())", "f.sold_at < DATEADD(month, 1, DATE_TRUNC('month', GETDATE()))",
            "f.quantity > 0", "f.channel IN ('web', 'store', 'phone')", "d.is_holiday = FALSE",
            "d.cal_year BETWEEN 2019 AND 2026", "DATEDIFF(day, f.sold_at, GETDATE()) <= 400",
            "EXTRACT(dow FROM f.sold_at) NOT IN (0, 6)");

    private AnalyticQueries() {
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 240);
    }

    /** Writes the project: pom, star schema, views (a sixth of the statements), and ETL; returns the ETL files. */
    public static List<Path> write(Path project, int statements) throws IOException {
        Path redshift = project.resolve("src/main/redshift");
        Path absolute = redshift.resolve("absolute");
        Path etl = redshift.resolve("etl");
        Files.createDirectories(absolute);
        Files.createDirectories(etl);
        BenchProject.writePom(project, "analytic");
        Files.writeString(absolute.resolve("00_star_schema.sql"), SCHEMA);
        int views = statements / 6;
        List<Path> files = new ArrayList<>();
        files.addAll(writeFiles(absolute, "views", 0, views, true));
        files.addAll(writeFiles(etl, "etl", views, statements, false));
        return files;
    }

    private static List<Path> writeFiles(Path folder, String prefix, int from, int to, boolean views)
            throws IOException {
        List<Path> files = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int n = from; n < to; n++) {
            text.append(statement(n, views)).append(";\n\n");
            if ((n - from + 1) % STATEMENTS_PER_FILE == 0 || n == to - 1) {
                Path file = folder.resolve(String.format("%s_%03d.sql", prefix, (n - from) / STATEMENTS_PER_FILE));
                Files.writeString(file, text);
                files.add(file);
                text.setLength(0);
            }
        }
        return files;
    }

    /** Statement n: a view, or an INSERT, temp-table CTAS or report; always 2-8 KB. */
    public static String statement(int n, boolean view) {
        Random random = new Random(n * 7919L + 17);
        while (true) {
            String query = query(random, random.nextInt(3, 12));
            String sql;
            if (view) {
                sql = "CREATE VIEW mart.v_analytic_" + n + " AS\n" + query;
            } else {
                sql = switch (n % 3) {
                    case 0 -> "INSERT INTO mart.report_rows (report_id, entity_key, period_start, amount, label)\n"
                            + "SELECT " + n + ", entity_key, period_start, amount, label FROM (\n" + query + "\n) q";
                    case 1 -> "CREATE TEMP TABLE tmp_report_" + n + " AS\n" + query;
                    default -> query + "\nORDER BY amount DESC, entity_key\nLIMIT 500";
                };
            }
            if (sql.length() >= MIN_BYTES && sql.length() <= MAX_BYTES) {
                return sql;
            }
        }
    }

    /** A WITH chain of blocks, each exposing entity_key, period_start, amount, label; then a final SELECT. */
    private static String query(Random random, int blocks) {
        StringBuilder sql = new StringBuilder("WITH\n");
        for (int b = 0; b < blocks; b++) {
            sql.append(b == 0 ? "" : ",\n").append("step_").append(b).append(" AS (\n");
            if (b < 2 || random.nextInt(4) == 0) {
                sql.append(base(random));
            } else {
                sql.append(switch (random.nextInt(4)) {
                    case 0 -> window(random, b);
                    case 1 -> join(random, b);
                    case 2 -> union(random, b);
                    default -> returns(random);
                });
            }
            sql.append("\n)");
        }
        String last = "step_" + (blocks - 1);
        sql.append("\nSELECT z.entity_key, z.period_start,\n")
                .append("       ROUND(z.amount, 2) AS amount,\n")
                .append("       CASE WHEN z.amount IS NULL THEN 'none' WHEN z.amount < 0 THEN 'negative'\n")
                .append("            ELSE z.label END AS label\n")
                .append("FROM ").append(last).append(" z\n")
                .append("LEFT JOIN step_0 y ON y.entity_key = z.entity_key AND y.period_start = z.period_start\n")
                .append("WHERE z.period_start >= DATEADD(month, -").append(random.nextInt(1, 25))
                .append(", DATE_TRUNC('month', GETDATE()))\n")
                .append("  AND (y.amount IS NULL OR z.amount >= y.amount * ").append(random.nextInt(1, 9))
                .append(" / 10.0)");
        return sql.toString();
    }

    private static String base(Random random) {
        Dimension dimension = DIMENSIONS.get(random.nextInt(DIMENSIONS.size()));
        String label = dimension.labels().get(random.nextInt(dimension.labels().size()));
        String period = PERIODS.get(random.nextInt(PERIODS.size()));
        String measure = MEASURES.get(random.nextInt(MEASURES.size()));
        StringBuilder sql = new StringBuilder()
                .append("  SELECT f.").append(dimension.key()).append(" AS entity_key,\n")
                .append("         ").append(period).append(" AS period_start,\n")
                .append("         ").append(measure).append(" AS amount,\n")
                .append("         MAX(").append(label).append(") AS label\n")
                .append("  FROM star.fact_sales f\n")
                .append("  JOIN star.dim_date d ON d.date_key = f.date_key\n")
                .append("  JOIN ").append(dimension.table()).append(' ').append(dimension.alias())
                .append(" ON ").append(dimension.alias()).append('.').append(dimension.key())
                .append(" = f.").append(dimension.key()).append('\n')
                .append("  WHERE ").append(SALE_FILTERS.get(random.nextInt(SALE_FILTERS.size())));
        for (int i = random.nextInt(1, 4); i > 0; i--) {
            List<String> pool = random.nextBoolean() ? SALE_FILTERS : dimension.filters();
            sql.append("\n    AND ").append(pool.get(random.nextInt(pool.size())));
        }
        sql.append("\n  GROUP BY 1, 2");
        if (random.nextBoolean()) {
            sql.append("\n  HAVING COUNT(*) > ").append(random.nextInt(1, 20));
        }
        return sql.toString();
    }

    private static String window(Random random, int b) {
        String from = earlier(random, b);
        String order = random.nextBoolean() ? "period_start" : "amount DESC";
        String rank = random.nextBoolean() ? "ROW_NUMBER()" : "DENSE_RANK()";
        return "  SELECT entity_key, period_start,\n"
                + "         SUM(amount) OVER (PARTITION BY entity_key ORDER BY period_start\n"
                + "                           ROWS BETWEEN " + random.nextInt(1, 12)
                + " PRECEDING AND CURRENT ROW) AS amount,\n"
                + "         CASE WHEN " + rank + " OVER (PARTITION BY label ORDER BY " + order + ") <= "
                + random.nextInt(3, 50) + "\n"
                + "              THEN label || ' (top)'\n"
                + "              WHEN LAG(amount, 1) OVER (PARTITION BY entity_key ORDER BY period_start) > amount\n"
                + "              THEN label || ' (falling)'\n"
                + "              ELSE label END AS label\n"
                + "  FROM " + from + "\n"
                + "  WHERE amount IS NOT NULL";
    }

    private static String join(Random random, int b) {
        String left = earlier(random, b);
        String right = earlier(random, b);
        return "  SELECT l.entity_key, l.period_start,\n"
                + "         NVL(l.amount, 0) " + (random.nextBoolean() ? "+" : "-") + " COALESCE(r.amount, 0) AS amount,\n"
                + "         CASE WHEN r.entity_key IS NULL THEN l.label\n"
                + "              WHEN l.label = r.label THEN l.label\n"
                + "              ELSE l.label || ' & ' || r.label END AS label\n"
                + "  FROM " + left + " l\n"
                + "  " + (random.nextBoolean() ? "LEFT JOIN" : "FULL OUTER JOIN") + " " + right + " r\n"
                + "    ON r.entity_key = l.entity_key\n"
                + "   AND r.period_start BETWEEN DATEADD(day, -" + random.nextInt(1, 60)
                + ", l.period_start) AND l.period_start";
    }

    private static String union(Random random, int b) {
        String first = earlier(random, b);
        String second = earlier(random, b);
        return "  SELECT entity_key, period_start, amount, label FROM " + first + "\n"
                + "  WHERE amount > " + random.nextInt(0, 1000) + "\n"
                + "  UNION ALL\n"
                + "  SELECT entity_key, DATEADD(month, 1, period_start), amount * -1, 'prior ' || label\n"
                + "  FROM " + second + "\n"
                + "  WHERE period_start < DATE_TRUNC('month', GETDATE())";
    }

    private static String returns(Random random) {
        return "  SELECT f.customer_key AS entity_key,\n"
                + "         DATE_TRUNC('month', r.returned_at) AS period_start,\n"
                + "         SUM(r.quantity * f.unit_price) * -1 AS amount,\n"
                + "         MAX(CASE WHEN r.reason ILIKE '%damag%' THEN 'damaged'\n"
                + "                  WHEN r.reason ILIKE '%late%' THEN 'late'\n"
                + "                  ELSE 'other' END) AS label\n"
                + "  FROM star.fact_returns r\n"
                + "  JOIN star.fact_sales f ON f.sale_id = r.sale_id\n"
                + "  WHERE DATEDIFF(day, f.sold_at, r.returned_at) BETWEEN 0 AND " + random.nextInt(14, 120) + "\n"
                + "  GROUP BY 1, 2";
    }

    private static String earlier(Random random, int b) {
        return "step_" + random.nextInt(b);
    }
}
