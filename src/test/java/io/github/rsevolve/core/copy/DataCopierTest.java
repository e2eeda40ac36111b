package io.github.rsevolve.core.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rsevolve.core.db.EmbeddedServer;
import io.github.rsevolve.core.db.ThrowawayDatabase;
import io.github.rsevolve.core.lint.LintSettings;
import io.github.rsevolve.core.lint.Linter;
import io.github.rsevolve.core.lint.Severity;
import io.github.rsevolve.core.migrate.Environment;
import io.github.rsevolve.core.migrate.Migrator;
import io.github.rsevolve.core.regenerate.RegenerateTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copies between two databases of the embedded PostgreSQL standing in for PRO and QA, and proves the copies. */
class DataCopierTest {

    private static final String MODEL = """
            CREATE SCHEMA dw;
            CREATE TABLE dw.customers (customer_id INTEGER NOT NULL, email VARCHAR(100), name VARCHAR(100));
            CREATE TABLE dw.orders (
                order_id BIGINT NOT NULL,
                customer_id INTEGER,
                amount DECIMAL(12, 2),
                ratio DOUBLE PRECISION,
                order_date DATE,
                note VARCHAR(200)
            ) DISTKEY (customer_id) SORTKEY (order_date);
            """;

    @TempDir
    Path project;

    private final List<String> progress = new ArrayList<>();

    private LintSettings lint() {
        return RegenerateTestSupport.settings(project);
    }

    private Environment deploy(ThrowawayDatabase database, String name) {
        Environment environment = new Environment(name, database.url().replaceFirst("\\?.*$", ""), "postgres", "",
                "flyway_schema_history", Map.of(), true, 60);
        assertTrue(new Migrator(environment, Linter.load(lint())).migrate(lint(), line -> { }).stream()
                .noneMatch(f -> f.severity() == Severity.ERROR));
        return environment;
    }

