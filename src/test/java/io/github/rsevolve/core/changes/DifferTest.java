package io.github.rsevolve.core.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rsevolve.core.db.EmbeddedLogin;
import io.github.rsevolve.core.db.EmbeddedServer;
import io.github.rsevolve.core.db.ThrowawayDatabase;
import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.migrate.Environment;
import io.github.rsevolve.core.migrate.Migrator;
import io.github.rsevolve.core.project.ProjectLoader;
import io.github.rsevolve.core.validate.ValidateSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of model edit, alone and combined: diff drafts the changesets, and validate with them finds no drift and
 * no error on the embedded PostgreSQL.
 */
class DifferTest {

    static final String BASE = """
            CREATE SCHEMA dw;
            CREATE SCHEMA mart;
            CREATE TABLE dw.customers (
                customer_id INTEGER NOT NULL,
                name VARCHAR(100),
                region VARCHAR(20) ENCODE zstd,
                PRIMARY KEY (customer_id)
            ) DISTSTYLE ALL;
            CREATE TABLE dw.orders (
                order_id BIGINT IDENTITY(1, 1),
                customer_id INTEGER NOT NULL ENCODE az64,
                order_date DATE NOT NULL,
                amount DECIMAL(12, 2),
                note VARCHAR(50)
            ) DISTKEY (customer_id) SORTKEY (order_date);
            CREATE TABLE dw.audit (event VARCHAR(100), logged_at TIMESTAMP);
            CREATE VIEW mart.v_orders AS SELECT o.order_id, o.customer_id, o.order_date, o.amount FROM dw.orders o;
            CREATE VIEW mart.v_daily AS SELECT order_date, SUM(amount) AS total FROM mart.v_orders GROUP BY order_date;
            CREATE VIEW mart.v_customer_orders AS
                SELECT c.name, o.order_id FROM dw.customers c JOIN dw.orders o ON o.customer_id = c.customer_id;
            CREATE MATERIALIZED VIEW mart.mv_region AS
                SELECT c.region, COUNT(
                        *) AS orders FROM dw.customers c JOIN dw.orders o ON o.customer_id = c.customer_id
                GROUP BY c.region;
            GRANT USAGE ON SCHEMA mart TO GROUP analysts;
            GRANT SELECT ON mart.v_daily TO GROUP analysts;
            COMMENT ON TABLE dw.orders IS 'One row per order';
            COMMENT ON COLUMN dw.orders.amount IS 'Order total in EUR';
            """;

    @TempDir
    Path temp;

    private DiffResult diff(UnaryOperator<String> edit, boolean allowDestructive) throws IOException {
        Path project = Files.createTempDirectory(temp, "project");
        RegenerateTestSupport.write(project, "absolute/model.sql", edit.apply(BASE));
        RegenerateTestSupport.write(project, "incremental/V1__base.sql", BASE);
        ValidateSettings settings = new ValidateSettings(RegenerateTestSupport.settings(project), null, null, null,
                false, 60, "flyway_schema_history");
        return Differ.run(new DiffSettings(settings, null, "model edit", allowDestructive, false, true, null));
    }

    /** Diff, then validate with the draft: no error, no drift. */
    private Draft assertRoundTrip(UnaryOperator<String> edit) throws IOException {
        DiffResult result = diff(edit, true);
        assertEquals(List.of(), result.problems());
        assertFalse(result.draft().isEmpty(), "a draft");
        List<Finding> errors = result.check().findings().stream().filter(f -> f.severity() == Severity.ERROR)
                .toList();
        assertTrue(result.matches(), () -> "not matched: " + errors + "\n" + sql(result.draft()));
        return result.draft();
    }

    private static String sql(Draft draft) {
        return draft.files().stream().map(f -> "== " + f.fileName() + "\n" + f.sql()).collect(Collectors.joining());
    }

    private static UnaryOperator<String> replace(String from, String to) {
        return model -> {
            assertTrue(model.contains(from), from);
            return model.replace(from, to);
        };
    }

    private static UnaryOperator<String> append(String sql) {
        return model -> model + sql;
    }

    @Test
    void noDifferenceNoDraft() throws IOException {
        DiffResult result = diff(UnaryOperator.identity(), false);
        assertTrue(result.draft().isEmpty());
        assertTrue(result.written().isEmpty());
    }

