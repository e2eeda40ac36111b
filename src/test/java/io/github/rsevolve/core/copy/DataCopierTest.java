package io.github.rsevolve.core.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rsevolve.core.changes.RegenerateTestSupport;
import io.github.rsevolve.core.db.EmbeddedServer;
import io.github.rsevolve.core.db.ThrowawayDatabase;
import io.github.rsevolve.core.finding.RedshiftException;
import io.github.rsevolve.core.lint.LintSettings;
import io.github.rsevolve.core.migrate.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    private CopySettings settings(Environment from, Environment to, List<CopyTable> tables) {
        return new CopySettings(lint(), from, to, tables, false, false, 1000, null);
    }

    private static List<CopyTable> all(String pattern) {
        return List.of(new CopyTable(pattern, null, List.of(), Map.of()));
    }

    private Environment deploy(ThrowawayDatabase database, String name) {
        return CopyFixture.deploy(lint(), database, name);
    }

    private static void execute(ThrowawayDatabase database, String... sql) throws SQLException {
        CopyFixture.execute(database, sql);
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
            CopySettings settings = settings(from, to, List.of(
                    new CopyTable("dw.orders", "order_date >= DATEADD(day, -90, GETDATE())", List.of("note"),
                            Map.of()),
                    new CopyTable("dw.customers", null, List.of(), Map.of("email", "MD5(email)"))));

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

    /** A pattern names every table it copies, and one whose name holds a dot or a quote is one of them. */
    @Test
    void aPatternCopiesTablesNamedWithDotsAndQuotesAndNamesThem() throws Exception {
        withTwoEnvironments((pro, from, qa, to) -> {
            for (ThrowawayDatabase side : List.of(pro, qa)) {
                execute(side, "CREATE TABLE dw.\"daily.orders\" (id INT)",
                        "CREATE TABLE dw.\"it's \"\"x\"\"\" (id INT)");
            }
            execute(pro, "INSERT INTO dw.\"daily.orders\" VALUES (1), (2)",
                    "INSERT INTO dw.\"it's \"\"x\"\"\" VALUES (3)");
            List<TableCopy> copies = DataCopier.copy(settings(from, to, all("dw.*")), progress::add);
            assertEquals(List.of("dw.\"daily.orders\"", "dw.\"it's \"\"x\"\"\"", "dw.customers", "dw.orders"),
                    copies.stream().map(TableCopy::table).sorted().toList());
            copies.forEach(c -> assertTrue(c.proven(), c.toString()));
            assertEquals(List.of("1", "2"), column(qa, "SELECT id FROM dw.\"daily.orders\" ORDER BY id"));
            assertTrue(progress.contains("dw.* names 4 table(s) of pro: dw.customers, dw.\"daily.orders\", "
                    + "dw.\"it's \"\"x\"\"\", dw.orders"), progress.toString());
        });
    }

    @Test
    void copiesTabsNewlinesBackslashesAndNullsExactly() throws Exception {
        withTwoEnvironments((pro, from, qa, to) -> {
            List<TableCopy> copies = DataCopier.copy(new CopySettings(lint(), from, to, all("dw.*"), false, false,
                    777, null), progress::add);
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

            RedshiftException refused = assertThrows(RedshiftException.class, () -> DataCopier.copy(
                    new CopySettings(lint(), from, to, orders, true, false, 1000, null), progress::add));
            assertTrue(refused.getMessage().contains("qa is protected")
                    && refused.getMessage().contains("-Dredshift.allowProtectedTarget=true"), refused.getMessage());

            RedshiftException differ = assertThrows(RedshiftException.class, () -> DataCopier.copy(
                    new CopySettings(lint(), from, to, orders, true, true, 1000, null), progress::add));
            assertTrue(differ.getMessage().contains("dw.orders has columns")
                    && differ.getMessage().contains("qa lacks V2__discount.sql"), differ.getMessage());

            RedshiftException unknown = assertThrows(RedshiftException.class, () -> DataCopier.copy(
                    settings(from, to, all("dw.ordres")), progress::add));
            assertTrue(unknown.getMessage().contains("No table of environment pro matches 'dw.ordres'"),
                    unknown.getMessage());
            assertTrue(Files.exists(project));
        }
    }

    @Test
    void failsTheProofAndNamesTheTableWhenATargetRowIsCorrupted() throws Exception {
        withTwoEnvironments((pro, from, qa, to) -> {
            // A trigger on QA changes one row as it arrives: the copy succeeds, the proof must not.
            execute(qa, "CREATE FUNCTION dw.corrupt() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "IF NEW.order_id = 4 THEN NEW.note := 'corrupted'; END IF; RETURN NEW; END $$",
                    "CREATE TRIGGER corrupt BEFORE INSERT ON dw.orders FOR EACH ROW EXECUTE FUNCTION dw.corrupt()");
            List<TableCopy> copies = DataCopier.copy(settings(from, to, all("dw.*")), progress::add);

            assertTrue(copies.get(0).proven(), copies.get(0).toString());
            TableCopy orders = copies.get(1);
            assertEquals("dw.orders", orders.table());
            assertEquals(false, orders.proven());
            assertEquals(orders.source().rows(), orders.target().rows(), "the same count: only the checksum differs");
            String ordersLine = progress.get(progress.size() - 1);
            assertTrue(ordersLine.startsWith("dw.orders: ") && ordersLine.contains("PROOF FAILED"), ordersLine);
        });
    }

    @Test
    void stopsBeforeWritingWhenAFilterOrMaskDoesNotRun() throws Exception {
        withTwoEnvironments((pro, from, qa, to) -> {
            execute(qa, "INSERT INTO dw.orders (order_id) VALUES (-1)");
            RedshiftException syntax = assertThrows(RedshiftException.class, () -> DataCopier.copy(settings(from, to,
                    List.of(new CopyTable("dw.customers", null, List.of(), Map.of()),
                            new CopyTable("dw.orders", "order_date >= DATEADD(day, -90 GETDATE())", List.of(),
                                    Map.of()))), progress::add));
            assertTrue(syntax.getMessage().startsWith("The rows of dw.orders cannot be read on pro with its <where> "
                    + "'order_date >= DATEADD(day, -90 GETDATE())'"), syntax.getMessage());
            assertTrue(syntax.getMessage().contains("syntax error") && syntax.getMessage().contains("of the <where>")
                    && syntax.getMessage().contains("nothing was copied"), syntax.getMessage());

            RedshiftException column = assertThrows(RedshiftException.class, () -> DataCopier.copy(settings(from, to,
                    List.of(new CopyTable("dw.customers", "nmae = 'x'", List.of(), Map.of()))), progress::add));
            assertTrue(column.getMessage().contains("column \"nmae\" does not exist"), column.getMessage());

            RedshiftException mask = assertThrows(RedshiftException.class, () -> DataCopier.copy(settings(from, to,
                    List.of(new CopyTable("dw.customers", null, List.of(), Map.of("email", "MD6(email)")))),
                    progress::add));
            assertTrue(mask.getMessage().contains("md6"), mask.getMessage());

            assertEquals(List.of("1", "0"), List.of(column(qa, "SELECT COUNT(*) FROM dw.orders").get(0),
                    column(qa, "SELECT COUNT(*) FROM dw.customers").get(0)), "nothing was written");
            assertTrue(progress.isEmpty(), progress.toString());
        });
    }

    @Test
    void aFilterOrMaskThatIsNotOneExpressionIsRefusedBeforeAnyConnection() {
        // Nothing listens on port 1: a connection attempt would fail with another message.
        Environment nowhere = CopyFixture.environment("pro", "jdbc:postgresql://127.0.0.1:1/pro");
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("is_active; DELETE FROM dw.customers WHERE NOT is_active; SELECT 1",
                "holds more than one statement (at character 12)");
        refused.put("is_active;", "ends in a semicolon (at character 10)");
        refused.put("is_active -- and the rest", "holds a comment, which would hide the rest of the query");
        refused.put("is_active) OR (true", "a ')' closes more than it opened (at character 10)");
        refused.put("(is_active", "a '(' is not closed");
        refused.put("is_active UNION SELECT 1", "UNION ends the WHERE (at character 11)");
        refused.put("name = 'x", "not one condition: ");
        refused.forEach((where, why) -> {
            RedshiftException e = assertThrows(RedshiftException.class, () -> DataCopier.copy(settings(nowhere, nowhere,
                    List.of(new CopyTable("dw.customers", where, List.of(), Map.of()))), progress::add), where);
            assertTrue(e.getMessage().startsWith("The <where> of dw.customers is not one condition: ")
                    && e.getMessage().contains(why) && e.getMessage().endsWith("nothing was read or copied."),
                    where + ": " + e.getMessage());
        });
        RedshiftException mask = assertThrows(RedshiftException.class, () -> DataCopier.copy(settings(nowhere, nowhere,
                List.of(new CopyTable("dw.customers", null, List.of(), Map.of("email", "'x'); DROP TABLE t; --")))),
                progress::add));
        assertTrue(mask.getMessage().startsWith("The mask of dw.customers.email is not one expression: "),
                mask.getMessage());
    }

    @Test
    void aFilterThatWritesIsRefusedByTheSourcesReadOnlyTransaction() throws Exception {
        withTwoEnvironments((pro, from, qa, to) -> {
            execute(pro, "CREATE FUNCTION dw.delete_half() RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN "
                    + "DELETE FROM dw.customers WHERE customer_id % 2 = 0; RETURN true; END $$");
            RedshiftException e = assertThrows(RedshiftException.class, () -> DataCopier.copy(settings(from, to,
                    List.of(new CopyTable("dw.customers", "dw.delete_half()", List.of(), Map.of()))),
                    progress::add));
            // LIMIT 0 reads no row, so the check never calls the function: the copy's read-only cursor refuses it.
            assertTrue(e.getMessage().startsWith("Copying dw.customers from pro to qa failed: ERROR: cannot execute "
                    + "DELETE in a read-only transaction") && e.getMessage().contains("keeps its previous rows"),
                    e.getMessage());
            assertEquals(List.of("500"), column(pro, "SELECT COUNT(*) FROM dw.customers"), "the source is unchanged");
            assertEquals(List.of("0"), column(qa, "SELECT COUNT(*) FROM dw.customers"), "nothing was written");
        });
    }

    @Test
    void stopsWhenTheTargetLacksTheTable() throws Exception {
        withTwoEnvironments((pro, from, qa, to) -> {
            execute(qa, "DROP TABLE dw.customers");
            RedshiftException missing = assertThrows(RedshiftException.class,
                    () -> DataCopier.copy(settings(from, to, all("dw.*")), progress::add));
            assertTrue(missing.getMessage().contains("dw.customers does not exist in qa")
                    && missing.getMessage().contains("the difference was made outside them"), missing.getMessage());
            assertEquals(List.of("0"), column(qa, "SELECT COUNT(*) FROM dw.orders"), "nothing was written");
        });
    }

    /** Ends QA's own session from a trigger as row 10,000 arrives. */
    private static void endTargetSessionOnRow10000(ThrowawayDatabase qa) throws SQLException {
        execute(qa, "CREATE FUNCTION dw.kill() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.order_id = 10000 THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF; "
                + "RETURN NEW; END $$",
                "CREATE TRIGGER kill BEFORE INSERT ON dw.orders FOR EACH ROW EXECUTE FUNCTION dw.kill()");
    }

    @Test
    void keepsTheTargetsRowsWhenTheSourceConnectionDropsMidCopy() throws Exception {
        withTwoEnvironments((pro, from, qa, to) -> {
            execute(qa, "INSERT INTO dw.orders (order_id, note) VALUES (-1, 'before the copy')");
            // The source's own session ends as its cursor reaches row 10,000, so the source is gone mid-read
            // whatever the timing (a kill from QA's side can land after the last row was read).
            execute(pro, "CREATE FUNCTION dw.ends_at_10000(id bigint) RETURNS boolean LANGUAGE plpgsql AS $$ "
                    + "BEGIN IF id = 10000 THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF; "
                    + "RETURN true; END $$");
            List<CopyTable> tables = List.of(new CopyTable("dw.customers", null, List.of(), Map.of()),
                    new CopyTable("dw.orders", "dw.ends_at_10000(order_id)", List.of(), Map.of()));
            RedshiftException dropped = assertThrows(RedshiftException.class, () -> DataCopier.copy(
                    new CopySettings(lint(),
                    from, to, tables, false, false, 100, null), progress::add));

            assertTrue(dropped.getMessage().startsWith("Copying dw.orders from pro to qa failed: "),
                    dropped.getMessage());
            assertTrue(dropped.getMessage().contains("qa's dw.orders keeps its previous rows")
                    && dropped.getMessage().contains("Copied before it: dw.customers."),
                    dropped.getMessage());
            assertEquals(List.of("-1 before the copy"), column(qa, "SELECT order_id || ' ' || note FROM dw.orders"));
            assertEquals(List.of("500"), column(qa, "SELECT COUNT(*) FROM dw.customers"), "the table before stays");
        });
    }

    @Test
    void keepsTheTargetsRowsWhenTheTargetConnectionDropsMidCopy() throws Exception {
        withTwoEnvironments((pro, from, qa, to) -> {
            execute(qa, "INSERT INTO dw.orders (order_id, note) VALUES (-1, 'before the copy')");
            endTargetSessionOnRow10000(qa);
            RedshiftException dropped = assertThrows(RedshiftException.class,
                    () -> DataCopier.copy(settings(from, to, all("dw.orders")), progress::add));

            assertTrue(dropped.getMessage().startsWith("Copying dw.orders from pro to qa failed: ")
                    && dropped.getMessage().contains("qa's dw.orders keeps its previous rows"), dropped.getMessage());
            assertEquals(List.of("-1 before the copy"), column(qa, "SELECT order_id || ' ' || note FROM dw.orders"));
        });
    }

    @Test
    void copiesOverJdbcWhenS3StagingIsConfiguredButASideIsNotRedshift() throws Exception {
        withTwoEnvironments((pro, from, qa, to) -> {
            S3Staging staging = new S3Staging("s3://acme-copies/", "default", "default", null);
            List<TableCopy> copies = DataCopier.copy(new CopySettings(lint(), from, to, all("dw.customers"), false,
                    false, 1000, staging), progress::add);
            assertTrue(copies.get(0).proven());
            assertEquals("S3 staging is configured, but UNLOAD and COPY need Redshift on both sides: copying over "
                    + "JDBC.", progress.get(0));
        });
    }
}