    private static void execute(ThrowawayDatabase database, String... sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    private static List<String> column(ThrowawayDatabase database, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }

    /** 20,000 orders over 400 days, with NULLs and notes holding tabs, newlines and backslashes. */
    private static void fill(ThrowawayDatabase pro) throws SQLException {
        execute(pro, "INSERT INTO dw.customers SELECT i, 'user' || i || '@example.com', 'Name ' || i "
                        + "FROM generate_series(1, 500) i",
                "INSERT INTO dw.orders SELECT i, i % 500 + 1, CASE WHEN i % 97 = 0 THEN NULL ELSE i * 1.25 END, "
                        + "i / 7.0, current_date - (i % 400), CASE i % 5 WHEN 0 THEN NULL WHEN 1 THEN E'tab\\there' "
                        + "WHEN 2 THEN E'line\\nbreak' WHEN 3 THEN E'back\\\\slash' ELSE 'plain' END "
                        + "FROM generate_series(1, 20000) i");
    }

    /** A test on PRO and QA, both deployed with the model, PRO filled. */
    private interface OnTwoEnvironments {
        void run(ThrowawayDatabase pro, Environment from, ThrowawayDatabase qa, Environment to) throws Exception;
    }

    private void withTwoEnvironments(OnTwoEnvironments test) throws Exception {
        RegenerateTestSupport.write(project, "incremental/V1__model.sql", MODEL);
        EmbeddedServer server = EmbeddedServer.shared();
        try (ThrowawayDatabase pro = ThrowawayDatabase.create(server, "pro", false);
             ThrowawayDatabase qa = ThrowawayDatabase.create(server, "qa", false)) {
            Environment from = deploy(pro, "pro");
            Environment to = deploy(qa, "qa");
            fill(pro);
            test.run(pro, from, qa, to);
        }
    }

    @Test
    void copiesFilteredMaskedAndExcludedColumnsAndProvesTheCopy() throws Exception {
        withTwoEnvironments((pro, from, qa, to) -> {
            execute(qa, "INSERT INTO dw.orders (order_id) VALUES (-1)");
            CopySettings settings = new CopySettings(lint(), from, to, List.of(
                    new CopyTable("dw.orders", "order_date >= DATEADD(day, -90, GETDATE())", List.of("note"),
                            Map.of()),
                    new CopyTable("dw.customers", null, List.of(), Map.of("email", "MD5(email)"))), false, false,
                    1000);

            List<TableCopy> copies = DataCopier.copy(settings, progress::add);

            assertEquals(2, copies.size());
            copies.forEach(c -> assertTrue(c.proven(), c.toString()));
            TableCopy orders = copies.get(0);
            long recent = Long.parseLong(column(pro, "SELECT COUNT(*) FROM dw.orders WHERE order_date >= "
                    + "localtimestamp - interval '90 days'").get(0));
            assertEquals(recent, orders.rows());
            assertEquals(List.of(String.valueOf(recent)), column(qa, "SELECT COUNT(*) FROM dw.orders"));
            assertEquals(List.of("0"), column(qa, "SELECT COUNT(*) FROM dw.orders WHERE order_id = -1"),
                    "the target's rows are replaced");
            assertEquals(List.of("0"), column(qa, "SELECT COUNT(*) FROM dw.orders WHERE note IS NOT NULL"),
                    "an excluded column is never copied");
            assertEquals(List.of("0"), column(qa, "SELECT COUNT(*) FROM dw.customers WHERE email LIKE '%@%'"),
                    "a masked column is copied masked");
            assertTrue(progress.get(0).matches("dw\\.orders: [\\d,]+ rows in [\\d.]+ s \\([\\d,]+ rows/s\\); proof: "
                    + "count, sums and checksum match"), progress.get(0));
        });
    }

    @Test
    void copiesTabsNewlinesBackslashesAndNullsExactly() throws Exception {
        withTwoEnvironments((pro, from, qa, to) -> {
            List<TableCopy> copies = DataCopier.copy(new CopySettings(lint(), from, to,
                    List.of(new CopyTable("dw.*", null, List.of(), Map.of())), false, false, 777), progress::add);
            assertEquals(List.of("dw.customers", "dw.orders"), copies.stream().map(TableCopy::table).toList());
            copies.forEach(c -> assertTrue(c.proven(), c.toString()));
            String notes = "SELECT note FROM dw.orders ORDER BY order_id";
            assertEquals(column(pro, notes), column(qa, notes));

            // The proof sees a change of one value.
            execute(qa, "UPDATE dw.orders SET note = 'changed' WHERE order_id = 4");
            try (Connection source = pro.connect(); Connection target = qa.connect()) {
                Map<String, String> expressions = Map.of("order_id", "order_id", "note", "note");
                assertNotEquals(Proof.compute(source, Proof.Dialect.POSTGRES, "dw.orders", expressions, Map.of(), null),
                        Proof.compute(target, Proof.Dialect.POSTGRES, "dw.orders", expressions, Map.of(), null));
            }
        });
    }

    @Test
    void refusesAProtectedTargetAndSchemasThatDiffer() throws Exception {
        RegenerateTestSupport.write(project, "incremental/V1__model.sql", MODEL);
        EmbeddedServer server = EmbeddedServer.shared();
        try (ThrowawayDatabase pro = ThrowawayDatabase.create(server, "pro", false);
             ThrowawayDatabase qa = ThrowawayDatabase.create(server, "qa", false)) {
            Environment to = deploy(qa, "qa");
            RegenerateTestSupport.write(project, "incremental/V2__discount.sql",
                    "ALTER TABLE dw.orders ADD COLUMN discount DECIMAL(8, 2);");
            Environment from = deploy(pro, "pro");
            List<CopyTable> orders = List.of(new CopyTable("dw.orders", null, List.of(), Map.of()));

            CopyException refused = assertThrows(CopyException.class, () -> DataCopier.copy(
                    new CopySettings(lint(), from, to, orders, true, false, 1000), progress::add));
            assertTrue(refused.getMessage().contains("qa is protected")
                    && refused.getMessage().contains("-Dredshift.allowProtectedTarget=true"), refused.getMessage());

            CopyException differ = assertThrows(CopyException.class, () -> DataCopier.copy(
                    new CopySettings(lint(), from, to, orders, true, true, 1000), progress::add));
            assertTrue(differ.getMessage().contains("dw.orders has columns")
                    && differ.getMessage().contains("qa lacks V2__discount.sql"), differ.getMessage());

            CopyException unknown = assertThrows(CopyException.class, () -> DataCopier.copy(new CopySettings(lint(),
                    from, to, List.of(new CopyTable("dw.ordres", null, List.of(), Map.of())), false, false, 1000),
                    progress::add));
            assertTrue(unknown.getMessage().contains("No table of environment pro matches 'dw.ordres'"),
                    unknown.getMessage());
            assertTrue(Files.exists(project));
        }
    }
}