    @Test
    void newSchemaTableViewGrantAndComment() throws IOException {
        Draft draft = assertRoundTrip(append("""
                CREATE SCHEMA stage;
                COMMENT ON SCHEMA stage IS 'Landing zone';
                CREATE TABLE stage.raw_orders (id INTEGER, payload VARCHAR(1000)) DISTSTYLE EVEN;
                CREATE VIEW stage.v_raw AS SELECT id FROM stage.raw_orders;
                GRANT SELECT ON stage.v_raw TO GROUP analysts;
                COMMENT ON TABLE stage.raw_orders IS 'Raw feed';
                """));
        assertEquals(1, draft.files().size());
        String sql = draft.files().get(0).sql();
        assertTrue(sql.indexOf("CREATE SCHEMA stage") < sql.indexOf("CREATE TABLE stage.raw_orders"), sql);
        assertTrue(sql.indexOf("CREATE TABLE stage.raw_orders") < sql.indexOf("CREATE VIEW stage.v_raw"), sql);
        assertEquals(1, count(sql, "GRANT SELECT ON stage.v_raw TO GROUP analysts"), sql);
    }

    @Test
    void newColumnAtTheEnd() throws IOException {
        Draft draft = assertRoundTrip(replace("note VARCHAR(50)\n)", "note VARCHAR(50),\n    discount DECIMAL(8, 2) "
                + "DEFAULT 0 ENCODE az64\n)"));
        assertTrue(draft.files().get(0).sql().contains(
                "ALTER TABLE dw.orders ADD COLUMN discount DECIMAL(8,2) DEFAULT 0 ENCODE az64;"), sql(draft));
        assertFalse(draft.files().get(0).sql().contains("DROP VIEW"), "no view is affected: " + sql(draft));
    }

    @Test
    void newViewsAndMaterializedView() throws IOException {
        assertRoundTrip(append("""
                CREATE VIEW mart.v_big_orders AS SELECT * FROM mart.v_orders WHERE amount > 1000;
                CREATE MATERIALIZED VIEW mart.mv_daily DISTSTYLE EVEN SORTKEY (order_date) AS
                    SELECT order_date, SUM(amount) AS total FROM dw.orders GROUP BY order_date;
                """));
    }

    @Test
    void changedViewRecreatesItsDependents() throws IOException {
        Draft draft = assertRoundTrip(replace("o.order_date, o.amount FROM dw.orders o",
                "o.order_date, o.amount, o.note FROM dw.orders o"));
        String sql = draft.files().get(0).sql();
        assertTrue(sql.indexOf("DROP VIEW mart.v_daily") < sql.indexOf("DROP VIEW mart.v_orders"), sql);
        assertTrue(sql.indexOf("CREATE VIEW mart.v_orders") < sql.indexOf("CREATE VIEW mart.v_daily"), sql);
        assertTrue(sql.contains("GRANT SELECT ON mart.v_daily TO GROUP analysts"), "grant restored: " + sql);
    }

    @Test
    void distributionSortKeyAndEncodingInPlace() throws IOException {
        Draft draft = assertRoundTrip(replace(") DISTSTYLE ALL;", ") DISTSTYLE EVEN;")
                .andThen(replace("DISTKEY (customer_id) SORTKEY (order_date)",
                        "DISTKEY (order_id) SORTKEY (customer_id, order_date)"))
                .andThen(replace("region VARCHAR(20) ENCODE zstd", "region VARCHAR(20) ENCODE lzo"))::apply);
        String sql = sql(draft);
        assertTrue(sql.contains("ALTER TABLE dw.customers ALTER DISTSTYLE EVEN;"), sql);
        assertTrue(sql.contains("ALTER TABLE dw.orders ALTER DISTSTYLE KEY DISTKEY order_id;"), sql);
        assertTrue(sql.contains("ALTER TABLE dw.orders ALTER COMPOUND SORTKEY (customer_id, order_date);"), sql);
        assertTrue(sql.contains("ALTER TABLE dw.customers ALTER COLUMN region ENCODE lzo;"), sql);
        assertFalse(sql.contains("RENAME TO"), "no deep copy: " + sql);
    }

    @Test
    void longerVarcharInAChangesetOfItsOwn() throws IOException {
        Draft draft = assertRoundTrip(replace("name VARCHAR(100)", "name VARCHAR(200)"));
        assertEquals(3, draft.files().size(), sql(draft));
        Draft.File alter = draft.files().get(1);
        assertTrue(alter.sql().contains("ALTER TABLE dw.customers ALTER COLUMN name TYPE VARCHAR(200);"), alter.sql());
        assertEquals(1, alter.sql().lines().filter(l -> !l.startsWith("--") && l.endsWith(";")).count(),
                "one statement: " + alter.sql());
        assertTrue(draft.files().get(0).sql().contains("DROP VIEW mart.v_customer_orders"), sql(draft));
        assertTrue(draft.files().get(2).sql().contains("CREATE VIEW mart.v_customer_orders"), sql(draft));
    }

    @Test
    void otherTypeChangeOfTheLastColumnIsSwappedIn() throws IOException {
        Draft draft = assertRoundTrip(replace("note VARCHAR(50)", "note VARCHAR(30)"));
        String sql = sql(draft);
        assertTrue(sql.contains("ALTER TABLE dw.orders ADD COLUMN note_new VARCHAR(30);"), sql);
        assertTrue(sql.contains("UPDATE dw.orders SET note_new = CAST(note AS VARCHAR(30));"), sql);
        assertTrue(sql.contains("ALTER TABLE dw.orders RENAME COLUMN note_new TO note;"), sql);
        assertTrue(sql.contains("WARNING: the cast fails"), sql);
    }

    @Test
    void typeChangeInTheMiddleIsADeepCopy() throws IOException {
        Draft draft = assertRoundTrip(replace("amount DECIMAL(12, 2)", "amount DECIMAL(14, 2)"));
        String sql = sql(draft);
        assertTrue(sql.contains("ALTER TABLE dw.orders RENAME TO orders_old;"), sql);
        assertTrue(sql.contains("CAST(amount AS DECIMAL(14,2))"), sql);
        assertTrue(sql.contains("COMMENT ON COLUMN dw.orders.amount IS 'Order total in EUR'"), "comment back: " + sql);
    }

    @Test
    void columnInTheMiddleNotNullBackupAndInterleavedAreDeepCopies() throws IOException {
        assertDeepCopy(replace("order_date DATE NOT NULL,", "order_date DATE NOT NULL,\n    status VARCHAR(10),"));
        assertDeepCopy(replace("amount DECIMAL(12, 2)", "amount DECIMAL(12, 2) NOT NULL"));
        assertDeepCopy(replace("SORTKEY (order_date);", "SORTKEY (order_date) BACKUP NO;"));
        assertDeepCopy(replace("SORTKEY (order_date);", "INTERLEAVED SORTKEY (order_date, customer_id);"));
    }

    private void assertDeepCopy(UnaryOperator<String> edit) throws IOException {
        Draft draft = assertRoundTrip(edit);
        assertTrue(draft.files().stream().anyMatch(f -> f.fileName().contains("deep_copy_orders")), sql(draft));
    }

    @Test
    void droppedColumnAndTableAreHeldBackWithoutAllowDestructive() throws IOException {
        UnaryOperator<String> edit = replace("amount DECIMAL(12, 2),\n    note VARCHAR(50)", "amount DECIMAL(12, 2)")
                .andThen(replace("CREATE TABLE dw.audit (event VARCHAR(100), logged_at TIMESTAMP);\n", ""))::apply;
        DiffResult held = diff(edit, false);
        String sql = sql(held.draft());
        assertTrue(sql.contains("-- ALTER TABLE dw.orders DROP COLUMN note;"), sql);
        assertTrue(sql.contains("-- DROP TABLE dw.audit;"), sql);
        assertEquals(2, held.draft().findings().stream().filter(f -> f.rule().equals("destructive-change")).count(),
                held.draft().findings().toString());
        assertFalse(held.matches(), "the held-back steps leave drift");

        Draft draft = assertRoundTrip(edit);
        assertTrue(sql(draft).contains("\nDROP TABLE dw.audit;"), sql(draft));
    }

    @Test
    void grantsCommentsAndConstraints() throws IOException {
        Draft draft = assertRoundTrip(append("GRANT SELECT ON mart.v_orders TO GROUP analysts;\n")
                .andThen(replace("GRANT SELECT ON mart.v_daily TO GROUP analysts;\n", ""))
                .andThen(replace("'One row per order'", "'One row per order, as booked'"))
                .andThen(replace("'Order total in EUR'", "'Order total in EUR, with VAT'"))
                .andThen(replace("    PRIMARY KEY (customer_id)\n",
                        "    PRIMARY KEY (customer_id),\n    UNIQUE (name)\n"))
                ::apply);
        String sql = sql(draft);
        assertTrue(sql.contains("GRANT SELECT ON mart.v_orders TO GROUP analysts;"), sql);
        assertTrue(sql.contains("REVOKE SELECT ON mart.v_daily FROM GROUP analysts;"), sql);
        assertTrue(sql.contains("COMMENT ON TABLE dw.orders IS 'One row per order, as booked';"), sql);
        assertTrue(sql.contains("COMMENT ON COLUMN dw.orders.amount IS 'Order total in EUR, with VAT';"), sql);
        assertTrue(sql.contains("ALTER TABLE dw.customers ADD UNIQUE (name);"), sql);
    }

    @Test
    void everyKindAtOnce() throws IOException {
        assertRoundTrip(append("CREATE SCHEMA stage;\nCREATE TABLE stage.t (id INT);\n")
                .andThen(replace("note VARCHAR(50)\n)", "note VARCHAR(50),\n    discount DECIMAL(8, 2) DEFAULT 0\n)"))
                .andThen(replace("name VARCHAR(100)", "name VARCHAR(150)"))
                .andThen(replace("o.order_date, o.amount FROM dw.orders o", "o.order_date FROM dw.orders o"))
                .andThen(replace("SUM(amount) AS total FROM mart.v_orders", "COUNT(*) AS total FROM mart.v_orders"))
                .andThen(replace(") DISTSTYLE ALL;", ") DISTSTYLE EVEN;"))
                .andThen(replace("region VARCHAR(20) ENCODE zstd", "region VARCHAR(20) ENCODE zstd NOT NULL"))
                .andThen(replace("CREATE TABLE dw.audit (event VARCHAR(100), logged_at TIMESTAMP);\n", ""))
                .andThen(append("GRANT SELECT ON mart.mv_region TO GROUP analysts;\n"))::apply);
    }

    @Test
    void draftsAgainstALiveEnvironment() throws Exception {
        Path project = Files.createTempDirectory(temp, "project");
        RegenerateTestSupport.write(project, "absolute/model.sql", BASE.replace("note VARCHAR(50)\n)",
                "note VARCHAR(50),\n    discount DECIMAL(8, 2) DEFAULT 0\n)"));
        RegenerateTestSupport.write(project, "incremental/V1__base.sql", BASE);
        ValidateSettings settings = new ValidateSettings(RegenerateTestSupport.settings(project), null, null, null,
                false, 60, "flyway_schema_history");
        try (ThrowawayDatabase qa = ThrowawayDatabase.create(EmbeddedServer.shared(), "qa", false)) {
            Environment environment = new Environment("qa", qa.url().replaceFirst("\\?.*$", ""), "postgres",
                    EmbeddedLogin.password(), "flyway_schema_history", Map.of(), true, 60);
            Migrator migrator = new Migrator(environment, ProjectLoader.load(RegenerateTestSupport.settings(
                    project).project()));
            assertTrue(migrator.migrate(RegenerateTestSupport.settings(project), line -> { }).stream()
                    .noneMatch(f -> f.severity() == Severity.ERROR));

            DiffResult result = Differ.run(new DiffSettings(settings, environment, "discount", false, true, true,
                    project.resolve("target/diff-dry-run")));
            assertEquals(0, result.pending());
            String sql = sql(result.draft());
            assertTrue(sql.contains("takes environment qa to the absolute model"), sql);
            assertTrue(sql.contains("ALTER TABLE dw.orders ADD COLUMN discount DECIMAL(8,2) DEFAULT 0;"), sql);
            assertTrue(result.matches(), sql);
            assertTrue(result.written().isEmpty(), "a dry run writes nothing");
            assertFalse(Files.exists(project.resolve("src/main/redshift/incremental/V2__discount.sql")));
        }
    }

    @Test
    void theExampleProjectNeedsNoDraft() throws IOException {
        Path project = Files.createTempDirectory(temp, "example");
        RegenerateTestSupport.copy(Path.of("examples/tickit-dw"), project);
        ValidateSettings settings = new ValidateSettings(RegenerateTestSupport.settings(project), null, null, null,
                false, 60, "flyway_schema_history");
        DiffResult result = Differ.run(new DiffSettings(settings, null, "none", false, false, true, null));
        assertEquals(List.of(), result.problems());
        assertTrue(result.draft().isEmpty(), () -> sql(result.draft()));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
